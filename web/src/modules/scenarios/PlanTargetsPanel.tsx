import { useState } from 'react';
import { Alert, App as AntApp, Button, Collapse, Empty, Space, Table, Tag, Typography } from 'antd';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { scenariosApi, type PlanTargets } from './api.ts';
import { metricValue } from './format.ts';
import type { ScenarioInput } from './types.ts';

/**
 * 规划目标: the targets of the region's stored plans against the file being edited. Those the model computes
 * become the file's attainment targets (导入规划目标 replaces earlier ones taken from a plan, ids `plan<N>-…`);
 * the others are listed with the reason the model cannot compute them. Loaded when opened.
 */
const FROM_PLAN = /^plan\d+-/;
const METRIC_UNIT: Record<string, string> = {
  energyIntensityReduction: 'fraction', carbonIntensityReduction: 'fraction', nonFossilShare: 'fraction', energyIntensity: 'tce/万元',
  carbonIntensity: 'tCO2/万元', energyTotal: '万tce', co2: '万tCO2', capacity: '万kW', peakYear: 'year',
};

export function SkippedTargets({ skipped, peak }: { skipped: PlanTargets['skipped']; peak: PlanTargets['peak'] }) {
  const { t, nameOf } = useI18n();
  return (
    <>
      {peak ? <Typography.Paragraph data-testid="plan-peak">{t('scenarios.plan.peak', { year: peak.year, title: peak.planTitle, quote: peak.quote })}</Typography.Paragraph> : null}
      {skipped.length ? (
        <Table size="small" rowKey={(s) => `${s.planId}-${s.ref}`} pagination={false} dataSource={skipped} scroll={{ y: 240 }} data-testid="plan-skipped"
          columns={[
            { title: t('scenarios.plan.target'), key: 'n', render: (_v, s) => <span>{s.ref} · {s.indicatorName}{s.year ? ` · ${s.year}` : ''}</span> },
            { title: t('scenarios.plan.why'), key: 'w', render: (_v, s) => nameOf({ name: s.zh, nameEn: s.en }) },
          ]} />
      ) : <Typography.Text type="secondary">{t('scenarios.plan.allComputed')}</Typography.Text>}
    </>
  );
}

export function PlanTargetsPanel({ regionCode, draft, onChange }: { regionCode: string; draft: ScenarioInput; onChange(next: ScenarioInput): void }) {
  const { t, lang, nameOf } = useI18n();
  const { message } = AntApp.useApp();
  const [data, setData] = useState<PlanTargets | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    setError(null);
    try { setData(await scenariosApi.planTargets(regionCode, draft)); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const inFile = new Map((draft.targets ?? []).map((x) => [x.id, x]));
  const apply = () => {
    if (!data) return;
    const own = (draft.targets ?? []).filter((x) => !FROM_PLAN.test(x.id));
    onChange({ ...draft, targets: [...own, ...(data.targets as NonNullable<ScenarioInput['targets']>)] });
    message.success(t('scenarios.plan.applied', { count: data.targets.length }));
  };
  const rows = (data?.targets ?? []) as { id: string; name?: string; metric: string; year?: number; value: number; op?: string }[];

  return (
    <Collapse
      size="small" className="st-workspace" data-testid="plan-targets"
      onChange={(keys) => { if (keys.length && !data && !busy) void load(); }}
      items={[{
        key: 'plan', label: t('scenarios.plan.title'),
        extra: data?.fromPlans && data.targets.length ? (
          <Button size="small" type="primary" onClick={(e) => { e.stopPropagation(); apply(); }} data-testid="plan-apply">{t('scenarios.plan.apply')}</Button>
        ) : null,
        children: (
          <>
            {error ? <Alert type="error" showIcon title={errorText(error, lang)} /> : null}
            {busy ? <Typography.Text type="secondary">{t('scenarios.previewing')}</Typography.Text> : null}
            {data && !data.fromPlans ? <Empty description={t('scenarios.plan.noPlans')} /> : null}
            {data?.fromPlans ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text>{t('scenarios.plan.summary', { mapped: data.targets.length, skipped: data.skipped.length })}</Typography.Text>
                <Table size="small" rowKey="id" pagination={false} dataSource={rows} data-testid="plan-mapped"
                  columns={[
                    { title: t('scenarios.plan.target'), key: 'n', render: (_v, r) => nameOf({ name: r.name ?? r.id }) },
                    { title: t('scenarios.charts.year'), key: 'y', width: 70, align: 'center', render: (_v, r) => r.year ?? '—' },
                    { title: t('scenarios.charts.targetValue'), key: 'v', width: 140, align: 'right',
                      render: (_v, r) => `${r.op === '<=' || (!r.op && r.metric === 'peakYear') ? '≤' : '≥'} ${metricValue(t, lang, r.value, METRIC_UNIT[r.metric] ?? '')}` },
                    { title: t('scenarios.plan.inFile'), key: 'f', width: 110, align: 'center',
                      render: (_v, r) => (inFile.has(r.id) ? <Tag color="green">{t('scenarios.plan.yes')}</Tag> : <Tag>{t('scenarios.plan.no')}</Tag>) },
                  ]} />
                <Typography.Text strong>{t('scenarios.plan.skippedTitle')}</Typography.Text>
                <SkippedTargets skipped={data.skipped} peak={null} />
                <Button size="small" onClick={() => void load()}>{t('scenarios.plan.reload')}</Button>
              </Space>
            ) : null}
          </>
        ),
      }]}
    />
  );
}
