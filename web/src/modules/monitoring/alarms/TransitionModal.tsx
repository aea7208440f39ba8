import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { AlarmTransition } from '../../../../../src/contracts/alarms.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { schemaRule } from '../../../app/forms.ts';
import { alarmsApi, type AlarmOut } from './api.ts';

export type Transition = 'acknowledge' | 'close';

/** 确认 or 关闭 an alarm with an optional note (kept with the alarm and in the audit log). */
export function TransitionModal({ alarm, action, onClose, onDone }: { alarm: AlarmOut; action: Transition; onClose(): void; onDone(a: AlarmOut): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const note = () => ({ note: (form.getFieldValue('note') as string | undefined)?.trim() || undefined });

  const submit = async () => {
    try { await form.validateFields(); } catch { return; }
    setBusy(true);
    setError(null);
    try {
      const { note: n } = note();
      onDone(await (action === 'acknowledge' ? alarmsApi.acknowledge(alarm.id, n) : alarmsApi.close(alarm.id, n)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t(`monitoring.alarms.${action}Title`)} okText={t(`monitoring.alarms.${action}`)} cancelText={t('common.cancel')}
      confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph>
        <b>{alarm.enterpriseName} · {alarm.pointName}</b><br />{lang === 'zh' ? alarm.zh : alarm.en}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="note" label={t('monitoring.alarms.note')} rules={[schemaRule(AlarmTransition, 'note', note, lang)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t(`monitoring.alarms.${action}NoteHelp`)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
