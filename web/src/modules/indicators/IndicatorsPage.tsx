import { useEffect, useMemo, useRef } from 'react';
import { Alert, Card, Col, Empty, Form, Row, Select, Spin, Tabs, TreeSelect, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { IndicatorOut } from '../../../../src/contracts/plans.ts';
import { errorText } from '../../app/api.ts';
import { zh } from '../../i18n/zh.ts';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { regionTreeData } from '../../shared/regions.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { unitLabel } from '../plans/labels.ts';
import { indicatorsApi } from './api.ts';
import { trackedCode } from './assess.ts';
import { CompareView } from './CompareView.tsx';
import { TrendView } from './TrendView.tsx';

/**
 * 指标预警: one indicator in one region — observed values against the target paths with the three-colour
 * warning, the values with entry and review — and the same indicator compared across the sub-regions.
 * The choice lives in the address (?indicator=&region=&tab=) so a target's 指标趋势 link opens it.
 */
export default function IndicatorsPage() {
  const { t, lang, nameOf } = useI18n();
  const { index, selected } = useRegion();
  const [params, setParams] = useSearchParams();
  const catalogue = useLoad(() => indicatorsApi.catalogue(), []);
  const byCode = useMemo(() => new Map((catalogue.data ?? []).map((i) => [i.code, i])), [catalogue.data]);
  const treeData = useMemo(() => (index ? regionTreeData(index, nameOf) : []), [index, nameOf]);

  const code = params.get('indicator') ?? undefined;
  const regionCode = params.get('region') ?? selected?.code;
  const tab = params.get('tab') === 'compare' ? 'compare' : 'trend';
  const set = (k: string, v: string | undefined) => setParams((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });
  // A region chosen in the header later moves the page to it (the address wins when the page opens).
  const headerRegion = useRef(selected?.code);
  useEffect(() => {
    if (!selected || headerRegion.current === selected.code) return;
    headerRegion.current = selected.code;
    set('region', selected.code);
  }, [selected?.code]); // eslint-disable-line react-hooks/exhaustive-deps

  const name = (i: IndicatorOut) => (lang === 'zh' ? i.name : i.nameEn);
  const options = useMemo(() => {
    const groups = new Map<string, IndicatorOut[]>();
    for (const i of catalogue.data ?? []) groups.set(i.category, [...(groups.get(i.category) ?? []), i]);
    return [...groups].map(([cat, list]) => ({
      label: cat in zh.indicators.categories ? t(`indicators.categories.${cat as keyof typeof zh.indicators.categories}`) : cat,
      title: cat,
      options: list.map((i) => ({ value: i.code, label: i.unit ? t('plans.paren', { text: name(i), note: unitLabel(t, i.unit) }) : name(i), search: `${i.name} ${i.nameEn} ${i.code}` })),
    }));
  }, [catalogue.data, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const picked = code ? byCode.get(code) : undefined;
  const tracked = picked ? byCode.get(trackedCode(picked.code)) ?? picked : undefined;
  const region = regionCode ? index?.byCode.get(regionCode) : undefined;

  return (
    <>
      <PageHeader title={t('indicators.title')} />
      <Card className="st-search-card" size="small">
        <Form layout="inline" data-testid="indicator-picker" style={{ rowGap: 8 }}>
          <Form.Item label={t('indicators.indicator')} style={{ minWidth: 420 }}>
            <Select
              value={code} onChange={(v: string) => set('indicator', v)} loading={catalogue.loading}
              showSearch={{ filterOption: (input, o) => String((o as { search?: string })?.search ?? '').toLowerCase().includes(input.toLowerCase()) }}
              placeholder={t('indicators.indicatorPlaceholder')} options={options} style={{ width: 380 }} data-testid="indicator-select"
            />
          </Form.Item>
          <Form.Item label={t('indicators.region')}>
            <TreeSelect value={regionCode} onChange={(v: string) => set('region', v)} treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} style={{ width: 240 }} />
          </Form.Item>
          {picked ? (
            <Form.Item>
              <Typography.Text type="secondary">{picked.code} · {t(`indicators.directions.${picked.direction}`)}</Typography.Text>
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      {catalogue.error ? <Alert type="error" showIcon title={errorText(catalogue.error, lang)} /> : null}
      {!catalogue.data && !catalogue.error ? <div className="st-center"><Spin /></div> : null}
      {catalogue.data && (!picked || !tracked || !region) ? <Card><Empty description={t('indicators.pickIndicator')} /></Card> : null}
      {picked && tracked && region ? (
        <Tabs activeKey={tab} onChange={(k) => set('tab', k === 'trend' ? undefined : k)} data-testid="indicator-tabs"
          items={[
            { key: 'trend', label: t('indicators.tabs.trend'), children: <TrendView indicator={tracked} picked={picked} regionCode={region.code} regionName={nameOf(region)} /> },
            { key: 'compare', label: t('indicators.tabs.compare'), children: <CompareView indicator={tracked} region={region} /> },
          ]} />
      ) : null}
    </>
  );
}
