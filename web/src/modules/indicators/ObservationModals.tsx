import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { ObservationCreate, type IndicatorOut, type ObservationOut } from '../../../../src/contracts/plans.ts';
import { applyApiError, blankToNull, check, showFieldErrors } from '../../app/forms.ts';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { unitLabel, withUnit } from '../plans/labels.ts';
import { indicatorsApi } from './api.ts';

/**
 * 录入数值 and 审核: entering a value (checked with ObservationCreate, the unit is the indicator's own) and
 * approving or rejecting a submitted one. Refusals of the API (403 for a role that may not) are shown here.
 */
interface AddValues { year?: number; value?: number; note?: string; status: 'submitted' | 'draft' }

export function AddObservationModal(props: { indicator: IndicatorOut; regionCode: string; regionName: string; defaultYear: number; onSaved(o: ObservationOut): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const name = lang === 'zh' ? props.indicator.name : props.indicator.nameEn;

  const submit = async () => {
    setGeneral([]);
    const v = form.getFieldsValue(true) as AddValues;
    const r = check(ObservationCreate, {
      indicatorCode: props.indicator.code, regionCode: props.regionCode, year: v.year, value: v.value, unit: props.indicator.unit,
      note: blankToNull(v.note), status: v.status,
    }, lang);
    if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
    setBusy(true);
    try {
      props.onSaved(await indicatorsApi.addObservation(r.data));
    } catch (e) {
      setGeneral(applyApiError(form, e, lang, ['year', 'value', 'note', 'status']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('indicators.addTitle', { indicator: name })} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy}
      onOk={() => void submit()} onCancel={props.onClose} destroyOnHidden maskClosable={false} data-testid="observation-form">
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} data-testid="observation-error" /> : null}
      <Form form={form} layout="vertical" initialValues={{ year: props.defaultYear, status: 'submitted' }} onFinish={() => void submit()}>
        <Form.Item label={t('indicators.region')}>{props.regionName}</Form.Item>
        <Form.Item name="year" label={t('indicators.year')} required><InputNumber min={1990} max={2100} precision={0} style={{ width: 160 }} /></Form.Item>
        <Form.Item name="value" label={t('indicators.value')} required>
          <InputNumber style={{ width: 240 }} suffix={unitLabel(t, props.indicator.unit) || undefined} />
        </Form.Item>
        <Form.Item name="note" label={t('indicators.note')}><Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} /></Form.Item>
        <Form.Item name="status" label={t('indicators.submitAs')}>
          <Radio.Group options={[{ value: 'submitted', label: t('indicators.submitNow') }, { value: 'draft', label: t('indicators.keepDraft') }]} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

export function ReviewObservationModal(props: { observation: ObservationOut; regionName: string; onSaved(o: ObservationOut): void; onClose(): void }) {
  const { t, lang, dateTime } = useI18n();
  const o = props.observation;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approved' | 'rejected' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const review = async (status: 'approved' | 'rejected') => {
    setBusy(status);
    setError(null);
    try {
      props.onSaved(await indicatorsApi.review(o.id, status, note.trim() || null));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Modal open title={t('indicators.reviewTitle', { region: props.regionName, year: o.year })} onCancel={props.onClose} destroyOnHidden
      okText={t('indicators.approve')} cancelText={t('common.cancel')} onOk={() => void review('approved')} confirmLoading={busy === 'approved'}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          <Button danger loading={busy === 'rejected'} disabled={busy === 'approved'} onClick={() => void review('rejected')} data-testid="review-reject">{t('indicators.reject')}</Button>
          <OkBtn />
        </>
      )}
      data-testid="review-form">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="review-error" /> : null}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('indicators.value')}>{withUnit(t, lang, o.value, o.unit)}</Descriptions.Item>
        <Descriptions.Item label={t('indicators.enteredBy')}>{o.enteredBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('common.updatedAt')}>{dateTime(o.updatedAt)}</Descriptions.Item>
        {o.note ? <Descriptions.Item label={t('indicators.note')}>{o.note}</Descriptions.Item> : null}
      </Descriptions>
      <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('indicators.reviewNote')} maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
    </Modal>
  );
}
