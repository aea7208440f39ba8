import { lazy, Suspense } from 'react';
import { Spin, Tabs } from 'antd';
import { AlertOutlined, BarChartOutlined, KeyOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { useI18n } from '../../app/lang.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import './monitoring.css';

const PointsTab = lazy(() => import('./points/PointsTab.tsx'));
const AlarmsTab = lazy(() => import('./alarms/AlarmsTab.tsx'));
const MeteredTab = lazy(() => import('./metered/MeteredTab.tsx'));
const KeysTab = lazy(() => import('./keys/KeysTab.tsx'));

type Tab = 'points' | 'alarms' | 'metered' | 'keys';

/**
 * 在线监测: the monitoring points of the region in the header (an enterprise: its own) with live status, the
 * alarms, metered energy and emissions against what enterprises reported, and the ingestion keys. The tab
 * is in the address (?tab=) so a link or a reload lands on the same view.
 */
export default function MonitoringPage() {
  const { t } = useI18n();
  const { may } = useAuth();
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = ['points', 'alarms', 'metered', ...(may('monitoring.key') ? ['keys' as const] : [])];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'points';
  const icons = { points: <NodeIndexOutlined />, alarms: <AlertOutlined />, metered: <BarChartOutlined />, keys: <KeyOutlined /> };
  const body = { points: <PointsTab />, alarms: <AlarmsTab />, metered: <MeteredTab />, keys: <KeysTab /> }[tab];
  return (
    <>
      <PageHeader title={t('monitoring.title')} />
      <Tabs className="st-mon-tabs" activeKey={tab} data-testid="monitoring-tabs"
        onChange={(k) => setParams(k === 'points' ? {} : { tab: k }, { replace: true })}
        items={tabs.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{icons[k]} {t(`monitoring.tabs.${k}`)}</span> }))} />
      <Suspense fallback={<div className="st-center"><Spin /></div>}>{body}</Suspense>
    </>
  );
}
