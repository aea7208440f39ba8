import { useMemo, useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { PointCreate, PointUpdate, Protocol } from '../../../../../src/contracts/monitoring.ts';
import { useI18n } from '../../../app/lang.tsx';
import { applyApiError, blankToNull, check, schemaRule, showFieldErrors } from '../../../app/forms.ts';
import { usePermission } from '../../../app/permissions.ts';
import { useLoad } from '../../../shared/useLoad.ts';
import { monitoringApi, type PointOut } from '../api.ts';
import { QUANTITIES, quantityLabel } from '../labels.ts';
import { useMonitoringScope } from '../scope.ts';
import { FactorsEditor, type FactorValues } from './FactorsEditor.tsx';

/**
 * 登记监测点 / 编辑监测点. Checked in the browser with the server's own schemas (PointCreate, PointUpdate);
 * what the server still refuses (a registered MN, an enterprise out of reach) lands on the field it names.
 * An edit sends only what changed; the device password is never shown, and a blank one is left as it is.
 */
interface Values {
  organisationId?: number;
  mn?: string;
  pw?: string;
  name?: string;
  quantity?: string;
  protocol?: string;
  intervalSeconds?: number | null;
  feeds?: string;
  active?: boolean;
  factors?: FactorValues[];
}

const FIELDS = ['organisationId', 'enterprise', 'mn', 'pw', 'name', 'quantity', 'protocol', 'intervalSeconds', 'feeds', 'active', 'factors'] as const;

const factorsOf = (v: Values) => (v.factors ?? []).map((f) => ({
  code: (f?.code ?? '').trim(),
  ...(f?.unit?.trim() ? { unit: f.unit.trim() } : {}),
  multiplier: f?.multiplier ?? 1,
  offset: f?.offset ?? 0,
  min: f?.min ?? null,
  max: f?.max ?? null,
}));

const sameFactors = (a: ReturnType<typeof factorsOf>, b: PointOut['factors']) => JSON.stringify(a) === JSON.stringify(
  b.map((f) => ({ code: f.code, ...(f.unit ? { unit: f.unit } : {}), multiplier: f.multiplier, offset: f.offset, min: f.min, max: f.max })),
);

function patchOf(v: Values, p: PointOut): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const name = (v.name ?? '').trim();
  if (name !== p.name) out.name = name;
  if (v.pw) out.pw = v.pw;
  if (v.quantity !== p.quantity) out.quantity = v.quantity;
  if (v.protocol !== p.protocol) out.protocol = v.protocol;
  if (v.intervalSeconds !== p.intervalSeconds) out.intervalSeconds = v.intervalSeconds;
  if (blankToNull(v.feeds) !== p.feeds) out.feeds = blankToNull(v.feeds);
  if (v.active !== p.active) out.active = v.active;
  const factors = factorsOf(v);
  if (!sameFactors(factors, p.factors)) out.factors = factors;
  return out;
}

export function PointFormModal(props: { editing: PointOut | null; onClose(): void; onSaved(p: PointOut): void }) {
  const { t, lang, nameOf } = useI18n();
  const permitted = usePermission();
  const { region, inScope } = useMonitoringScope();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const editing = props.editing;
  const orgs = useLoad(() => (editing ? Promise.resolve([]) : monitoringApi.enterprises()), [editing]);
  // Enterprises of the header's region the user may register points for.
  const enterprises = useMemo(() => (orgs.data ?? []).filter((o) => inScope(o.regionCode)
    && permitted('monitoring.write', { regionId: o.regionId, organisationId: o.id, confidential: true })), [orgs.data, inScope, permitted]);

  const initial: Values = editing
    ? {
      mn: editing.mn, name: editing.name, quantity: editing.quantity, protocol: editing.protocol, intervalSeconds: editing.intervalSeconds,
      feeds: editing.feeds ?? '', active: editing.active,
      factors: editing.factors.map((f) => ({ code: f.code, unit: f.unit, multiplier: f.multiplier, offset: f.offset, min: f.min, max: f.max })),
    }
    : { quantity: 'electricity', protocol: '2017', intervalSeconds: 60, active: true, factors: [{}] };

  const schema = editing ? PointUpdate : PointCreate;
  const payload = () => {
    const v = form.getFieldsValue(true) as Values;
    if (editing) return patchOf(v, editing);
    return {
      organisationId: v.organisationId, mn: (v.mn ?? '').trim(), pw: v.pw ?? '', name: v.name?.trim() || undefined, quantity: v.quantity,
      protocol: v.protocol, intervalSeconds: v.intervalSeconds ?? undefined, feeds: blankToNull(v.feeds), active: !!v.active, factors: factorsOf(v),
    };
  };
  const rule = (field: string) => schemaRule(schema, field, payload, lang);

  const submit = async () => {
    setGeneral([]);
    try {
      await form.validateFields({ recursive: true });
    } catch {
      return;
    }
    setBusy(true);
    try {
      let saved: PointOut;
      if (editing) {
        const patch = payload();
        if (!Object.keys(patch).length) { props.onClose(); return; }
        const r = check(PointUpdate, patch, lang);
        if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
        saved = await monitoringApi.update(editing.mn, r.data);
      } else {
        const r = check(PointCreate, payload(), lang);
        if (!r.ok) { showFieldErrors(form, r.fields); setGeneral(r.general); return; }
        saved = await monitoringApi.create(r.data);
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
      open width={920} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden maskClosable={false}
      title={editing ? t('monitoring.form.editTitle', { name: editing.name }) : t('monitoring.form.createTitle', { region: region ? nameOf(region) : '' })}
      onOk={() => void submit()} onCancel={props.onClose}
    >
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} data-testid="point-form-error" /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={() => void submit()}>
        <Row gutter={16}>
          <Col span={12}>
            {editing ? (
              <Form.Item label={t('monitoring.form.enterprise')}><Input value={editing.enterpriseName} disabled /></Form.Item>
            ) : (
              <Form.Item name="organisationId" label={t('monitoring.form.enterprise')} required
                rules={[{ required: true, message: t('monitoring.form.enterpriseRequired') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} loading={orgs.loading} placeholder={t('common.selectPlaceholder')} data-testid="field-enterprise"
                  options={enterprises.map((o) => ({ value: o.id, label: nameOf(o) }))} notFoundContent={t('monitoring.form.noEnterprise')} />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="mn" label={t('monitoring.form.mn')} extra={editing ? undefined : t('monitoring.form.mnHelp')} required rules={editing ? [] : [rule('mn')]}>
              <Input disabled={!!editing} maxLength={64} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('monitoring.form.name')} rules={[rule('name')]}>
              <Input maxLength={200} placeholder={editing ? undefined : t('monitoring.form.nameHelp')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="pw" label={t('monitoring.form.pw')} required={!editing} rules={[rule('pw')]} extra={editing ? t('monitoring.form.pwKeep') : undefined}>
              <Input.Password maxLength={64} autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="quantity" label={t('monitoring.form.quantity')} rules={[rule('quantity')]}>
              <Select options={QUANTITIES.map((q) => ({ value: q, label: quantityLabel(t, q) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="intervalSeconds" label={t('monitoring.form.interval')} rules={[rule('intervalSeconds')]}>
              <InputNumber style={{ width: '100%' }} min={1} max={86400} precision={0} suffix={t('monitoring.form.seconds')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="protocol" label={t('monitoring.form.protocol')} rules={[rule('protocol')]}>
              <Select options={Protocol.options.map((p) => ({ value: p, label: `HJ 212-${p}` }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="feeds" label={t('monitoring.form.feeds')} extra={t('monitoring.form.feedsHelp')} rules={[rule('feeds')]}>
              <Input maxLength={64} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="active" label={t('monitoring.form.active')} valuePropName="checked">
              <Switch checkedChildren={t('monitoring.form.activeOn')} unCheckedChildren={t('monitoring.statuses.inactive')} data-testid="field-active" />
            </Form.Item>
          </Col>
        </Row>
        <div className="st-mon-form-section">{t('monitoring.form.factors')}</div>
        <FactorsEditor rule={rule} />
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
