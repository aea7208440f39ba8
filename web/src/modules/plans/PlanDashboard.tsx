import { Card, Col, Empty, Row, Typography } from 'antd';
import type { PlanDetail } from '../../../../src/contracts/plans.ts';
import { TASK_STATUSES } from '../../../../src/contracts/plans.ts';
import { useI18n } from '../../app/lang.tsx';
import { Chart } from '../indicators/charts.ts';
import { WARNING_COLORS, levelOf, type WarningKey } from './labels.ts';

/**
 * The strip under a plan's header: targets by warning level (coloured counts and a ring), tasks by
 * status, and the overdue tasks. Rejected targets are not counted.
 */
const LEVELS: WarningKey[] = ['red', 'yellow', 'green', 'none'];
const TASK_COLORS = { not_started: '#bfbfbf', in_progress: '#1d6fb8', completed: '#2e9e5b' } as const;

export function PlanDashboard({ plan, onOverdue }: { plan: PlanDetail; onOverdue(): void }) {
  const { t } = useI18n();
  const targets = plan.targets.filter((x) => x.reviewStatus !== 'rejected');
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, targets.filter((x) => levelOf(x) === l).length])) as Record<WarningKey, number>;
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, plan.tasks.filter((x) => x.status === s).length]));
  const overdue = plan.tasks.filter((x) => x.overdue);

  const ring = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{
      type: 'pie', radius: ['45%', '75%'], center: ['50%', '50%'], label: { show: false },
      data: LEVELS.filter((l) => byLevel[l]).map((l) => ({ name: t(`plans.levels.${l}`), value: byLevel[l], itemStyle: { color: WARNING_COLORS[l] } })),
    }],
  };
  const bars = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 4, right: 28, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: { type: 'category', inverse: true, data: TASK_STATUSES.map((s) => t(`plans.taskStatuses.${s}`)), axisTick: { show: false } },
    series: [{
      type: 'bar', barMaxWidth: 18, label: { show: true, position: 'right' },
      data: TASK_STATUSES.map((s) => ({ value: byStatus[s], itemStyle: { color: TASK_COLORS[s] } })),
    }],
  };

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="plan-dashboard">
      <Col xs={24} lg={10}>
        <Card size="small" className="st-dash-card" title={t('plans.dash.targets')} extra={<Typography.Text type="secondary">{t('plans.dash.targetsSub')}</Typography.Text>}>
          <Row gutter={8} align="middle">
            <Col span={14}>
              <div className="st-level-count" data-testid="level-counts">
                {LEVELS.map((l) => (
                  <div key={l} className="st-level-box" style={{ background: WARNING_COLORS[l] }} data-testid={`level-${l}`}>
                    <div className="st-level-n">{byLevel[l]}</div>
                    <div className="st-level-t">{t(`plans.levels.${l}`)}</div>
                  </div>
                ))}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('plans.dash.total')} {targets.length} · {t('plans.dash.assessed', { count: targets.length - byLevel.none })}
              </Typography.Text>
            </Col>
            <Col span={10}>{targets.length ? <Chart option={ring} height={120} testId="chart-levels" /> : null}</Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={12} lg={7}>
        <Card size="small" className="st-dash-card" title={t('plans.dash.tasks')} extra={<Typography.Text type="secondary">{t('plans.dash.tasksTotal', { count: plan.tasks.length })}</Typography.Text>}>
          {plan.tasks.length ? <Chart option={bars} height={120} testId="chart-tasks" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </Card>
      </Col>
      <Col xs={24} md={12} lg={7}>
        <Card size="small" className="st-dash-card" title={t('plans.dash.overdue')}
          extra={<Typography.Link onClick={onOverdue} style={{ fontSize: 22, fontWeight: 600, color: overdue.length ? WARNING_COLORS.red : undefined }} data-testid="overdue-count">{overdue.length}</Typography.Link>}>
          {overdue.length ? (
            <ol className="st-overdue-list">
              {overdue.slice(0, 4).map((x) => <li key={x.id}><Typography.Text ellipsis style={{ maxWidth: '100%' }}>{x.title}</Typography.Text></li>)}
              {overdue.length > 4 ? <li style={{ listStyle: 'none' }}>…</li> : null}
            </ol>
          ) : <Typography.Text type="secondary">{t('plans.dash.overdueNone')}</Typography.Text>}
        </Card>
      </Col>
    </Row>
  );
}
