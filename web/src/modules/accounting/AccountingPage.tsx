import { lazy, Suspense } from 'react';
import { Spin, Tabs } from 'antd';
import { DatabaseOutlined, ShopOutlined, TableOutlined } from '@ant-design/icons';
import { useAuth } from '../../app/auth.tsx';
import { useI18n } from '../../app/lang.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { usePageParams } from './params.ts';
import './accounting.css';

const FactorLibrary = lazy(() => import('./factors/FactorLibrary.tsx'));
const InventoryTab = lazy(() => import('./inventory/InventoryTab.tsx'));
const EnterpriseTab = lazy(() => import('./enterprise/EnterpriseTab.tsx'));

type Tab = 'factors' | 'inventory' | 'enterprise';

/**
 * 碳核算: the factor library (versioned, with sources), the regional inventories of the region chosen in the
 * header (key figures, charts, the calculation sheet behind any number, Excel import and export), and the
 * enterprise reports with the bottom-up comparison. An enterprise user lands on its own reports.
 */
export default function AccountingPage() {
  const { t } = useI18n();
  const { user, may } = useAuth();
  const { get, set } = usePageParams();
  const enterpriseOnly = !!user && user.roles.length > 0 && user.roles.every((r) => r.role === 'enterprise');
  const tabs: Tab[] = ['factors', 'inventory', ...(may('enterprise_report.read') ? ['enterprise' as const] : [])];
  const asked = get('tab') as Tab | undefined;
  const tab: Tab = asked && tabs.includes(asked) ? asked : enterpriseOnly ? 'enterprise' : 'inventory';
  const icons = { factors: <DatabaseOutlined />, inventory: <TableOutlined />, enterprise: <ShopOutlined /> };
  const body = tab === 'factors' ? <FactorLibrary /> : tab === 'inventory' ? <InventoryTab /> : <EnterpriseTab />;

  return (
    <>
      <PageHeader title={t('accounting.title')} />
      <Tabs
        className="st-acc-tabs" activeKey={tab} data-testid="accounting-tabs"
        onChange={(k) => set({ tab: k, set: undefined, inventory: undefined, base: undefined, report: undefined }, true)}
        items={tabs.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{icons[k]} {t(`accounting.tabs.${k}`)}</span> }))}
      />
      <Suspense fallback={<div className="st-center"><Spin /></div>}>{body}</Suspense>
    </>
  );
}
