import { App as AntApp, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { ReportOut } from '../../../../../src/contracts/reports.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { reportsApi, type ReportStatus } from './api.ts';
import { download } from './files.ts';

/** Small pieces of the report views: the status tag, the evidence links, the compact cell of the tasks tab. */
export const STATUS_COLORS: Record<ReportStatus, string> = { submitted: 'processing', approved: 'success', returned: 'error' };

export function StatusTag({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="report-status">{t(`reports.statuses.${status}`)}</Tag>;
}

export function FileLinks({ report }: { report: ReportOut }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  if (!report.files.length) return <Typography.Text type="secondary">{t('reports.noFiles')}</Typography.Text>;
  return (
    <Space size={[8, 2]} wrap data-testid="report-files">
      {report.files.map((f) => (
        <Typography.Link key={f.id} title={`${Math.max(1, Math.round(f.size / 1024))} KB`}
          onClick={() => void download(reportsApi.fileUrl(report.id, f.id), f.name).catch((e: unknown) => message.error(errorText(e, lang)))}>
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
    </Space>
  );
}

/** The latest report of a task for the selected period, in one line: `报送 60% 待审核`. */
export function ReportCell({ reports }: { reports: ReportOut[] | undefined }) {
  const { t } = useI18n();
  const latest = reports?.[0];
  if (!latest) return <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="task-report">{t('reports.notReported')}</Typography.Text>;
  return (
    <Space size={4} style={{ fontSize: 12 }} data-testid="task-report" title={latest.organisationName}>
      {t('reports.cell', { percent: latest.percent })}<StatusTag status={latest.status} />
    </Space>
  );
}
