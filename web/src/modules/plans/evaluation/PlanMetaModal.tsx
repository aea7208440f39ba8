import { useMemo, useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PLAN_STATUSES, PlanPatch, type PlanDetail } from '../../../../../src/contracts/plans.ts';
import { applyApiError, blankToNull, check, showFieldErrors } from '../../../app/forms.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useRegion } from '../../../app/region.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { plansApi } from '../api.ts';

/**
 * 修改方案信息: the fields of PlanPatch (src/contracts/plans.ts), checked with that schema before sending;
 * only changed fields are sent, and the errors the server names a field for (period ending before it
 * starts, an unknown parent plan) land on that field. The parent plan is chosen among the plans of the
 * regions that contain the plan's region (its province, or a cross-region area such as 成渝).
 */
type Fields = { [K in keyof PlanPatch]-?: NonNullable<PlanPatch[K]> | null };
const FIELDS = ['title', 'docNumber', 'issuer', 'issuedOn', 'periodStart', 'periodEnd', 'status', 'parentPlanId', 'reviewed'] as const;

export function PlanMetaModal({ plan, onSaved, onClose }: { plan: PlanDetail; onSaved(p: PlanDetail): void; onClose(): void }) {
  const { t, lang, nameOf } = useI18n();
  const { index } = useRegion();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const all = useLoad(() => plansApi.list(), []);
  const initial: Fields = {
    title: plan.title, docNumber: plan.docNumber, issuer: plan.issuer, issuedOn: plan.issuedOn, periodStart: plan.periodStart,
    periodEnd: plan.periodEnd, status: plan.status, parentPlanId: plan.parentPlanId, reviewed: plan.reviewed,
  };

  const parents = useMemo(() => {
    const above = (all.data ?? []).filter((p) => {
      const r = index?.byCode.get(p.regionCode);
      return p.id !== plan.id && !!r && r.id !== plan.regionId && !!index?.within(plan.regionId, r);
    });
    const options = above.map((p) => ({ value: p.id, label: t('plans.paren', { text: p.title, note: nameOf(index?.byCode.get(p.regionCode)) || p.regionName }) }));
    if (plan.parentPlanId != null && !above.some((p) => p.id === plan.parentPlanId)) {
      const known = all.data?.find((p) => p.id === plan.parentPlanId);
      options.push({ value: plan.parentPlanId, label: known?.title ?? t('planEdit.parentUnknown', { id: plan.parentPlanId }) });
    }
    return options;
  }, [all.data, index, plan, nameOf, t]);

  const submit = async () => {
    setGeneral([]);
    const v = form.getFieldsValue(true) as Fields;
    const next: Fields = { ...v, title: v.title?.trim() ?? '', docNumber: blankToNull(v.docNumber), issuer: blankToNull(v.issuer), issuedOn: blankToNull(v.issuedOn),
      parentPlanId: v.parentPlanId ?? null };
    const patch: Record<string, unknown> = {};
    for (const k of FIELDS) if (next[k] !== initial[k]) patch[k] = next[k];
    if (!Object.keys(patch).length) { onClose(); return; }
    const r = check(PlanPatch, patch, lang);
    if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
    setBusy(true);
    try {
      onSaved(await plansApi.patch(plan.id, r.data));
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const year = <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />;
  return (
    <Modal open title={t('planEdit.title')} width={720} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy}
      onOk={() => void submit()} onCancel={onClose} destroyOnHidden maskClosable={false} data-testid="plan-meta-form">
      {general.length ? <Alert type="error" showIcon title={general.join(lang === 'zh' ? '；' : '; ')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={() => void submit()}>
        <Form.Item name="title" label={t('plans.name')} required><Input maxLength={300} /></Form.Item>
        <Row gutter={16}>
          <Col span={12}><Form.Item name="docNumber" label={t('plans.docNumber')}><Input maxLength={100} /></Form.Item></Col>
          <Col span={12}><Form.Item name="issuer" label={t('plans.issuer')}><Input maxLength={300} /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="issuedOn" label={t('plans.issuedOn')} getValueProps={(v: string | null) => ({ value: v ? dayjs(v) : null })}
              normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}><Form.Item name="periodStart" label={t('planImport.periodStart')}>{year}</Form.Item></Col>
          <Col span={8}><Form.Item name="periodEnd" label={t('planImport.periodEnd')}>{year}</Form.Item></Col>
          <Col span={12}>
            <Form.Item name="status" label={t('plans.status')}>
              <Radio.Group optionType="button" options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reviewed" label={t('plans.reviewed')} valuePropName="checked">
              <Switch checkedChildren={t('plans.reviewedYes')} unCheckedChildren={t('plans.reviewedNo')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="parentPlanId" label={t('plans.parentPlan')} extra={t('planEdit.parentHint')}>
          <Select allowClear loading={all.loading} options={parents} placeholder={t('common.selectPlaceholder')} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
