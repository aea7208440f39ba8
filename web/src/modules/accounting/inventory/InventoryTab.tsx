import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import type { InventoryListItem } from '../../../../../src/contracts/accounting.ts';
import { errorText } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/lang.tsx';
import { useRegion } from '../../../app/region.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi } from '../api.ts';
import { exact, show } from '../format.ts';
import { usePageParams } from '../params.ts';
import { ImportModal } from './ImportModal.tsx';
import { InventoryDetailView } from './InventoryDetail.tsx';

/**
 * 区域核算: the stored inventories of the region chosen in the header, newest year first; one of them in
 * detail. The Excel template is downloaded here and a filled one imported (checked, computed, then saved).
 */
export default function InventoryTab() {
  const { t, lang, nameOf, dateTime } = useI18n();
  const { message } = App.useApp();
  const { may } = useAuth();
  const { selected } = useRegion();
  const { num, set } = usePageParams();
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const list = useLoad(() => (selected ? accountingApi.inventories(selected.code) : Promise.resolve([])), [selected?.code]);
  const id = num('inventory');

  // Another region chosen in the header leaves the inventory of the previous one.
  const region = useRef(selected?.code);
  useEffect(() => {
    if (region.current && selected?.code !== region.current) set({ inventory: undefined, base: undefined });
    region.current = selected?.code;
  }, [selected?.code, set]);

  const template = async () => {
    setBusy(true);
    try { message.success(t('accounting.inventory.downloaded', { name: await accountingApi.downloadTemplate() })); }
    catch (e) { message.error(errorText(e, lang)); }
    finally { setBusy(false); }
  };

  if (id !== undefined) {
    return <InventoryDetailView id={id} siblings={list.data ?? (list.error ? [] : undefined)} onBack={() => set({ inventory: undefined, base: undefined }, true)} />;
  }
  const fig = (v: { value: number; unit: string }) => <Tooltip title={exact(v.value, v.unit, lang)}><span className="st-num">{show(v.value, v.unit, lang)}</span></Tooltip>;
  return (
    <Card className="st-acc-card" data-testid="inventory-list">
      <div className="st-table-toolbar">
        <span className="st-table-title">{t('accounting.inventory.listTitle', { region: selected ? nameOf(selected) : '' })}</span>
        {may('inventory.compute') ? (
          <Space>
            <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void template()} data-testid="inventory-template">{t('accounting.inventory.template')}</Button>
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} disabled={!selected} data-testid="inventory-import">{t('accounting.inventory.import')}</Button>
          </Space>
        ) : null}
      </div>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Table<InventoryListItem>
        rowKey="id" size="middle" bordered loading={list.loading} dataSource={list.data ?? []} pagination={false} scroll={{ x: 1340 }} data-testid="inventory-table"
        locale={{ emptyText: <Empty description={selected ? t('accounting.inventory.empty') : t('accounting.noRegion')} /> }}
        columns={[
          { title: t('accounting.inventory.year'), dataIndex: 'year', width: 80, align: 'center',
            render: (v: number, r) => <Typography.Link onClick={() => set({ inventory: r.id }, true)} data-testid="inventory-open">{t('accounting.inventory.yearValue', { year: v })}</Typography.Link> },
          { title: t('accounting.figures.energyTotal'), key: 'e', width: 150, align: 'right', render: (_v, r) => fig(r.summary.energyTotal) },
          { title: t('accounting.figures.co2WithIndirect'), key: 'c', width: 150, align: 'right', render: (_v, r) => fig(r.summary.co2WithIndirect) },
          { title: t('accounting.figures.co2Direct'), key: 'd', width: 150, align: 'right', render: (_v, r) => fig(r.summary.co2Direct) },
          { title: t('accounting.figures.nonFossilShare'), key: 'n', width: 100, align: 'right', render: (_v, r) => fig(r.summary.nonFossilShare) },
          { title: t('accounting.figures.energyIntensity'), key: 'ei', width: 140, align: 'right', render: (_v, r) => fig(r.summary.energyIntensity) },
          { title: t('accounting.inventory.factorSet'), key: 'fs', width: 170, render: (_v, r) => `${r.factorSet.name} v${r.factorSet.version}` },
          { title: t('accounting.inventory.source'), dataIndex: 'sourceName', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('accounting.inventory.createdBy'), dataIndex: 'createdBy', width: 110, render: (v: string | null) => v ?? t('accounting.factors.system') },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => dateTime(v) },
        ]}
      />
      {importing && selected ? (
        <ImportModal region={selected} inventories={list.data ?? []} onClose={() => setImporting(false)}
          onStored={(newId) => { setImporting(false); void list.reload(); set({ inventory: newId }, true); }} />
      ) : null}
    </Card>
  );
}
