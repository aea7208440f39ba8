import { useEffect, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Segmented, Space, Spin, Table, Typography } from 'antd';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { scenariosApi } from './api.ts';
import { fixed, type Namer } from './format.ts';
import { LmdiWaterfall } from './LmdiWaterfall.tsx';
import { LMDI_EFFECTS, type LmdiEffect, type LmdiFileResult, type LmdiResult } from './types.ts';

/**
 * LMDI decomposition: of the selected scenario's own periods (the file's `lmdi.periods`, in the run
 * report), or of the historical inventories of the documented sample (POST /api/lmdi with demo-lmdi),
 * as a waterfall of the six effects and a table of the additive effects by sector.
 */
type Source = 'scenario' | 'history';
interface History { result: LmdiFileResult; sectorNames: Record<string, string> }

function useHistory(wanted: boolean) {
  const [state, setState] = useState<{ data?: History; error?: unknown; loading: boolean }>({ loading: false });
  useEffect(() => {
    if (!wanted || state.data || state.loading) return;
    setState({ loading: true });
    scenariosApi.lmdiSample()
      .then(async (input) => {
        const result = await scenariosApi.lmdi(input);
        const sectors = Array.isArray(input.sectors) ? (input.sectors as Array<{ id: string; name?: string }>) : [];
        setState({ loading: false, data: { result, sectorNames: Object.fromEntries(sectors.map((s) => [s.id, s.name ?? s.id])) } });
      })
      .catch((error: unknown) => setState({ loading: false, error }));
  }, [wanted, state.data, state.loading]);
  return state;
}

type SectorRow = Record<LmdiEffect, number> & { id: string; change: number };

export function LmdiCard({ periods, names, scenarioName }: { periods: LmdiResult[] | undefined; names: Namer; scenarioName: string }) {
  const { t, lang } = useI18n();
  const [source, setSource] = useState<Source>('scenario');
  const [index, setIndex] = useState(0);
  const history = useHistory(source === 'history');
  const list = source === 'scenario' ? periods ?? [] : history.data?.result.periods ?? [];
  const period = list[Math.min(index, list.length - 1)];
  const sectorName = (id: string) => (source === 'scenario' ? names.sector(id) : history.data?.sectorNames[id] ?? id);
  const rows: SectorRow[] = period ? Object.entries(period.additive.bySector).map(([id, e]) => ({ id, ...e })) : [];
  const unit = t('scenarios.units.co2');

  return (
    <Card
      size="small" data-testid="lmdi-card"
      title={t('scenarios.charts.lmdi') + (source === 'scenario' ? ` · ${scenarioName}` : '')}
      extra={(
        <Space wrap>
          <Segmented<Source> size="small" value={source} onChange={(v) => { setSource(v); setIndex(0); }} data-testid="lmdi-source"
            options={[{ value: 'scenario', label: t('scenarios.charts.lmdiScenario') }, { value: 'history', label: t('scenarios.charts.lmdiHistory') }]} />
          {list.length > 1 ? (
            <Segmented<number> size="small" value={Math.min(index, list.length - 1)} onChange={setIndex}
              options={list.map((p, i) => ({ value: i, label: `${p.from}–${p.to}` }))} />
          ) : null}
        </Space>
      )}
    >
      {history.error && source === 'history' ? <Alert type="error" showIcon title={errorText(history.error, lang)} /> : null}
      {history.loading && source === 'history' ? <div className="st-center"><Spin /></div> : null}
      {!period && !(history.loading && source === 'history') ? <Empty description={source === 'scenario' ? t('scenarios.charts.lmdiNone') : undefined} /> : null}
      {period ? (
        <Row gutter={16}>
          <Col xs={24} xl={10}><LmdiWaterfall period={period} /></Col>
          <Col xs={24} xl={14}>
            <Table<SectorRow>
              data-testid="lmdi-table" rowKey="id" size="small" pagination={false} dataSource={rows} scroll={{ x: 656 }} className="st-lmdi-table"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><b>{t('scenarios.charts.lmdiTotal')}</b></Table.Summary.Cell>
                  {LMDI_EFFECTS.map((e, i) => <Table.Summary.Cell key={e} index={i + 1} align="right"><b>{fixed(period.additive.total[e], lang)}</b></Table.Summary.Cell>)}
                  <Table.Summary.Cell index={7} align="right"><b>{fixed(period.change, lang)}</b></Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              columns={[
                { title: t('scenarios.charts.lmdiSector'), key: 'id', width: 96, ellipsis: true, render: (_v, r) => sectorName(r.id) },
                ...LMDI_EFFECTS.map((e) => ({ title: t(`scenarios.charts.effects.${e}`), key: e, align: 'right' as const, width: 80,
                  render: (_v: unknown, r: SectorRow) => fixed(r[e], lang) })),
                { title: t('scenarios.charts.lmdiTotal'), key: 'change', align: 'right' as const, width: 80, render: (_v: unknown, r: SectorRow) => fixed(r.change, lang) },
              ]}
            />
            <Typography.Paragraph type="secondary" className="st-note">
              {t('scenarios.charts.unitNote', { unit })}{lang === 'zh' ? '' : ' '}{t('scenarios.charts.lmdiNote')}
              {source === 'history' && history.data?.result.region?.note ? <><br />{history.data.result.region.note}</> : null}
            </Typography.Paragraph>
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
