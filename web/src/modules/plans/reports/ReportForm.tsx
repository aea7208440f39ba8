import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Slider, Space, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { type TaskOut } from '../../../../../src/contracts/plans.ts';
import { ReportCreate, type ReportOut } from '../../../../../src/contracts/reports.ts';
import { applyApiError, check, showFieldErrors } from '../../../app/forms.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { reportsApi } from './api.ts';
import { FileLinks, StatusTag } from './bits.tsx';
import { base64Of, MAX_FILE_MB, MAX_FILES } from './files.ts';
import { periodLabel } from './period.ts';

interface Fields { narrative: string; percent: number; files?: UploadFile[] }
/** Fields that show the API's errors under them; file errors (files.0 …) go to the alert above the form. */
const FIELDS = ['narrative', 'percent'] as const;

/**
 * 报送: the narrative, the completion slider and evidence files (each checked against the 5 MB limit before
 * it is read), for one task, unit and period. Above the form, the unit's last report on the task with the
 * reviewer's comment when it was returned; an approved report for the period is shown locked.
 */
export function ReportForm(props: { task: TaskOut; organisationId: number; period: string; onClose(): void; onSaved(r: ReportOut): void }) {
  const { task, organisationId, period } = props;
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const history = useLoad(() => reportsApi.list({ task: task.id }), [task.id]);
  const mine = (history.data ?? []).filter((r) => r.organisationId === organisationId).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const current = mine.find((r) => r.period === period);
  const previous = current ?? mine[0];
  const locked = current?.status === 'approved';

  const submit = async () => {
    setGeneral([]);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Fields;
    setBusy(true);
    try {
      const encoded = await Promise.all((v.files ?? []).map(async (f) => ({ name: f.name, mime: f.type || 'application/octet-stream', contentBase64: await base64Of(f.originFileObj as Blob) })));
      const r = check(ReportCreate, { taskId: task.id, organisationId, period, narrative: v.narrative, percent: v.percent, files: encoded }, lang);
      if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
      const saved = await reportsApi.create(r.data);
      message.success(t('reports.submitted'));
      props.onSaved(saved);
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const beforeUpload = (file: File) => {
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      message.error(t('reports.fileTooBig', { name: file.name, mb: MAX_FILE_MB }));
      return Upload.LIST_IGNORE;
    }
    if (((form.getFieldValue('files') as UploadFile[] | undefined)?.length ?? 0) >= MAX_FILES) {
      message.error(t('reports.tooManyFiles', { max: MAX_FILES }));
      return Upload.LIST_IGNORE;
    }
    return false; // kept in the list, sent with the report
  };

  return (
    <Modal open width={720} title={t('reports.formTitle', { task: `${task.number ?? task.ref} ${task.title}` })} destroyOnHidden maskClosable={false}
      onCancel={props.onClose} data-testid="report-form"
      footer={(
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          {locked ? null : <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="report-submit">{t('reports.report')}</Button>}
        </Space>
      )}>
      <Typography.Paragraph type="secondary">{t('plans.labelled', { label: t('reports.period'), value: periodLabel(t, period) })}</Typography.Paragraph>
      {previous ? (
        <Alert type={previous.status === 'returned' ? 'warning' : locked ? 'success' : 'info'} showIcon style={{ marginBottom: 16 }} data-testid="report-previous"
          title={(
            <Space size={6} wrap>
              <strong>{t('reports.previous')}</strong>
              {t('reports.previousLine', { period: periodLabel(t, previous.period), percent: previous.percent, by: previous.submittedBy ?? '', at: previous.submittedAt.slice(0, 10) })}
              <StatusTag status={previous.status} />
            </Space>
          )}
          description={(
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{previous.narrative}</div>
              {previous.reviewComment ? (
                <div><strong>{previous.status === 'returned' ? t('reports.returnedBecause', { comment: previous.reviewComment }) : t('reports.reviewerComment', { comment: previous.reviewComment })}</strong></div>
              ) : null}
              {locked ? <div>{t('reports.lockedHint')}</div> : null}
              <FileLinks report={previous} />
            </>
          )} />
      ) : null}
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} data-testid="report-error" /> : null}
      {locked ? null : (
        <Form form={form} layout="vertical" disabled={busy}
          initialValues={{ narrative: current?.narrative ?? '', percent: current?.percent ?? previous?.percent ?? 0 }}>
          <Form.Item name="narrative" label={t('reports.narrative')} rules={[{ required: true, whitespace: true, message: t('reports.narrativeRequired') }]}>
            <Input.TextArea rows={5} maxLength={20_000} placeholder={t('reports.narrativePlaceholder')} />
          </Form.Item>
          <Form.Item name="percent" label={t('reports.percent')}>
            <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} tooltip={{ formatter: (v) => `${v ?? 0}%` }} data-testid="report-percent" />
          </Form.Item>
          <Form.Item name="files" label={t('reports.evidence')} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList} extra={t('reports.evidenceHint', { mb: MAX_FILE_MB, max: MAX_FILES })}>
            <Upload multiple beforeUpload={beforeUpload} data-testid="report-upload">
              <Button icon={<UploadOutlined />}>{t('reports.upload')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
