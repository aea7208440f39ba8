import { useState } from 'react';
import { Alert, Col, Divider, Form, Input, Modal, Row } from 'antd';
import type { UserOut } from '../../../../src/contracts/auth.ts';
import type { OrganisationOut } from '../../../../src/contracts/organisations.ts';
import { UserCreate, UserPatch } from '../../../../src/contracts/users.ts';
import { useI18n } from '../../app/lang.tsx';
import { applyApiError, check, schemaRule, showFieldErrors } from '../../app/forms.ts';
import { GrantsEditor } from './GrantsEditor.tsx';
import { fromUser, sameGrants, toGrantIn, type GrantRow } from './grants.ts';
import { usersApi } from './api.ts';

/** 新增用户 (username, name, password, roles) or 编辑 (name, roles); validated with UserCreate / UserPatch. */
interface Values { username?: string; displayName?: string; password?: string; roles?: GrantRow[] }
const FIELDS = ['username', 'displayName', 'password', 'roles'];

export function UserFormModal(props: { editing: UserOut | null; orgs: OrganisationOut[]; onClose(): void; onSaved(u: UserOut): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const editing = props.editing;
  const initial: Values = editing ? { displayName: editing.displayName, roles: fromUser(editing) } : { roles: [] };

  const createPayload = () => {
    const v = form.getFieldsValue(true) as Values;
    return { username: (v.username ?? '').trim(), displayName: (v.displayName ?? '').trim(), password: v.password ?? '', roles: (v.roles ?? []).map(toGrantIn) };
  };
  const rule = (f: string) => schemaRule(UserCreate, f, createPayload, lang);

  const submit = async () => {
    setGeneral([]);
    try { await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      if (editing) {
        const v = form.getFieldsValue(true) as Values;
        const roles = (v.roles ?? []).map(toGrantIn);
        const patch: Record<string, unknown> = {};
        if ((v.displayName ?? '').trim() !== editing.displayName) patch.displayName = (v.displayName ?? '').trim();
        if (!sameGrants(roles, fromUser(editing).map(toGrantIn))) patch.roles = roles;
        if (!Object.keys(patch).length) { props.onClose(); return; }
        const r = check(UserPatch, patch, lang);
        if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
        props.onSaved(await usersApi.update(editing.id, r.data));
      } else {
        const r = check(UserCreate, createPayload(), lang);
        if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
        props.onSaved(await usersApi.create(r.data));
      }
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={820} title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => void submit()} onCancel={props.onClose}
      destroyOnHidden maskClosable={false} data-testid="user-form">
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Row gutter={16}>
          {!editing ? (
            <Col span={12}>
              <Form.Item name="username" label={t('users.username')} required rules={[rule('username')]} validateTrigger="onBlur">
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={12}>
            <Form.Item name="displayName" label={t('users.displayName')} required rules={[rule('displayName')]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          {!editing ? (
            <Col span={12}>
              <Form.Item name="password" label={t('users.password')} required extra={t('users.passwordHelp')} rules={[rule('password')]} validateTrigger="onBlur">
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Divider titlePlacement="start" plain>{t('users.grants')}</Divider>
        <GrantsEditor form={form} orgs={props.orgs} />
      </Form>
    </Modal>
  );
}
