import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, PlusOutlined, WarningFilled } from '@ant-design/icons';
import type { FactorSetOut } from '../../../../../src/contracts/accounting.ts';
import { errorText } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi } from '../api.ts';
import { shortHash } from '../format.ts';
import { usePageParams } from '../params.ts';
import { FactorRecords } from './FactorRecords.tsx';
import { NewVersionModal } from './NewVersionModal.tsx';

/**
 * 因子库: every version of the factor library (a new version never overwrites: it names its parent), each
 * checked against its fingerprint, and the records of the chosen version. Offices add local or measured
 * factors as a new version from a factor file.
 */
export default function FactorLibrary() {
  const { t, lang, dateTime } = useI18n();
  const { may } = useAuth();
  const { message } = App.useApp();
  const { num, set } = usePageParams();
  const sets = useLoad(() => accountingApi.factorSets(), []);
  const [adding, setAdding] = useState(false);
  const byId = useMemo(() => new Map((sets.data ?? []).map((s) => [s.id, s])), [sets.data]);
  const newest = useMemo(() => [...(sets.data ?? [])].filter((s) => s.intact).sort((a, b) => b.id - a.id)[0], [sets.data]);
  const chosen = byId.get(num('set') ?? -1) ?? newest;
  const canAdd = may('factor.write');

  return (
    <>
      <Card className="st-acc-card" data-testid="factor-sets">
        <div className="st-table-toolbar">
          <span className="st-table-title">{t('accounting.factors.setsTitle')}</span>
          {canAdd && chosen ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="factor-add-version">{t('accounting.factors.addVersion')}</Button>
          ) : null}
        </div>
        <Typography.Paragraph type="secondary" className="st-acc-note">{t('accounting.factors.setsNote')}</Typography.Paragraph>
        {sets.error ? <Alert type="error" showIcon title={errorText(sets.error, lang)} /> : null}
        <Table<FactorSetOut>
          rowKey="id" size="small" bordered loading={sets.loading} dataSource={sets.data ?? []} pagination={false} scroll={{ x: 1000 }}
          rowClassName={(r) => (r.id === chosen?.id ? 'st-acc-row-active' : '')}
          onRow={(r) => ({ onClick: () => set({ set: r.id }), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('accounting.factors.setName'), dataIndex: 'name', width: 180, render: (v: string, r) => <span>{v} {r.seed ? <Tag>{t('accounting.factors.seed')}</Tag> : null}</span> },
            { title: t('accounting.factors.version'), dataIndex: 'version', width: 70, align: 'center', render: (v: number) => `v${v}` },
            { title: t('accounting.factors.fingerprint'), dataIndex: 'fingerprint', width: 130,
              render: (v: string) => <Tooltip title={v}><Typography.Text code>{shortHash(v)}</Typography.Text></Tooltip> },
            { title: t('accounting.factors.intact'), dataIndex: 'intact', width: 110, align: 'center',
              render: (v: boolean) => (v
                ? <Tag color="success" icon={<CheckCircleFilled />}>{t('accounting.factors.intactYes')}</Tag>
                : <Tooltip title={t('accounting.factors.intactNoTip')}><Tag color="error" icon={<WarningFilled />}>{t('accounting.factors.intactNo')}</Tag></Tooltip>) },
            { title: t('accounting.factors.recordCount'), dataIndex: 'recordCount', width: 80, align: 'right' },
            { title: t('accounting.factors.parent'), dataIndex: 'parentId', width: 150,
              render: (v: number | null) => { const p = v === null ? undefined : byId.get(v); return p ? `${p.name} v${p.version}` : '—'; } },
            { title: t('accounting.factors.note'), dataIndex: 'note', ellipsis: { showTitle: false },
              render: (v: string | null) => (v ? <Tooltip title={v} placement="topLeft">{v}</Tooltip> : '—') },
            { title: t('accounting.factors.createdBy'), dataIndex: 'createdBy', width: 110, render: (v: string | null) => v ?? t('accounting.factors.system') },
            { title: t('common.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => dateTime(v) },
          ]}
        />
      </Card>
      {chosen ? <FactorRecords key={chosen.id} set={chosen} /> : null}
      {adding && chosen ? (
        <NewVersionModal parent={chosen} onClose={() => setAdding(false)}
          onCreated={(s) => { setAdding(false); message.success(t('accounting.factors.created', { name: s.name, version: s.version })); void sets.reload(); set({ set: s.id }); }} />
      ) : null}
    </>
  );
}
