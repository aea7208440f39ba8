import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { usePermission } from '../../../app/permissions.ts';
import { useLoad } from '../../../shared/useLoad.ts';
import { monitoringApi } from '../api.ts';
import { useMonitoringScope } from '../scope.ts';
import { keysApi, type KeyOut } from './api.ts';
import { KeyCreateModal } from './KeyCreateModal.tsx';

/**
 * 接入密钥: the keys enterprises' gateways use for HTTP batch upload (and MQTT), per enterprise of the header's
 * region (an enterprise: its own). A key is shown once when created; revoking takes effect at once.
 */
export default function KeysTab() {
  const { t, lang, dateTime, nameOf } = useI18n();
  const { message } = AntApp.useApp();
  const permitted = usePermission();
  const { inScope } = useMonitoringScope();
  const orgs = useLoad(() => monitoringApi.enterprises(), []);
  const keys = useLoad(() => keysApi.list(), []);
  const [org, setOrg] = useState<number | undefined>(undefined);
  const [creating, setCreating] = useState(false);

  const enterprises = useMemo(() => (orgs.data ?? []).filter((o) => inScope(o.regionCode)
    && permitted('monitoring.key', { regionId: o.regionId, organisationId: o.id, confidential: true })), [orgs.data, inScope, permitted]);
  const ids = new Set(enterprises.map((o) => o.id));
  const rows = (keys.data ?? []).filter((k) => ids.has(k.organisationId) && (!org || k.organisationId === org));

  const revoke = async (k: KeyOut) => {
    try {
      await keysApi.revoke(k.id);
      message.success(t('monitoring.keys.revoked', { prefix: k.prefix }));
      void keys.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <Card data-testid="keys-card">
      <div className="st-table-toolbar">
        <Space>
          <span className="st-table-title">{t('monitoring.keys.title')}</span>
          <Select allowClear style={{ minWidth: 260 }} placeholder={t('monitoring.keys.allEnterprises')} value={org} onChange={setOrg}
            showSearch={{ optionFilterProp: 'label' }} options={enterprises.map((o) => ({ value: o.id, label: nameOf(o) }))} data-testid="keys-enterprise" />
        </Space>
        {enterprises.length ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="key-add">{t('monitoring.keys.create')}</Button> : null}
      </div>
      <Typography.Paragraph type="secondary">{t('monitoring.keys.intro')}</Typography.Paragraph>
      {keys.error || orgs.error ? <Alert type="error" showIcon title={errorText(keys.error ?? orgs.error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Table<KeyOut>
        rowKey="id" size="middle" bordered loading={keys.loading || orgs.loading} dataSource={rows} data-testid="keys-table" scroll={{ x: 1300 }}
        pagination={{ pageSize: 10, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: t('monitoring.keys.empty') }}
        columns={[
          { title: t('monitoring.points.enterprise'), dataIndex: 'enterpriseName', width: 220, ellipsis: true },
          { title: t('monitoring.keys.name'), dataIndex: 'name', width: 200 },
          { title: t('monitoring.keys.prefix'), dataIndex: 'prefix', width: 170, render: (v: string) => <code>{v}…</code> },
          { title: t('monitoring.keys.status'), key: 'status', width: 90, align: 'center',
            render: (_v, k) => (k.revokedAt ? <Tag>{t('monitoring.keys.statusRevoked')}</Tag> : <Tag color="success">{t('monitoring.keys.statusActive')}</Tag>) },
          { title: t('monitoring.keys.createdBy'), dataIndex: 'createdBy', width: 130 },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => dateTime(v) },
          { title: t('monitoring.keys.lastUsed'), dataIndex: 'lastUsedAt', width: 140, render: (v: string | null) => (v ? dateTime(v) : t('monitoring.keys.neverUsed')) },
          { title: t('monitoring.keys.revokedAt'), dataIndex: 'revokedAt', width: 140, render: (v: string | null) => (v ? dateTime(v) : '—') },
          { title: t('common.actions'), key: 'actions', width: 90, fixed: 'right',
            render: (_v, k) => (k.revokedAt ? null : (
              <Popconfirm title={t('monitoring.keys.revokeConfirm', { prefix: k.prefix })} okText={t('monitoring.keys.revoke')} cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }} onConfirm={() => revoke(k)}>
                <Button type="link" size="small" danger data-testid="key-revoke">{t('monitoring.keys.revoke')}</Button>
              </Popconfirm>
            )) },
        ]}
      />
      {creating ? <KeyCreateModal enterprises={enterprises} defaultOrg={org ?? (enterprises.length === 1 ? enterprises[0].id : undefined)}
        onClose={() => setCreating(false)} onCreated={() => void keys.reload()} /> : null}
    </Card>
  );
}
