import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Space, Table, Tag, Tooltip } from 'antd';
import { CheckCircleFilled, ImportOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { PlanListItem } from '../../../../src/contracts/plans.ts';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { usePermission } from '../../app/permissions.ts';
import { useAuth } from '../../app/auth.tsx';
import { useRegion } from '../../app/region.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { plansApi } from './api.ts';

/** 规划目标: the implementation plans of the region chosen in the header (and, by default, of its sub-regions). */
interface Filters { within: boolean; q?: string }

export default function PlansPage() {
  const { t, lang, nameOf } = useI18n();
  const { selected, index } = useRegion();
  const { may } = useAuth();
  const permitted = usePermission();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ within: true });
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const { data, loading, error } = useLoad(() => plansApi.list(selected?.code, filters.within), [selected?.code, filters.within]);

  const rows = useMemo(() => {
    const q = filters.q?.trim();
    const list = (data ?? []).filter((p) => !q || p.title.includes(q) || (p.docNumber ?? '').includes(q));
    // By region code (a province sorts before its cities, a city before its districts), newest plan first.
    return [...list].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || (b.issuedOn ?? '').localeCompare(a.issuedOn ?? ''));
  }, [data, filters.q]);

  const regionName = (p: PlanListItem) => { const r = index?.byCode.get(p.regionCode); return r ? nameOf(r) : p.regionName; };
  const canImport = may('plan.write') && (!selected || permitted('plan.write', { regionId: selected.id }));

  return (
    <>
      <PageHeader title={t('plans.title')} />
      <Card className="st-search-card" size="small">
        <Form form={form} initialValues={filters} onFinish={(v) => { setFilters({ ...v, q: v.q?.trim() || undefined }); setPage((p) => ({ ...p, current: 1 })); }} data-testid="plan-search">
          <Row gutter={16} align="middle">
            <Col xs={24} md={10} xl={8}>
              <Form.Item name="q" label={t('plans.keyword')}>
                <Input allowClear placeholder={t('plans.keywordPlaceholder')} maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="within" valuePropName="checked"><Checkbox>{t('plans.includeSub')}</Checkbox></Form.Item>
            </Col>
            <Col xs={24} md={8} xl={6}>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>{t('common.search')}</Button>
                  <Button icon={<ReloadOutlined />} onClick={() => { form.setFieldsValue({ within: true, q: undefined }); setFilters({ within: true }); }}>{t('common.reset')}</Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        <div className="st-table-toolbar">
          <span className="st-table-title">{t('plans.listTitle')}</span>
          {canImport ? <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate('/plans/import')} data-testid="plan-import">{t('plans.importButton')}</Button> : null}
        </div>
        {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} /> : null}
        <Table<PlanListItem>
          data-testid="plan-table"
          rowKey="id"
          size="middle"
          bordered
          loading={loading}
          dataSource={rows}
          scroll={{ x: 1140 }}
          locale={{ emptyText: t('plans.empty') }}
          pagination={{
            ...page, showSizeChanger: true, pageSizeOptions: [10, 20, 50],
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          columns={[
            { title: t('common.index'), key: 'index', width: 60, align: 'center', render: (_v, _r, i) => (page.current - 1) * page.pageSize + i + 1 },
            { title: t('plans.name'), dataIndex: 'title', minWidth: 220, render: (v: string, p) => <Link to={`/plans/${p.id}`} data-testid="plan-link">{v}</Link> },
            { title: t('plans.region'), key: 'region', width: 130, ellipsis: true, render: (_v, p) => regionName(p) },
            { title: t('plans.docNumber'), dataIndex: 'docNumber', width: 170, render: (v: string | null) => v ?? '—' },
            { title: t('plans.issuedOn'), dataIndex: 'issuedOn', width: 110, align: 'center', render: (v: string | null) => v ?? '—' },
            { title: t('plans.period'), key: 'period', width: 120, align: 'center', render: (_v, p) => t('plans.periodValue', { start: p.periodStart, end: p.periodEnd }) },
            { title: t('plans.status'), dataIndex: 'status', width: 80, align: 'center',
              render: (s: PlanListItem['status']) => <Tag color={s === 'issued' ? 'green' : 'orange'}>{t(`plans.statuses.${s}`)}</Tag> },
            { title: t('plans.counts'), key: 'counts', width: lang === 'zh' ? 130 : 180, align: 'center',
              render: (_v, p) => (
                <Tooltip title={t('plans.countsTip', { targets: p.counts.targets, main: p.counts.mainTargets, actions: p.counts.actions, tasks: p.counts.tasks })}>
                  <span className="st-counts">{p.counts.targets} / {p.counts.actions} / {p.counts.tasks}</span>
                </Tooltip>
              ) },
            { title: t('plans.reviewed'), dataIndex: 'reviewed', width: lang === 'zh' ? 100 : 130, align: 'center',
              render: (v: boolean) => (v
                ? <Tag color="success" icon={<CheckCircleFilled />}>{t('plans.reviewedYes')}</Tag>
                : <Tag>{t('plans.reviewedNo')}</Tag>) },
            { title: t('common.actions'), key: 'actions', width: 80, align: 'center',
              render: (_v, p) => <Button type="link" size="small" onClick={() => navigate(`/plans/${p.id}`)}>{t('plans.open')}</Button> },
          ]}
        />
      </Card>
    </>
  );
}
