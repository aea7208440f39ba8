import { ApartmentOutlined, BankOutlined, CloudOutlined, ShopOutlined, TeamOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/lang.tsx';
import type { Overview } from './stats.ts';

/** The headline counts of the selected region, each a real count (data-testid for the browser test). */
export function StatCards({ o }: { o: Overview }) {
  const { t } = useI18n();
  const cards: Array<{ id: string; title: string; value: number; suffix: string; icon: ReactNode; color: string; sub?: string }> = [
    { id: 'subRegions', title: t('dashboard.subRegions'), value: o.directSubRegions, suffix: t('dashboard.unitCount'), icon: <ApartmentOutlined />, color: '#1d6fb8',
      sub: t('dashboard.subRegionsDetail', { direct: o.directSubRegions, all: o.allSubRegions }) },
    { id: 'offices', title: t('dashboard.offices'), value: o.byKind.office, suffix: t('dashboard.unitCount'), icon: <BankOutlined />, color: '#2f54eb' },
    { id: 'departments', title: t('dashboard.departments'), value: o.byKind.department, suffix: t('dashboard.unitCount'), icon: <TeamOutlined />, color: '#13a57a' },
    { id: 'enterprises', title: t('dashboard.enterprises'), value: o.byKind.enterprise, suffix: t('dashboard.unitHousehold'), icon: <ShopOutlined />, color: '#f08a24' },
    { id: 'keyEnergyUsers', title: t('dashboard.keyEnergyUsers'), value: o.keyEnergyUsers, suffix: t('dashboard.unitHousehold'), icon: <ThunderboltOutlined />, color: '#c9a227' },
    { id: 'keyEmitters', title: t('dashboard.keyEmitters'), value: o.keyEmitters, suffix: t('dashboard.unitHousehold'), icon: <CloudOutlined />, color: '#d9534f' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.id} xs={12} md={8} xl={4}>
          <Card className="st-stat-card" data-testid={`stat-${c.id}`} style={{ borderTop: `3px solid ${c.color}` }}>
            <Statistic
              title={<span><span style={{ color: c.color, marginRight: 6 }}>{c.icon}</span>{c.title}</span>}
              value={c.value}
              suffix={c.suffix || undefined}
            />
            <div className="st-stat-sub">{c.sub ?? ''}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
