import { useMemo, useState } from 'react';
import { Alert, Col, Form, Input, Modal, Row, Select, TreeSelect } from 'antd';
import { RegionCreate, RegionOut } from '../../../../src/contracts/regions.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { applyApiError, blankToNull, check, schemaRule, showFieldErrors } from '../../app/forms.ts';
import { REGION_LEVELS, levelLabel } from '../../shared/labels.ts';
import { regionTreeData } from '../../shared/regions.ts';

/** 新增地区 (admin): code, names, level, parent, and the members of a cross-region area; validated with RegionCreate. */
interface Values { code?: string; name?: string; nameEn?: string; level?: string; parentCode?: string; memberCodes?: string[] }
const FIELDS = ['code', 'name', 'nameEn', 'level', 'parentCode', 'memberCodes'];

export function RegionFormModal(props: { onClose(): void; onSaved(r: RegionOut): void }) {
  const { t, lang, nameOf } = useI18n();
  const { index } = useRegion();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const treeData = useMemo(() => (index ? regionTreeData(index, nameOf) : []), [index, nameOf]);
  const level = Form.useWatch('level', form);

  const payload = () => {
    const v = form.getFieldsValue(true) as Values;
    return {
      code: (v.code ?? '').trim().toUpperCase(), name: (v.name ?? '').trim(), nameEn: (v.nameEn ?? '').trim(), level: v.level,
      parentCode: blankToNull(v.parentCode), memberCodes: v.memberCodes?.length ? v.memberCodes : undefined,
    };
  };
  const rule = (f: string) => schemaRule(RegionCreate, f, payload, lang);

  const submit = async () => {
    setGeneral([]);
    try { await form.validateFields(); } catch { return; }
    const r = check(RegionCreate, payload(), lang);
    if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
    setBusy(true);
    try {
      props.onSaved(await api.post('/api/regions', RegionOut, r.data));
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('regions.createTitle')} width={640} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={busy} onOk={() => void submit()} onCancel={props.onClose} destroyOnHidden maskClosable={false}>
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="code" label={t('regions.code')} required extra={t('regions.codeHelp')} rules={[rule('code')]} validateTrigger="onBlur">
              <Input maxLength={32} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="level" label={t('regions.level')} required rules={[rule('level')]}>
              <Select options={REGION_LEVELS.filter((l) => l !== 'country').map((l) => ({ value: l, label: levelLabel(t, l) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('regions.name')} required rules={[rule('name')]}><Input maxLength={100} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('regions.nameEn')} required rules={[rule('nameEn')]}><Input maxLength={200} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parentCode" label={t('regions.parent')} rules={[rule('parentCode')]}>
              <TreeSelect allowClear treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} placeholder={t('common.none')} />
            </Form.Item>
          </Col>
          {level === 'cross_region' ? (
            <Col span={12}>
              <Form.Item name="memberCodes" label={t('regions.members')} rules={[rule('memberCodes')]}>
                <TreeSelect multiple allowClear treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
