import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { UserOut } from '../../../../src/contracts/auth.ts';
import type { UserPatch } from '../../../../src/contracts/users.ts';
import { errorText } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { ROLES, roleLabel } from '../../shared/labels.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { organisationsApi } from '../organisations/api.ts';
import { usersApi } from './api.ts';
import { UserFormModal } from './UserFormModal.tsx';
import { PasswordModal } from './PasswordModal.tsx';

/** 用户管理 (admin): users with their role grants; create, edit roles, disable/enable, unlock, reset password. */
interface Filters { q?: string; role?: string }

export default function UsersPage() {
  const { t, lang, nameOf, dateTime } = useI18n();
  const { user: me } = useAuth();
  const { index } = useRegion();
  const { message } = AntApp.useApp();
  const users = useLoad(() => usersApi.list(), []);
  const orgs = useLoad(() => organisationsApi.list(), []);
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<Filters>();
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const [editing, setEditing] = useState<UserOut | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserOut | null>(null);

  const rows = useMemo(() => (users.data ?? []).filter((u) => {
    const q = filters.q?.trim().toLowerCase();
    if (q && !u.username.includes(q) && !u.displayName.toLowerCase().includes(q)) return false;
    return !filters.role || u.roles.some((g) => g.role === filters.role);
  }), [users.data, filters]);

  const patch = async (u: UserOut, body: UserPatch, done: string) => {
    try {
      await usersApi.update(u.id, body);
      message.success(done);
      void users.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const scopeOf = (g: UserOut['roles'][number]) => {
    // An organisation implies its region; name the region only when it is the scope itself.
    const org = g.organisationId ? orgs.data?.find((o) => o.id === g.organisationId) : undefined;
    if (g.organisationId) return org ? nameOf(org) : g.organisationName ?? '';
    const region = g.regionCode ? index?.byCode.get(g.regionCode) : undefined;
    return region ? nameOf(region) : g.regionName ?? '';
  };

  return (
    <>
      <PageHeader title={t('users.title')} regional={false} />
      <Card className="st-search-card" size="small">
        <Form form={form} onFinish={(v) => { setFilters(v); setPage((p) => ({ ...p, current: 1 })); }}>
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item name="q" label={t('organisations.keyword')}><Input allowClear placeholder={`${t('users.username')} / ${t('users.displayName')}`} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="role" label={t('users.role')}><Select allowClear placeholder={t('common.all')} options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} /></Form.Item></Col>
            <Col xs={24} md={10}>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>{t('common.search')}</Button>
                <Button icon={<ReloadOutlined />} onClick={() => { form.resetFields(); setFilters({}); }}>{t('common.reset')}</Button>
              </Space>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        <div className="st-table-toolbar">
          <span className="st-table-title">{t('users.listTitle')}</span>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!orgs.data}>{t('common.add')}</Button>
        </div>
        {users.error ? <Alert type="error" showIcon title={errorText(users.error, lang)} style={{ marginBottom: 12 }} /> : null}
        <Table<UserOut>
          data-testid="user-table"
          rowKey="id"
          bordered
          size="middle"
          loading={users.loading}
          dataSource={rows}
          scroll={{ x: 1100 }}
          pagination={{ ...page, showSizeChanger: true, showTotal: (total) => t('common.total', { total }), onChange: (current, pageSize) => setPage({ current, pageSize }) }}
          columns={[
            { title: t('common.index'), key: 'index', width: 64, align: 'center', render: (_v, _r, i) => (page.current - 1) * page.pageSize + i + 1 },
            { title: t('users.username'), dataIndex: 'username', width: 170, render: (v: string) => <code>{v}</code> },
            { title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
            {
              title: t('users.roles'), key: 'roles',
              render: (_v, u) => (
                <Space size={[4, 4]} wrap>
                  {u.roles.length ? u.roles.map((g) => {
                    const scope = scopeOf(g);
                    return <Tag key={g.id} color={g.role === 'admin' ? 'red' : 'blue'} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>{roleLabel(t, g.role)}{scope ? ` · ${scope}` : ''}</Tag>;
                  }) : <Tag>{t('header.noRoles')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('users.status'), key: 'status', width: 120,
              render: (_v, u) => (
                <Space size={4}>
                  {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag color="default">{t('users.inactive')}</Tag>}
                  {u.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 140, render: (v: string | null) => (v ? dateTime(v) : t('users.never')) },
            {
              title: t('common.actions'), key: 'actions', width: 230, fixed: 'right',
              render: (_v, u) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>{t('common.edit')}</Button>
                  <Button type="link" size="small" onClick={() => setResetting(u)}>{t('users.resetPassword')}</Button>
                  {u.id !== me?.id ? (
                    <Popconfirm title={u.active ? t('users.confirmDisable') : t('users.confirmEnable')} okText={t('common.confirm')} cancelText={t('common.cancel')}
                      onConfirm={() => patch(u, { active: !u.active }, u.active ? t('users.disabled') : t('users.enabled'))}>
                      <Button type="link" size="small" danger={u.active}>{u.active ? t('users.disable') : t('users.enable')}</Button>
                    </Popconfirm>
                  ) : null}
                  {u.locked ? <Button type="link" size="small" onClick={() => void patch(u, { unlock: true }, t('users.unlocked'))}>{t('users.unlock')}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && orgs.data ? (
        <UserFormModal
          editing={editing === 'new' ? null : editing}
          orgs={orgs.data}
          onClose={() => setEditing(null)}
          onSaved={() => { message.success(editing === 'new' ? t('common.created') : t('common.saved')); setEditing(null); void users.reload(); }}
        />
      ) : null}
      {resetting ? (
        <PasswordModal user={resetting} onClose={() => setResetting(null)} onSaved={() => { message.success(t('users.passwordReset')); setResetting(null); void users.reload(); }} />
      ) : null}
    </>
  );
}
