import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { OrganisationOut } from '../../../../src/contracts/organisations.ts';
import { errorText } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useI18n } from '../../app/lang.tsx';
import { usePermission } from '../../app/permissions.ts';
import { useRegion } from '../../app/region.tsx';
import { AuditHistoryDrawer } from '../../shared/AuditHistoryDrawer.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { KIND_COLORS, ORG_KINDS, kindLabel } from '../../shared/labels.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { organisationsApi, orgTarget } from './api.ts';
import { OrganisationFormModal } from './OrganisationFormModal.tsx';
import { SearchBar, type OrgFilters } from './SearchBar.tsx';

/**
 * 组织机构: offices, departments, enterprises and verifiers the user may see. The region filter starts at
 * the region chosen in the header and by default includes the regions below it.
 */
export default function OrganisationsPage() {
  const { t, lang, nameOf, dateTime } = useI18n();
  const { may } = useAuth();
  const permitted = usePermission();
  const { index, selected } = useRegion();
  const { message } = AntApp.useApp();
  const initial = useMemo<OrgFilters>(() => ({ regionCode: selected?.code, includeSub: true }), [selected?.code]);
  const [filters, setFilters] = useState<OrgFilters>(initial);
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const [editing, setEditing] = useState<OrganisationOut | 'new' | null>(null);
  const [history, setHistory] = useState<OrganisationOut | null>(null);

  useEffect(() => { setFilters(initial); setPage((p) => ({ ...p, current: 1 })); }, [initial]);

  const { data, loading, error, reload } = useLoad(
    () => organisationsApi.list({ kind: filters.kind, q: filters.q, region: filters.includeSub ? undefined : filters.regionCode }),
    [filters],
  );
  const rows = useMemo(() => {
    const region = filters.regionCode ? index?.byCode.get(filters.regionCode) : undefined;
    const visible = !data ? [] : !filters.includeSub || !region || !index ? data : data.filter((o) => index.within(o.regionId, region));
    // Region by code, then office → department → enterprise → verifier, then name in pinyin order.
    const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
    return [...visible].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || ORG_KINDS.indexOf(a.kind) - ORG_KINDS.indexOf(b.kind)
      || collator.compare(nameOf(a), nameOf(b)));
  }, [data, filters, index, lang, nameOf]);

  const canCreate = may('organisation.write');

  const onSaved = () => {
    message.success(editing === 'new' ? t('common.created') : t('common.saved'));
    setEditing(null);
    void reload();
  };

  const regionName = (o: OrganisationOut) => {
    const r = index?.byId.get(o.regionId);
    return r ? nameOf(r) : o.regionName;
  };

  return (
    <>
      <PageHeader title={t('organisations.title')} />
      <SearchBar initial={initial} onSearch={(f) => { setFilters(f); setPage((p) => ({ ...p, current: 1 })); }} />
      <Card>
        <div className="st-table-toolbar">
          <span className="st-table-title">{t('organisations.listTitle')}</span>
          {canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="org-add">{t('common.add')}</Button> : null}
        </div>
        {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} /> : null}
        <Table<OrganisationOut>
          data-testid="org-table"
          rowKey="id"
          size="middle"
          bordered
          loading={loading}
          dataSource={rows}
          scroll={{ x: 1080 }}
          pagination={{
            ...page,
            showSizeChanger: true,
            showQuickJumper: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          columns={[
            { title: t('common.index'), key: 'index', width: 60, align: 'center', render: (_v, _r, i) => (page.current - 1) * page.pageSize + i + 1 },
            {
              title: t('organisations.name'), dataIndex: 'name', ellipsis: true,
              render: (_v, o) => <span title={o.shortName ? `${o.name}（${o.shortName}）` : o.name}>{nameOf(o)}</span>,
            },
            { title: t('organisations.kind'), dataIndex: 'kind', width: lang === 'zh' ? 100 : 150, render: (k: OrganisationOut['kind']) => <Tag color={KIND_COLORS[k]}>{kindLabel(t, k)}</Tag> },
            { title: t('organisations.region'), key: 'region', width: 130, ellipsis: true, render: (_v, o) => regionName(o) },
            { title: t('organisations.creditCode'), dataIndex: 'creditCode', width: 185, render: (v: string | null) => (v ? <code>{v}</code> : '—') },
            { title: t('organisations.industryCode'), dataIndex: 'industryCode', width: 90, render: (v: string | null) => v ?? '—' },
            {
              title: t('organisations.flags'), key: 'flags', width: 200,
              render: (_v, o) => (
                <Space size={4} wrap>
                  {o.keyEnergyUser ? <Tag color="gold" style={{ marginInlineEnd: 0 }}>{t('organisations.keyEnergyUser')}</Tag> : null}
                  {o.keyEmitter ? <Tag color="volcano" style={{ marginInlineEnd: 0 }}>{t('organisations.keyEmitter')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 150, responsive: ['xxl'], render: (v: string) => dateTime(v) },
            {
              title: t('common.actions'), key: 'actions', width: 120, fixed: 'right',
              render: (_v, o) => (
                <Space size={4}>
                  {permitted('organisation.write', orgTarget(o)) ? <Button type="link" size="small" onClick={() => setEditing(o)}>{t('common.edit')}</Button> : null}
                  {permitted('audit.read', { regionId: o.regionId, organisationId: o.id }) ? <Button type="link" size="small" onClick={() => setHistory(o)}>{t('common.history')}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <OrganisationFormModal
          editing={editing === 'new' ? null : editing}
          defaultRegion={filters.regionCode ?? selected?.code}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      ) : null}
      {history ? (
        <AuditHistoryDrawer entityType="organisation" entityId={String(history.id)} title={t('organisations.historyTitle', { name: nameOf(history) })} onClose={() => setHistory(null)} />
      ) : null}
    </>
  );
}
