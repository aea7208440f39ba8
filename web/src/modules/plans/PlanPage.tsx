import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Result, Space, Spin, Switch, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { PlanDetail, TargetOut, TaskOut } from '../../../../src/contracts/plans.ts';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { usePermission } from '../../app/permissions.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { indicatorsApi } from '../indicators/api.ts';
import { plansApi } from './api.ts';
import { indicatorNameOf, targetPhrase } from './labels.ts';
import { EvaluationActions } from './evaluation/EvaluationActions.tsx';
import { PlanMetaModal } from './evaluation/PlanMetaModal.tsx';
import { PlanDashboard } from './PlanDashboard.tsx';
import { PlanHeader } from './PlanHeader.tsx';
import { SourceText, type SourceMark } from './SourceText.tsx';
import { TargetEditModal, fieldsOf } from './TargetEditModal.tsx';
import { TargetsTable } from './TargetsTable.tsx';
import { TasksPanel } from './TasksPanel.tsx';
import { ReportsTab } from './reports/ReportsTab.tsx';
import { usePlanReports } from './reports/usePlanReports.ts';

/**
 * One plan: its particulars, the dashboard strip, then 主要目标 / 全部目标 / 重点行动与任务 / 方案原文.
 * Clicking a target anywhere opens the source text at its quote and flashes it.
 */
export default function PlanPage() {
  const { t, lang } = useI18n();
  const permitted = usePermission();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const planId = Number(useParams().id);
  const plan = useLoad(() => plansApi.get(planId), [planId]);
  const source = useLoad(() => plansApi.source(planId), [planId]);
  const catalogue = useLoad(() => indicatorsApi.catalogue(), []);
  const byCode = useMemo(() => new Map((catalogue.data ?? []).map((i) => [i.code, i])), [catalogue.data]);
  const [tab, setTab] = useState('main');
  const [focus, setFocus] = useState<{ id: string; nonce: number } | null>(null);
  const [editing, setEditing] = useState<TargetOut | null>(null);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [editingMeta, setEditingMeta] = useState(false);
  const reports = usePlanReports(planId);

  const p = plan.data;
  const marks = useMemo<SourceMark[]>(() => (p?.targets ?? []).filter((x) => x.span).map((x) => ({
    id: `t${x.id}`, start: x.span!.start, end: x.span!.end,
    tone: x.reviewStatus === 'rejected' ? 'rejected' : x.progress?.level === 'red' ? 'red' : x.progress?.level === 'green' ? 'green' : 'target',
    title: t('plans.labelled', { label: indicatorNameOf(x, byCode, lang), value: targetPhrase(t, lang, x) }),
  })), [p, byCode, lang, t]);

  if (plan.error) {
    return <Result status="warning" title={errorText(plan.error, lang)} extra={<Button onClick={() => navigate('/plans')}>{t('plans.back')}</Button>} />;
  }
  if (!p) return <div className="st-center"><Spin size="large" /></div>;

  const locate = (x: TargetOut) => {
    if (!x.span) return;
    setTab('source');
    setFocus({ id: `t${x.id}`, nonce: Date.now() });
  };
  const canEdit = permitted('plan.write', { regionId: p.regionId });
  const onTask = (x: TaskOut) => plan.setData({ ...p, tasks: p.tasks.map((y) => (y.id === x.id ? x : y)) } satisfies PlanDetail);
  const saveTarget = async (x: TargetOut, patch: Parameters<typeof plansApi.patchTarget>[1]) => {
    await plansApi.patchTarget(x.id, patch);
    message.success(t('plans.targetSaved'));
    setEditing(null);
    void plan.reload();
  };
  const table = (targets: TargetOut[], full: boolean, testId: string) => (
    <TargetsTable targets={targets} catalogue={byCode} regionCode={p.regionCode} full={full} onLocate={locate}
      onEdit={canEdit ? setEditing : undefined} testId={testId} />
  );

  return (
    <>
      <PageHeader title={p.title} extra={(
        <Space wrap size={16}>
          <EvaluationActions plan={p} />
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/plans')}>{t('plans.back')}</Button>
        </Space>
      )} />
      <PlanHeader plan={p} onEdit={canEdit ? () => setEditingMeta(true) : undefined} />
      <PlanDashboard plan={p} onOverdue={() => { setOnlyOverdue(true); setTab('tasks'); }} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          data-testid="plan-tabs"
          items={[
            { key: 'main', label: t('plans.paren', { text: t('plans.tabs.main'), note: p.targets.filter((x) => x.main).length }), children: table(p.targets.filter((x) => x.main), false, 'main-targets') },
            { key: 'all', label: t('plans.paren', { text: t('plans.tabs.all'), note: p.targets.length }), children: table(p.targets, true, 'all-targets') },
            {
              key: 'tasks', label: t('plans.paren', { text: t('plans.tabs.tasks'), note: p.tasks.length }),
              children: (
                <>
                  <Space style={{ marginBottom: 8, float: 'right' }}>
                    <Switch size="small" checked={onlyOverdue} onChange={setOnlyOverdue} />{t('plans.onlyOverdue')}
                  </Space>
                  {p.tasks.length ? <TasksPanel key={String(onlyOverdue)} plan={p} onChanged={onTask} onlyOverdue={onlyOverdue} reports={reports} /> : <Empty />}
                </>
              ),
            },
            { key: 'reports', label: t('reports.tab'), children: <ReportsTab plan={p} state={reports} onChanged={() => void plan.reload()} /> },
            {
              key: 'source', label: t('plans.tabs.source'),
              children: source.error ? <Alert type="error" showIcon title={errorText(source.error, lang)} />
                : !source.data ? <Spin />
                : !source.data.text ? <Empty description={t('plans.sourceEmpty')} />
                : (
                  <>
                    <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('plans.sourceHint')}</Typography.Paragraph>
                    <SourceText text={source.data.text} marks={marks} focus={focus} onMarkClick={(id) => setFocus({ id, nonce: Date.now() })} />
                  </>
                ),
            },
          ]}
        />
      </Card>
      {editing && catalogue.data ? (
        <TargetEditModal
          title={t('plans.labelled', { label: t('plans.editTarget'), value: indicatorNameOf(editing, byCode, lang) })}
          quote={editing.quoteOriginal || editing.quote}
          initial={fieldsOf(editing)}
          catalogue={catalogue.data}
          withReview
          onSubmit={(patch) => saveTarget(editing, patch)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editingMeta ? (
        <PlanMetaModal plan={p} onClose={() => setEditingMeta(false)}
          onSaved={(x) => { plan.setData(x); setEditingMeta(false); message.success(t('planEdit.saved')); }} />
      ) : null}
    </>
  );
}
