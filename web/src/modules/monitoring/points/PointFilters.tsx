import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/lang.tsx';
import { QUANTITIES, quantityLabel } from '../labels.ts';
import { POINT_STATUSES, type PointStatus } from '../status.ts';

export interface PointFilterValues {
  organisationId?: number;
  quantity?: string;
  status?: PointStatus;
  q?: string;
}

/**
 * The filter strip above the point list: the region is the header's; enterprise, quantity, status and a
 * keyword (MN or name) apply as they are chosen.
 */
export function PointFilters(props: {
  regionName: string | null;
  enterprises: Array<{ id: number; name: string }>;
  value: PointFilterValues;
  onChange(v: PointFilterValues): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<PointFilterValues>();
  return (
    <Card className="st-search-card" size="small">
      <Form form={form} initialValues={props.value} onValuesChange={(_c, all) => props.onChange({ ...all, q: all.q?.trim() || undefined })} data-testid="point-filters">
        <Row gutter={16} align="middle">
          <Col xs={24} md={12} xl={4}>
            <Form.Item label={t('monitoring.points.region')}>
              <span data-testid="filter-region">{props.regionName ?? t('monitoring.points.ownPoints')}</span>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="organisationId" label={t('monitoring.points.enterprise')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('common.all')} data-testid="filter-enterprise"
                options={props.enterprises.map((e) => ({ value: e.id, label: e.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item name="quantity" label={t('monitoring.points.quantity')}>
              <Select allowClear placeholder={t('common.all')} options={QUANTITIES.map((q) => ({ value: q, label: quantityLabel(t, q) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={3}>
            <Form.Item name="status" label={t('monitoring.points.status')}>
              <Select allowClear placeholder={t('common.all')} data-testid="filter-status"
                options={POINT_STATUSES.map((s) => ({ value: s, label: t(`monitoring.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={5}>
            <Form.Item name="q" label={t('monitoring.points.keyword')}>
              <Input allowClear placeholder={t('monitoring.points.keywordPlaceholder')} maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={2}>
            <Form.Item>
              <Button icon={<ReloadOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ organisationId: undefined, quantity: undefined, status: undefined, q: undefined }); props.onChange({}); }}>
                {t('common.reset')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
