import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useEffect, useMemo } from 'react';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { ORG_KINDS, kindLabel, type OrgKind } from '../../shared/labels.ts';
import { regionTreeData } from '../../shared/regions.ts';

export interface OrgFilters {
  regionCode?: string;
  includeSub: boolean;
  kind?: OrgKind;
  q?: string;
}

/** The search bar above the organisation table: region (with sub-regions), kind, keyword; 查询 / 重置. */
export function SearchBar({ initial, onSearch }: { initial: OrgFilters; onSearch(f: OrgFilters): void }) {
  const { t, nameOf } = useI18n();
  const { index } = useRegion();
  const [form] = Form.useForm<OrgFilters>();
  const treeData = useMemo(() => (index ? regionTreeData(index, nameOf) : []), [index, nameOf]);
  // A new region in the header starts a new search: region from the header, other filters cleared.
  useEffect(() => { form.setFieldsValue({ ...initial, kind: undefined, q: undefined }); }, [form, initial]);

  return (
    <Card className="st-search-card" size="small">
      <Form form={form} initialValues={initial} onFinish={(v) => onSearch({ ...v, q: v.q?.trim() || undefined })} data-testid="org-search">
        <Row gutter={16} align="middle">
          <Col xs={24} md={12} xl={7}>
            <Form.Item name="regionCode" label={t('organisations.region')}>
              <TreeSelect allowClear treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} placeholder={t('common.all')} treeDefaultExpandAll={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={3}>
            <Form.Item name="includeSub" valuePropName="checked">
              <Checkbox>{t('organisations.includeSub')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item name="kind" label={t('organisations.kind')}>
              <Select allowClear placeholder={t('common.all')} options={ORG_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="q" label={t('organisations.keyword')}>
              <Input allowClear placeholder={t('organisations.keywordPlaceholder')} maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>{t('common.search')}</Button>
                <Button icon={<ReloadOutlined />} onClick={() => { form.setFieldsValue({ ...initial, kind: undefined, q: undefined }); onSearch({ ...initial, kind: undefined, q: undefined }); }}>{t('common.reset')}</Button>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
