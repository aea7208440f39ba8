import { useMemo, useState } from 'react';
import { Alert, Checkbox, Col, Form, Input, Modal, Row, Select, Space, TreeSelect } from 'antd';
import { OrganisationCreate, OrganisationPatch, type OrganisationOut } from '../../../../src/contracts/organisations.ts';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { applyApiError, blankToNull, check, schemaRule, showFieldErrors } from '../../app/forms.ts';
import { ORG_KINDS, kindLabel, type OrgKind } from '../../shared/labels.ts';
import { regionTreeData } from '../../shared/regions.ts';
import { organisationsApi } from './api.ts';

/**
 * 新增 / 编辑 an organisation. Validated in the browser with the server's own schemas (OrganisationCreate,
 * OrganisationPatch from src/contracts): the credit-code check character, the industry code, "an enterprise
 * needs a credit code"; whatever the server still refuses (a duplicate code) lands on the field it names.
 */
interface Values {
  regionCode?: string;
  kind?: OrgKind;
  name?: string;
  nameEn?: string;
  shortName?: string;
  creditCode?: string;
  industryCode?: string;
  keyEnergyUser?: boolean;
  keyEmitter?: boolean;
}

const FIELDS = ['regionCode', 'kind', 'name', 'nameEn', 'shortName', 'creditCode', 'industryCode', 'keyEnergyUser', 'keyEmitter'] as const;

const common = (v: Values) => ({
  name: (v.name ?? '').trim(),
  nameEn: blankToNull(v.nameEn),
  shortName: blankToNull(v.shortName),
  creditCode: blankToNull(v.creditCode),
  industryCode: blankToNull(v.industryCode),
  keyEnergyUser: !!v.keyEnergyUser,
  keyEmitter: !!v.keyEmitter,
});

/** Only what changed, so the audit log records real edits and an unchanged form sends nothing. */
function patchOf(v: Values, o: OrganisationOut): Record<string, unknown> {
  const next = common(v);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(next)) if (val !== (o as Record<string, unknown>)[k]) out[k] = val;
  return out;
}

export function OrganisationFormModal(props: { editing: OrganisationOut | null; defaultRegion?: string; onClose(): void; onSaved(o: OrganisationOut): void }) {
  const { t, lang, nameOf } = useI18n();
  const { index } = useRegion();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const editing = props.editing;
  const treeData = useMemo(() => (index ? regionTreeData(index, nameOf) : []), [index, nameOf]);
  const kind = Form.useWatch('kind', form);

  const initial: Values = editing
    ? { ...editing, nameEn: editing.nameEn ?? '', shortName: editing.shortName ?? '', creditCode: editing.creditCode ?? '', industryCode: editing.industryCode ?? '' }
    : { regionCode: props.defaultRegion, kind: 'enterprise', keyEnergyUser: false, keyEmitter: false };

  const schema = editing ? OrganisationPatch : OrganisationCreate;
  const payload = () => {
    const v = form.getFieldsValue(true) as Values;
    return editing ? { ...common(v) } : { regionCode: v.regionCode ?? '', kind: v.kind, ...common(v) };
  };
  const rule = (field: string) => schemaRule(schema, field, payload, lang);

  const submit = async () => {
    setGeneral([]);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      let saved: OrganisationOut;
      if (editing) {
        const patch = patchOf(form.getFieldsValue(true) as Values, editing);
        if (!Object.keys(patch).length) { props.onClose(); return; }
        const r = check(OrganisationPatch, patch, lang);
        if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
        saved = await organisationsApi.update(editing.id, r.data);
      } else {
        const r = check(OrganisationCreate, payload(), lang);
        if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
        saved = await organisationsApi.create(r.data);
      }
      props.onSaved(saved);
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(editing ? 'organisations.editTitle' : 'organisations.createTitle')}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="org-form"
    >
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={() => void submit()}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="regionCode" label={t('organisations.region')} required rules={editing ? [] : [rule('regionCode')]}>
              <TreeSelect disabled={!!editing} treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} placeholder={t('common.selectPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('organisations.kind')} required rules={editing ? [] : [rule('kind')]}>
              <Select disabled={!!editing} options={ORG_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
                onChange={() => void form.validateFields(['creditCode']).catch(() => undefined)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="name" label={t('organisations.name')} required rules={[rule('name')]}>
              <Input maxLength={200} placeholder={t('common.keywordPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="shortName" label={t('organisations.shortName')} rules={[rule('shortName')]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('organisations.nameEn')} rules={[rule('nameEn')]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="creditCode" label={t('organisations.creditCode')} extra={t('organisations.creditCodeHelp')}
              required={kind === 'enterprise'} rules={[rule('creditCode')]} validateTrigger="onBlur" data-testid="field-creditCode">
              <Input maxLength={18} style={{ fontFamily: 'monospace', textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('organisations.industryCode')} extra={t('organisations.industryCodeHelp')} rules={[rule('industryCode')]} validateTrigger="onBlur">
              <Input maxLength={8} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('organisations.flags')} style={{ marginBottom: 0 }}>
              <Space size={24}>
                <Form.Item name="keyEnergyUser" valuePropName="checked" noStyle><Checkbox>{t('organisations.keyEnergyUser')}</Checkbox></Form.Item>
                <Form.Item name="keyEmitter" valuePropName="checked" noStyle><Checkbox>{t('organisations.keyEmitter')}</Checkbox></Form.Item>
              </Space>
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
