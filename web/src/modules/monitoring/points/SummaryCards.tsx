import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { AlertOutlined, ApiOutlined, DisconnectOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/lang.tsx';

export interface PointCounts { total: number; online: number; offline: number; inactive: number }

/** The counts above the point list: points, online, offline (停用 points counted apart), open alarms. */
export function SummaryCards({ counts, openAlarms, alarmsSub }: { counts: PointCounts; openAlarms: number | null; alarmsSub: string }) {
  const { t } = useI18n();
  const cards: Array<{ id: string; title: string; value: number | null; unit: string; icon: ReactNode; color: string; sub: string }> = [
    { id: 'points', title: t('monitoring.summary.points'), value: counts.total, unit: t('monitoring.summary.unitPoint'), icon: <NodeIndexOutlined />, color: '#1d6fb8',
      sub: counts.inactive ? t('monitoring.summary.inactive', { n: counts.inactive }) : '' },
    { id: 'online', title: t('monitoring.summary.online'), value: counts.online, unit: t('monitoring.summary.unitPoint'), icon: <ApiOutlined />, color: '#13a57a',
      sub: counts.total - counts.inactive ? t('monitoring.summary.onlineRate', { rate: Math.round((counts.online / (counts.total - counts.inactive)) * 100) }) : '' },
    { id: 'offline', title: t('monitoring.summary.offline'), value: counts.offline, unit: t('monitoring.summary.unitPoint'), icon: <DisconnectOutlined />, color: '#d9534f', sub: t('monitoring.summary.offlineRule') },
    { id: 'alarms', title: t('monitoring.summary.openAlarms'), value: openAlarms, unit: t('monitoring.summary.unitAlarm'), icon: <AlertOutlined />, color: '#f08a24', sub: alarmsSub },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {cards.map((c) => (
        <Col key={c.id} xs={12} xl={6}>
          <Card className="st-stat-card" data-testid={`mon-stat-${c.id}`} style={{ borderTop: `3px solid ${c.color}` }}>
            <Statistic title={<span><span style={{ color: c.color, marginRight: 6 }}>{c.icon}</span>{c.title}</span>}
              value={c.value ?? '—'} suffix={c.value === null ? undefined : c.unit} />
            <div className="st-stat-sub">{c.sub}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
