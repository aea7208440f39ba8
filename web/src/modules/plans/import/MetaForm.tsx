import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, TreeSelect, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PlanMeta } from '../../../../../src/contracts/plan-draft.ts';
import { PLAN_STATUSES, PlanImport } from '../../../../../src/contracts/plans.ts';
import { schemaRule } from '../../../app/forms.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useRegion } from '../../../app/region.tsx';
import { regionTreeData } from '../../../shared/regions.ts';
import { useLoad } from '../../../shared/useLoad.ts';
import { plansApi } from '../api.ts';

/**
 * The plan's particulars, proposed from the draft and corrected by the reviewer. Each field is checked
 * with the PlanImport schema (src/contracts/plans.ts); the higher-level plan is chosen among the plans of
 * the regions above the chosen one.
 */
export const META_FIELDS = ['regionCode', 'title', 'docNumber', 'issuer', 'issuedOn', 'periodStart', 'periodEnd', 'status', 'parentPlanId', 'sourceName'] as const;

export function MetaForm({ form, initial, regionAsWritten, body }: {
  form: FormInstance<PlanMeta>;
  initial: PlanMeta;
  regionAsWritten: string | null;
  /** The whole import body as it would be sent, for cross-field rules. */
  body(): unknown;
}) {
  const { t, lang, nameOf } = useI18n();
  const { index } = useRegion();
  const treeData = useMemo(() => (index ? regionTreeData(index, nameOf) : []), [index, nameOf]);
  const regionCode = Form.useWatch('regionCode', form);
  const plans = useLoad(() => plansApi.list(), []);
  const parents = useMemo(() => {
    const r = regionCode ? index?.byCode.get(regionCode) : undefined;
    if (!r || !index) return [];
    return (plans.data ?? []).filter((p) => { const pr = index.byCode.get(p.regionCode); return pr && pr.id !== r.id && index.within(r.id, pr); });
  }, [plans.data, regionCode, index]);
  const rule = (field: string) => schemaRule(PlanImport, field, body, lang);

  return (
    <Form form={form} layout="vertical" initialValues={initial} data-testid="import-meta" size="middle">
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="title" label={t('plans.name')} validateFirst rules={[{ required: true, whitespace: true, message: t('planImport.titleRequired') }, rule('title')]}><Input maxLength={300} /></Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="regionCode" label={t('plans.region')} validateFirst rules={[{ required: true, message: t('planImport.regionRequired') }, rule('regionCode')]}
            extra={regionAsWritten ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('planImport.metaRegionHint', { region: regionAsWritten })}</Typography.Text> : null}>
            <TreeSelect treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} placeholder={t('common.selectPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="docNumber" label={t('plans.docNumber')} rules={[rule('docNumber')]}><Input maxLength={100} /></Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="issuer" label={t('plans.issuer')} rules={[rule('issuer')]}><Input maxLength={300} /></Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="issuedOn" label={t('plans.issuedOn')} rules={[rule('issuedOn')]}
            getValueProps={(v: string | null) => ({ value: v ? dayjs(v) : null })}
            normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="periodStart" label={t('planImport.periodStart')} required rules={[rule('periodStart')]}>
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="periodEnd" label={t('planImport.periodEnd')} required rules={[rule('periodEnd')]} dependencies={['periodStart']}>
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="status" label={t('plans.status')} required>
            <Radio.Group options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="sourceName" label={t('plans.sourceName')} rules={[rule('sourceName')]}><Input maxLength={300} /></Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="parentPlanId" label={t('plans.parentPlan')}>
            <Select allowClear placeholder={t('common.none')} options={parents.map((p) => ({ value: p.id, label: t('plans.paren', { text: p.title, note: p.regionName }) }))} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
