import { Table, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { TargetResult } from '../../../../src/core/scenarios/index.ts';
import { useI18n } from '../../app/lang.tsx';
import { metricValue, pct } from './format.ts';
import type { MonteCarloResult } from './types.ts';

/**
 * Attainment of the file's targets by one scenario (deterministic run): the target, the value the model
 * computes, the margin (positive: met with room to spare), pass/fail within the tolerance, and — when Monte
 * Carlo ran — the probability of meeting it over the draws. Targets taken from the region's plans are marked.
 */
export function TargetsTable({ targets, mc }: { targets: TargetResult[]; mc: MonteCarloResult | undefined }) {
  const { t, lang, nameOf } = useI18n();
  const prob = new Map((mc?.targets ?? []).map((x) => [x.id, x.probability]));
  return (
    <Table<TargetResult>
      data-testid="targets-table" rowKey="id" size="small" bordered pagination={false} dataSource={targets} scroll={{ x: 760 }}
      columns={[
        { title: t('scenarios.charts.target'), key: 'name', render: (_v, r) => (
          <>{/^plan\d+-/.test(r.id) ? <Tag color="blue" data-testid="target-from-plan">{t('scenarios.charts.fromPlan')}</Tag> : null}{nameOf({ name: r.name ?? r.id, nameEn: r.nameEn })}</>
        ) },
        { title: t('scenarios.charts.year'), key: 'year', width: 96, align: 'center',
          render: (_v, r) => (r.year === undefined ? '—' : r.from !== undefined && r.metric.endsWith('Reduction') ? t('scenarios.charts.yearFrom', { year: r.year, from: r.from }) : r.year) },
        { title: t('scenarios.charts.targetValue'), key: 'target', width: 120, align: 'right',
          render: (_v, r) => `${r.op === '>=' ? '≥' : '≤'} ${metricValue(t, lang, r.target, r.unit)}` },
        { title: t('scenarios.charts.value'), key: 'value', width: 120, align: 'right', render: (_v, r) => metricValue(t, lang, r.value, r.unit) },
        { title: t('scenarios.charts.margin'), key: 'margin', width: 120, align: 'right',
          render: (_v, r) => <span className={r.margin != null && r.margin < 0 ? 'st-negative' : undefined}>{metricValue(t, lang, r.margin, r.unit, true)}</span> },
        { title: t('scenarios.charts.result'), key: 'pass', width: 84, align: 'center',
          render: (_v, r) => (r.pass
            ? <Tag color="success" icon={<CheckCircleFilled />}>{t('scenarios.charts.pass')}</Tag>
            : <Tag color="error" icon={<CloseCircleFilled />}>{t('scenarios.charts.fail')}</Tag>) },
        { title: t('scenarios.charts.probability'), key: 'p', width: 90, align: 'right', render: (_v, r) => pct(prob.get(r.id), lang, 1) },
      ]}
    />
  );
}
