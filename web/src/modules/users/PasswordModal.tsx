import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { UserOut } from '../../../../src/contracts/auth.ts';
import { UserPatch } from '../../../../src/contracts/users.ts';
import { useI18n } from '../../app/lang.tsx';
import { applyApiError, check, schemaRule, showFieldErrors } from '../../app/forms.ts';
import { usersApi } from './api.ts';

/** 重置密码: a new password (same rule as the server: ≥10 characters, letters and digits); ends the user's sessions. */
export function PasswordModal(props: { user: UserOut; onClose(): void; onSaved(u: UserOut): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ password?: string }>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const payload = () => ({ password: form.getFieldValue('password') ?? '' });

  const submit = async () => {
    setGeneral([]);
    try { await form.validateFields(); } catch { return; }
    const r = check(UserPatch, payload(), lang);
    if (!r.ok) { showFieldErrors(form, r.fields); return; }
    setBusy(true);
    try {
      props.onSaved(await usersApi.update(props.user.id, r.data));
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, ['password']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('users.resetTitle', { name: props.user.displayName })} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={busy} onOk={() => void submit()} onCancel={props.onClose} destroyOnHidden maskClosable={false}>
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="password" label={t('users.newPassword')} required extra={t('users.passwordHelp')} rules={[schemaRule(UserPatch, 'password', payload, lang)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
