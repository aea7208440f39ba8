import { Button, Col, Form, Input, InputNumber, Row, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Rule } from 'antd/es/form';
import { lookupFactor } from '../../../../../src/core/hj212/factors.ts';
import { useI18n } from '../../../app/lang.tsx';

export interface FactorValues { code?: string; unit?: string; multiplier?: number | null; offset?: number | null; min?: number | null; max?: number | null }

/**
 * The factors of a point, one row each: HJ 212 code, unit (blank: the standard's unit of the code), meter
 * constant (stored value = raw × multiplier + offset) and the plausible range. `rule` checks a field path
 * with the contract schema, so errors such as a repeated code appear on the row they concern.
 */
export function FactorsEditor({ rule }: { rule(field: string): Rule }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  // The list as a whole (at least one factor, no code twice): Form.List takes only validator rules.
  const whole = rule('factors');
  const listRules = typeof whole === 'object' && whole.validator ? [{ validator: whole.validator }] : [];
  const codes = (Form.useWatch('factors', form) as FactorValues[] | undefined)?.map((f) => f?.code);
  const head = (k: 'code' | 'unit' | 'multiplier' | 'offset' | 'min' | 'max', span: number) => (
    <Col span={span}><span className="st-mon-factor-head">{t(`monitoring.form.factor.${k}`)}</span></Col>
  );
  return (
    <Form.List name="factors" rules={listRules}>
      {(fields, { add, remove }, { errors }) => (
        <div className="st-mon-factors" data-testid="factors-editor">
          <Row gutter={8}>{head('code', 5)}{head('unit', 4)}{head('multiplier', 4)}{head('offset', 3)}{head('min', 3)}{head('max', 3)}</Row>
          {fields.map((f) => {
            const code = codes?.[f.name];
            const std = code ? lookupFactor(code.trim())?.factor : undefined;
            return (
              <Row gutter={8} key={f.key} align="top" data-testid="factor-row">
                <Col span={5}>
                  <Form.Item name={[f.name, 'code']} rules={[rule(`factors.${f.name}.code`)]} required>
                    <Input maxLength={32} style={{ fontFamily: 'monospace' }} placeholder="a05001" aria-label={t('monitoring.form.factor.code')} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'unit']} rules={[rule(`factors.${f.name}.unit`)]}>
                    <Input maxLength={32} placeholder={std?.unit ?? ''} aria-label={t('monitoring.form.factor.unit')} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'multiplier']} rules={[rule(`factors.${f.name}.multiplier`)]}>
                    <InputNumber style={{ width: '100%' }} placeholder="1" aria-label={t('monitoring.form.factor.multiplier')} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[f.name, 'offset']} rules={[rule(`factors.${f.name}.offset`)]}>
                    <InputNumber style={{ width: '100%' }} placeholder="0" aria-label={t('monitoring.form.factor.offset')} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[f.name, 'min']} rules={[rule(`factors.${f.name}.min`)]}>
                    <InputNumber style={{ width: '100%' }} aria-label={t('monitoring.form.factor.min')} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[f.name, 'max']} rules={[rule(`factors.${f.name}.max`)]}>
                    <InputNumber style={{ width: '100%' }} aria-label={t('monitoring.form.factor.max')} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Tooltip title={t('monitoring.form.factor.remove')}>
                    <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={t('monitoring.form.factor.remove')} />
                  </Tooltip>
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="factor-add">{t('monitoring.form.factor.add')}</Button>
        </div>
      )}
    </Form.List>
  );
}
