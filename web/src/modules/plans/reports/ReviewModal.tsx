import { useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Form, Input, Modal, Progress, Space } from 'antd';
import type { ReportOut } from '../../../../../src/contracts/reports.ts';
import { applyApiError } from '../../../app/forms.ts';
import { useI18n } from '../../../app/lang.tsx';
import { reportsApi } from './api.ts';
import { FileLinks } from './bits.tsx';
import { periodLabel } from './period.ts';

/**
 * 审核: the report in full with its evidence, a comment, and 通过 / 退回. Returning needs a reason: checked
 * on the field before anything is sent (the API refuses it too, and its message lands on the same field).
 */
export function ReviewModal({ report, onClose, onDone }: { report: ReportOut; onClose(): void; onDone(r: ReportOut): void }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState<'approved' | 'returned' | null>(null);
  const [general, setGeneral] = useState<string[]>([]);

  const decide = async (status: 'approved' | 'returned') => {
    setGeneral([]);
    const comment = ((form.getFieldValue('comment') as string | undefined) ?? '').trim();
    if (status === 'returned' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('reports.commentRequired')] }]);
      return;
    }
    form.setFields([{ name: 'comment', errors: [] }]);
    setBusy(status);
    try {
      const r = await reportsApi.review(report.id, status, comment || null);
      message.success(t(`reports.${status}`));
      onDone(r);
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, ['comment']));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open width={720} title={t('reports.reviewTitle', { task: `${report.taskRef} ${report.taskTitle}` })} destroyOnHidden maskClosable={false}
      onCancel={onClose} data-testid="review-form"
      footer={(
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button danger loading={busy === 'returned'} disabled={!!busy} onClick={() => void decide('returned')} data-testid="review-return">{t('reports.return')}</Button>
          <Button type="primary" loading={busy === 'approved'} disabled={!!busy} onClick={() => void decide('approved')} data-testid="review-approve">{t('reports.approve')}</Button>
        </Space>
      )}>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }} items={[
        { key: 'unit', label: t('reports.unit'), children: report.organisationName },
        { key: 'period', label: t('reports.period'), children: periodLabel(t, report.period) },
        { key: 'by', label: t('reports.submittedBy'), children: `${report.submittedBy ?? '—'} ${report.submittedAt.slice(0, 16).replace('T', ' ')}` },
        { key: 'pct', label: t('reports.percent'), children: <Progress percent={report.percent} size="small" /> },
        { key: 'text', label: t('reports.narrative'), span: 2, children: <div style={{ whiteSpace: 'pre-wrap' }}>{report.narrative}</div> },
        { key: 'files', label: t('reports.files'), span: 2, children: <FileLinks report={report} /> },
      ]} />
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="comment" label={t('reports.comment')}>
          <Input.TextArea rows={3} maxLength={5000} placeholder={t('reports.commentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
