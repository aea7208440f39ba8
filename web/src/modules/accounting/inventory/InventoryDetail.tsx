import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Row, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { InventoryListItem } from '../../../../../src/contracts/accounting.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useRegion } from '../../../app/region.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi, type InventoryFull } from '../api.ts';
import { ExplainDrawer, type ExplainTarget } from '../explain/ExplainDrawer.tsx';
import { shortHash } from '../format.ts';
import { usePageParams } from '../params.ts';
import { Co2Chart } from './Co2Chart.tsx';
import { EnergySankey } from './EnergySankey.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { ReferenceApproach } from './ReferenceApproach.tsx';

/**
 * One stored inventory: its provenance (factor set, input hash, calculator), the key figures with the
 * reductions against a base year the user chooses (only years computed with the same factor set can be
 * compared), the charts, the reference-approach cross-check and the quality flags. Any figure opens its
 * calculation sheet. 复核 recomputes it from the stored input and set; 导出填报表 gives the input back as Excel.
 */
type Fig = { value: number; unit: string; lineage: string };
const isFig = (v: unknown): v is Fig => typeof v === 'object' && v !== null && 'lineage' in v && 'value' in v;

/**
 * The inputs of a reduction rate (`current:intensity.energy`, `base:intensity.energy`): the figure of this
 * inventory, or of the base-year inventory's key figures as listed (a figure not among them stays unresolved).
 */
function compared(path: string, d: InventoryFull, siblings: InventoryListItem[]): Fig | null {
  const m = /^(current|base):(.+)$/.exec(path);
  if (!m || !d.reduction) return null;
  if (m[1] === 'current') { const n = d.result.lineage[m[2]]; return n ? { value: n.value, unit: n.unit, lineage: n.id } : null; }
  const base = siblings.find((s) => s.year === d.reduction?.baseYear && s.factorSet.id === d.factorSet.id);
  return Object.values(base?.summary ?? {}).filter(isFig).find((f) => f.lineage === m[2]) ?? null;
}

export function InventoryDetailView({ id, siblings, onBack }: { id: number; siblings: InventoryListItem[] | undefined; onBack(): void }) {
  const { t, lang, dateTime, nameOf } = useI18n();
  const { index } = useRegion();
  const { message, modal } = App.useApp();
  const { num, set } = usePageParams();
  const me = siblings?.find((s) => s.id === id);
  const bases = useMemo(() => (siblings ?? []).filter((s) => me && s.year < me.year && s.factorSet.id === me.factorSet.id)
    .map((s) => s.year).filter((y, i, a) => a.indexOf(y) === i).sort((a, b) => a - b), [siblings, me]);
  // The base year: the one in the address, else 2020 (the usual base year) when it can be compared.
  const asked = num('base');
  const base = asked === 0 ? undefined : asked ?? (bases.includes(2020) ? 2020 : undefined);
  // Waits for the region's list (which tells the comparable base years) so that the detail loads once.
  const detail = useLoad(() => (siblings ? accountingApi.inventory(id, base) : Promise.resolve(undefined)), [id, base, !!siblings]);
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const [busy, setBusy] = useState<'verify' | 'export' | null>(null);
  const d = detail.data;

  const verify = async () => {
    setBusy('verify');
    try {
      const v = await accountingApi.verify(id);
      if (v.identical) message.success(t('accounting.inventory.verifyOk'));
      else modal.warning({ title: t('accounting.inventory.verifyFailed'), content: v.problem ? v.problem[lang] : t('accounting.inventory.verifyDiff', { parts: v.differences.join('、') }) });
    } catch (e) { message.error(errorText(e, lang)); } finally { setBusy(null); }
  };
  const exportInput = async () => {
    setBusy('export');
    try { message.success(t('accounting.inventory.downloaded', { name: await accountingApi.downloadInput(id) })); }
    catch (e) { message.error(errorText(e, lang)); } finally { setBusy(null); }
  };
  const open = (figure: string) => setExplain({ kind: 'inventory', id, figure });

  return (
    <div data-testid="inventory-detail">
      <Card className="st-acc-card" size="small">
        <div className="st-table-toolbar" style={{ marginBottom: 8 }}>
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="inventory-back">{t('accounting.inventory.back')}</Button>
            <span className="st-table-title" data-testid="inventory-title">{d ? t('accounting.inventory.detailTitle', { region: nameOf(index?.byCode.get(d.regionCode)) || d.regionName, year: d.year }) : ''}</span>
          </Space>
          <Space wrap>
            <span>{t('accounting.inventory.baseYear')}</span>
            <Select style={{ width: 130 }} value={base ?? 0} onChange={(v: number) => set({ base: v })} data-testid="inventory-base"
              options={[{ value: 0, label: t('accounting.inventory.noBase') }, ...bases.map((y) => ({ value: y, label: t('accounting.inventory.yearValue', { year: y }) }))]} />
            <Button icon={<FileExcelOutlined />} loading={busy === 'export'} onClick={() => void exportInput()} data-testid="inventory-export">{t('accounting.inventory.export')}</Button>
            <Button icon={<SafetyCertificateOutlined />} loading={busy === 'verify'} onClick={() => void verify()} data-testid="inventory-verify">{t('accounting.inventory.verify')}</Button>
          </Space>
        </div>
        {detail.error ? <Alert type="error" showIcon title={errorText(detail.error, lang)} /> : null}
        {d ? (
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} items={[
            { key: 'set', label: t('accounting.inventory.factorSet'), children: <Tooltip title={d.factorSet.fingerprint}>{d.factorSet.name} v{d.factorSet.version}（{shortHash(d.factorSet.fingerprint)}）</Tooltip> },
            { key: 'conv', label: t('accounting.inventory.conversion'), children: <span data-testid="inventory-conversion">{d.summary.electricityConversion[lang]}</span> },
            { key: 'elec', label: t('accounting.inventory.gridFactor'), children: `${d.result.method.electricityFactor.series} / ${d.result.method.electricityFactor.key}` },
            { key: 'price', label: t('accounting.inventory.priceBase'), children: t('accounting.inventory.priceBaseValue', { year: d.result.intensity.priceBaseYear }) },
            { key: 'hash', label: t('accounting.inventory.inputHash'), children: <Tooltip title={d.inputHash}><Typography.Text code>{shortHash(d.inputHash)}</Typography.Text></Tooltip> },
            { key: 'calc', label: t('accounting.inventory.calculator'), children: d.calculator },
            { key: 'src', label: t('accounting.inventory.source'), children: d.sourceName ?? '—' },
            { key: 'at', label: t('common.createdAt'), children: `${dateTime(d.createdAt)}${d.createdBy ? ` · ${d.createdBy}` : ''}` },
          ]} />
        ) : null}
      </Card>
      {detail.loading && !d ? <div className="st-center"><Spin /></div> : null}
      {d && d.id === id ? (
        <>
          <KeyFigures d={d} onExplain={open} onReduction={(figure) => d.reduction && setExplain({
            kind: 'local', lineage: d.reduction.lineage, figure, resolve: (path) => compared(path, d, siblings ?? []),
            title: t('accounting.inventory.reductionSheet', { base: d.reduction.baseYear, year: d.year }),
          })} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xxl={12}>
              <Card className="st-acc-card" title={t('accounting.charts.co2Title')} extra={<Typography.Text type="secondary">{t('accounting.charts.clickHint')}</Typography.Text>}>
                <Co2Chart inv={d.result} onExplain={open} />
              </Card>
            </Col>
            <Col xs={24} xxl={12}>
              <Card className="st-acc-card" title={t('accounting.charts.sankeyTitle')} extra={<Typography.Text type="secondary">{d.summary.electricityConversion[lang]}</Typography.Text>}>
                <EnergySankey inv={d.result} />
              </Card>
            </Col>
          </Row>
          <ReferenceApproach inv={d.result} onExplain={open} />
          {d.result.qualityFlags.length ? (
            <Collapse className="st-acc-card" data-testid="inventory-flags" items={[{
              key: 'flags', label: <span>{t('accounting.inventory.flags')} <Tag color="warning">{d.result.qualityFlags.length}</Tag></span>,
              children: <ul className="st-acc-flags">{d.result.qualityFlags.map((f, i) => <li key={i}>{f[lang]}{f.field ? <Typography.Text type="secondary">（{f.field}）</Typography.Text> : null}</li>)}</ul>,
            }]} />
          ) : null}
        </>
      ) : null}
      {explain ? <ExplainDrawer target={explain} onClose={() => setExplain(null)} /> : null}
    </div>
  );
}
