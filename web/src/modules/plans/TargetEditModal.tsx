import { useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { QUALIFIERS, REVIEW_STATUSES, STRENGTHS, TARGET_KINDS, TargetPatch, type IndicatorOut } from '../../../../src/contracts/plans.ts';
import { applyApiError, blankToNull, check, showFieldErrors } from '../../app/forms.ts';
import { useI18n } from '../../app/lang.tsx';

/**
 * 修改目标: the fields of TargetPatch (src/contracts/plans.ts), checked with that schema before sending.
 * Only changed fields are handed to `onSubmit`; errors the server returns land on the fields they name.
 */
export type TargetFields = { [K in Exclude<keyof TargetPatch, 'reviewStatus'>]-?: NonNullable<TargetPatch[K]> | null } & { reviewStatus?: TargetPatch['reviewStatus'] };

const FIELDS = ['indicatorCode', 'year', 'value', 'unit', 'qualifier', 'strength', 'kind', 'baselineYear', 'baselineValue', 'binding', 'reviewStatus'] as const;

export function TargetEditModal(props: {
  title: string;
  quote: string;
  initial: TargetFields;
  catalogue: IndicatorOut[];
  withReview?: boolean;
  onSubmit(patch: TargetPatch): Promise<void>;
  onClose(): void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<TargetFields>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  const submit = async () => {
    setGeneral([]);
    const v = form.getFieldsValue(true) as TargetFields;
    const next: Record<string, unknown> = { ...v, unit: blankToNull(v.unit), indicatorCode: v.indicatorCode ?? null };
    const patch: Record<string, unknown> = {};
    for (const k of FIELDS) if (k in next && next[k] !== (props.initial as Record<string, unknown>)[k]) patch[k] = next[k] ?? null;
    if (!Object.keys(patch).length) { props.onClose(); return; }
    const r = check(TargetPatch, patch, lang);
    if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
    setBusy(true);
    try {
      await props.onSubmit(r.data);
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const opts = <T extends string>(list: readonly T[], label: (v: T) => string) => list.map((v) => ({ value: v, label: label(v) }));
  const year = <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />;

  return (
    <Modal open title={props.title} width={760} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy}
      onOk={() => void submit()} onCancel={props.onClose} destroyOnHidden maskClosable={false} data-testid="target-form">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('plans.labelled', { label: t('plans.quote'), value: props.quote })}</Typography.Paragraph>
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={props.initial} onFinish={() => void submit()}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="indicatorCode" label={t('plans.indicatorCode')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('common.selectPlaceholder')}
                options={props.catalogue.map((i) => ({ value: i.code, label: t('plans.paren', { text: lang === 'zh' ? i.name : i.nameEn, note: i.code }) }))} />
            </Form.Item>
          </Col>
          <Col span={6}><Form.Item name="year" label={t('plans.year')}>{year}</Form.Item></Col>
          <Col span={6}>
            <Form.Item name="kind" label={t('plans.kind')}><Select options={opts(TARGET_KINDS, (k) => t(`plans.kinds.${k}`))} /></Form.Item>
          </Col>
          <Col span={6}><Form.Item name="value" label={t('plans.value')}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}>
            <Form.Item name="unit" label={t('plans.unit')}>
              <Input maxLength={20} placeholder="%" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="qualifier" label={t('plans.qualifier')}><Select options={opts(QUALIFIERS, (q) => t(`plans.qualifiers.${q}`))} /></Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="strength" label={t('plans.strength')}><Select options={opts(STRENGTHS, (s) => t(`plans.strengths.${s}`))} /></Form.Item>
          </Col>
          <Col span={6}><Form.Item name="baselineYear" label={t('plans.baselineYear')}>{year}</Form.Item></Col>
          <Col span={6}><Form.Item name="baselineValue" label={t('plans.baselineValue')}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}>
            <Form.Item name="binding" label={t('plans.binding')} valuePropName="checked">
              <Switch checkedChildren={t('plans.bindingYes')} unCheckedChildren={t('plans.bindingNo')} />
            </Form.Item>
          </Col>
          {props.withReview ? (
            <Col span={6}>
              <Form.Item name="reviewStatus" label={t('plans.reviewStatus')}>
                <Select options={opts(REVIEW_STATUSES, (s) => t(`plans.reviewStatuses.${s}`))} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** The editable fields of a saved or draft target. */
export function fieldsOf(x: TargetFields): TargetFields {
  return {
    indicatorCode: x.indicatorCode, year: x.year, value: x.value, unit: x.unit, qualifier: x.qualifier, strength: x.strength, kind: x.kind,
    baselineYear: x.baselineYear, baselineValue: x.baselineValue, binding: x.binding, reviewStatus: x.reviewStatus,
  };
}
