import { useState } from 'react';
import { Button, Progress, Segmented, Space, Table, Typography } from 'antd';
import type { ReportOut } from '../../../../../src/contracts/reports.ts';
import { useI18n } from '../../../app/lang.tsx';
import type { ReportStatus } from './api.ts';
import { FileLinks, StatusTag } from './bits.tsx';
import { ReviewModal } from './ReviewModal.tsx';

type Filter = ReportStatus | 'all';

/** 报送审核: the reports of the period by status (待审核 first), with evidence links and 审核 for reviewers. */
export function ReviewList({ reports, canReview, onChanged }: { reports: ReportOut[]; canReview: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>(canReview ? 'submitted' : 'all');
  const [open, setOpen] = useState<ReportOut | null>(null);
  const count = (s: ReportStatus) => reports.filter((r) => r.status === s).length;
  const shown = filter === 'all' ? reports : reports.filter((r) => r.status === filter);
  return (
    <div data-testid="review-list">
      <Segmented<Filter> value={filter} onChange={setFilter} style={{ marginBottom: 12 }} data-testid="review-filter"
        options={[
          ...(['submitted', 'approved', 'returned'] as const).map((s) => ({ value: s, label: t('plans.paren', { text: t(`reports.statuses.${s}`), note: count(s) }) })),
          { value: 'all' as const, label: t('plans.paren', { text: t('reports.filterAll'), note: reports.length }) },
        ]} />
      <Table<ReportOut>
        rowKey="id" size="small" bordered pagination={false} dataSource={shown} scroll={{ x: 1200 }} locale={{ emptyText: t('reports.reviewEmpty') }}
        columns={[
          { title: t('common.index'), dataIndex: 'taskRef', width: 72, align: 'center' },
          { title: t('reports.task'), dataIndex: 'taskTitle' },
          { title: t('reports.unit'), dataIndex: 'organisationName', width: 160 },
          { title: t('reports.percent'), dataIndex: 'percent', width: 120, render: (v: number) => <Progress percent={v} size="small" /> },
          { title: t('reports.narrative'), dataIndex: 'narrative', width: 260, render: (v: string, r) => (
            <>
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph>
              {r.reviewComment ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reports.reviewerComment', { comment: r.reviewComment })}</Typography.Text> : null}
            </>
          ) },
          { title: t('reports.files'), key: 'files', width: 160, render: (_v, r) => <FileLinks report={r} /> },
          { title: t('reports.submittedAt'), key: 'at', width: 150, render: (_v, r) => (
            <Space orientation="vertical" size={0} style={{ fontSize: 12 }}>{r.submittedAt.slice(0, 16).replace('T', ' ')}<span>{r.submittedBy}</span></Space>
          ) },
          { title: t('plans.reviewStatus'), dataIndex: 'status', width: 96, align: 'center', render: (s: ReportStatus) => <StatusTag status={s} /> },
          ...(canReview ? [{ title: t('common.actions'), key: 'act', width: 80, align: 'center' as const, render: (_v: unknown, r: ReportOut) => (r.status === 'submitted' ? (
            <Button size="small" type="primary" onClick={() => setOpen(r)} data-testid="review-open">{t('reports.review')}</Button>
          ) : null) }] : []),
        ]}
      />
      {open ? <ReviewModal report={open} onClose={() => setOpen(null)} onDone={() => { setOpen(null); onChanged(); }} /> : null}
    </div>
  );
}
