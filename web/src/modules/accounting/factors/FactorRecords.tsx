import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { FactorSetOut } from '../../../../../src/contracts/accounting.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi, type FactorRow, type RecordFilter } from '../api.ts';
import { pretty } from '../format.ts';
import { kindLabel } from '../labels.ts';
import { FactorSources, FactorStatus, yearsText } from './FactorTags.tsx';

interface Filters { kind?: string; q?: string; weak?: boolean; head?: boolean }

/** The records of one factor set (mounted per set: another set starts unfiltered), filtered on the server (kind, keyword in key/series/sources, weak only, newest only). */
export function FactorRecords({ set }: { set: FactorSetOut }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<RecordFilter>({});
  const [kinds, setKinds] = useState<{ setId: number; list: string[] } | null>(null);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const detail = useLoad(() => accountingApi.factorSet(set.id, filters), [set.id, filters]);

  // The kinds of the set, from its unfiltered records (the first answer for each set).
  useEffect(() => {
    const d = detail.data;
    if (!d || d.id !== set.id || filters.kind || filters.q || filters.weak || filters.head) return;
    if (kinds?.setId !== d.id) setKinds({ setId: d.id, list: [...new Set(d.records.map((r) => r.kind))].sort() });
  }, [detail.data, filters, set.id, kinds?.setId]);

  const kindOptions = useMemo(() => (kinds?.setId === set.id ? kinds.list : []).map((k) => ({ value: k, label: `${kindLabel(t, k)}（${k}）` })), [kinds, set.id, t]);
  const rows = detail.data?.id === set.id ? detail.data.records : [];
  const weakCount = rows.filter((r) => r.weak).length;

  return (
    <Card className="st-acc-card" data-testid="factor-records"
      title={<span>{t('accounting.factors.recordsTitle', { name: set.name, version: set.version })}</span>}>
      <Form form={form} onFinish={(v) => { setFilters({ kind: v.kind, q: v.q?.trim() || undefined, weak: v.weak || undefined, head: v.head || undefined }); setPage((p) => ({ ...p, current: 1 })); }}>
        <Row gutter={16} align="middle">
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="kind" label={t('accounting.factors.kind')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={kindOptions} placeholder={t('common.all')} data-testid="factor-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={6}>
            <Form.Item name="q" label={t('accounting.factors.keyword')}>
              <Input allowClear maxLength={64} placeholder={t('accounting.factors.keywordPlaceholder')} data-testid="factor-keyword" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4} xl={4}>
            <Form.Item name="weak" valuePropName="checked"><Checkbox data-testid="factor-weak">{t('accounting.factors.weakOnly')}</Checkbox></Form.Item>
          </Col>
          <Col xs={12} md={4} xl={3}>
            <Form.Item name="head" valuePropName="checked"><Checkbox>{t('accounting.factors.headOnly')}</Checkbox></Form.Item>
          </Col>
          <Col xs={24} xl={5}>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="factor-search">{t('common.search')}</Button>
                <Button icon={<ReloadOutlined />} onClick={() => { form.resetFields(); setFilters({}); }}>{t('common.reset')}</Button>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {detail.error ? <Alert type="error" showIcon title={errorText(detail.error, lang)} style={{ marginBottom: 12 }} /> : null}
      {weakCount ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('accounting.factors.weakBanner', { count: weakCount, total: rows.length })} /> : null}
      <Table<FactorRow>
        rowKey="ref" size="small" bordered loading={detail.loading} dataSource={rows} scroll={{ x: 1180 }} data-testid="factor-table"
        pagination={{ ...page, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => t('common.total', { total: n }), onChange: (current, pageSize) => setPage({ current, pageSize }) }}
        expandable={{ expandedRowRender: (r) => <RecordDetail r={r} /> }}
        columns={[
          { title: t('accounting.factors.kind'), dataIndex: 'kind', width: 130, render: (v: string) => <Tooltip title={v}>{kindLabel(t, v)}</Tooltip> },
          { title: t('accounting.factors.key'), dataIndex: 'key', width: 150 },
          { title: t('accounting.factors.series'), dataIndex: 'series', width: 130 },
          { title: t('accounting.factors.years'), dataIndex: 'years', width: 80, align: 'center', render: (y: FactorRow['years']) => yearsText(y, t('accounting.factors.anyYear')) },
          { title: t('accounting.factors.value'), key: 'value', width: 150, align: 'right',
            render: (_v, r) => <span className="st-num">{r.value} <Typography.Text type="secondary">{pretty(r.unit)}</Typography.Text>{r.unitQualifier ? <Tooltip title={r.unitQualifier}><sup>*</sup></Tooltip> : null}</span> },
          { title: t('accounting.factors.version'), dataIndex: 'version', width: 80, align: 'center',
            render: (v: number, r) => <span>v{v}{r.head ? null : <Tag className="st-acc-tag-old">{t('accounting.factors.superseded')}</Tag>}</span> },
          { title: t('accounting.factors.status'), key: 'status', width: 150, render: (_v, r) => <FactorStatus r={r} /> },
          { title: t('accounting.factors.confirmations'), dataIndex: 'confirmations', width: 70, align: 'center' },
          { title: t('accounting.factors.sources'), dataIndex: 'sources', width: 230, render: (v: string[]) => <FactorSources ids={v} sources={detail.data?.sources} /> },
        ]}
      />
    </Card>
  );
}

function RecordDetail({ r }: { r: FactorRow }) {
  const { t } = useI18n();
  const list = (xs: readonly string[]) => (xs.length ? xs.join('；') : '—');
  return (
    <Descriptions size="small" column={1} bordered items={[
      { key: 'ref', label: t('accounting.factors.ref'), children: <Typography.Text code copyable>{r.ref}</Typography.Text> },
      { key: 'qualifier', label: t('accounting.factors.unitQualifier'), children: r.unitQualifier ?? '—' },
      { key: 'notes', label: t('accounting.factors.notes'), children: list(r.notes) },
      { key: 'documents', label: t('accounting.factors.documents'), children: list(r.documents) },
      { key: 'alternatives', label: t('accounting.factors.alternatives'), children: list(r.alternatives) },
      { key: 'supersedes', label: t('accounting.factors.supersedes'), children: r.supersedes ?? '—' },
      { key: 'origin', label: t('accounting.factors.origin'), children: r.origin ?? '—' },
    ]} />
  );
}
