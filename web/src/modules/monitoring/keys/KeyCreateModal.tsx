import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { KeyCreate } from '../../../../../src/contracts/ingest.ts';
import type { OrganisationOut } from '../../../../../src/contracts/organisations.ts';
import { useI18n } from '../../../app/lang.tsx';
import { applyApiError, check, schemaRule, showFieldErrors } from '../../../app/forms.ts';
import { keysApi, type KeyCreated } from './api.ts';

interface Values { organisationId?: number; name?: string }
const FIELDS = ['organisationId', 'enterprise', 'name'] as const;

/**
 * 新建接入密钥: enterprise and what the key is for. The answer carries the key itself, once: the second
 * step shows it with a copy button and says it cannot be shown again (the platform keeps only its hash).
 */
export function KeyCreateModal(props: { enterprises: OrganisationOut[]; defaultOrg?: number; onClose(): void; onCreated(): void }) {
  const { t, lang, nameOf } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [created, setCreated] = useState<KeyCreated | null>(null);
  const payload = () => { const v = form.getFieldsValue(true) as Values; return { organisationId: v.organisationId, name: (v.name ?? '').trim() }; };

  const submit = async () => {
    setGeneral([]);
    try { await form.validateFields(); } catch { return; }
    const r = check(KeyCreate, payload(), lang);
    if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
    setBusy(true);
    try {
      setCreated(await keysApi.create(r.data));
      props.onCreated();
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Modal open title={t('monitoring.keys.createdTitle')} onOk={props.onClose} onCancel={props.onClose} okText={t('monitoring.keys.stored')}
        cancelButtonProps={{ style: { display: 'none' } }} maskClosable={false}>
        <Alert type="warning" showIcon title={t('monitoring.keys.onceWarning')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>{t('monitoring.keys.createdFor', { name: created.name, enterprise: created.enterpriseName })}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: created.key }} className="st-mon-secret" data-testid="key-secret">{created.key}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('monitoring.keys.usage')}</Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal open title={t('monitoring.keys.createTitle')} okText={t('monitoring.keys.create')} cancelText={t('common.cancel')} confirmLoading={busy}
      onOk={() => void submit()} onCancel={props.onClose} destroyOnHidden maskClosable={false}>
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ organisationId: props.defaultOrg }} onFinish={() => void submit()}>
        <Form.Item name="organisationId" label={t('monitoring.form.enterprise')} required rules={[{ required: true, message: t('monitoring.form.enterpriseRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('common.selectPlaceholder')} options={props.enterprises.map((o) => ({ value: o.id, label: nameOf(o) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('monitoring.keys.name')} extra={t('monitoring.keys.nameHelp')} required rules={[schemaRule(KeyCreate, 'name', payload, lang)]}>
          <Input maxLength={100} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
