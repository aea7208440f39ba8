import { Alert, Card, Col, Descriptions, Empty, Row, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { z } from 'zod';
import { OrganisationOut } from '../../../../src/contracts/organisations.ts';
import { api, errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { levelLabel } from '../../shared/labels.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { overview } from './stats.ts';
import { StatCards } from './StatCards.tsx';
import { AreaChart } from './AreaChart.tsx';
import { IndustryChart } from './IndustryChart.tsx';

/** 驾驶舱: the selected region at a glance — real counts from the API, and charts of them. */
export default function DashboardPage() {
  const { t, lang, nameOf } = useI18n();
  const { index, selected } = useRegion();
  const orgs = useLoad(() => api.get('/api/organisations', z.array(OrganisationOut)), []);
  const o = useMemo(() => (index && selected && orgs.data ? overview(index, selected, orgs.data) : null), [index, selected, orgs.data]);

  if (!index || !selected) return <Empty description={t('dashboard.noRegion')} />;
  const parent = selected.parentCode ? index.byCode.get(selected.parentCode) : undefined;
  const members = selected.memberCodes.map((c) => index.byCode.get(c)).filter((r) => !!r);
  const orgTotal = o ? Object.values(o.byKind).reduce((a, b) => a + b, 0) : 0;

  return (
    <>
      <PageHeader title={t('dashboard.overview', { region: nameOf(selected) })} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="region-info">
          <Descriptions.Item label={t('dashboard.code')}>{selected.code}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.level')}><Tag color="blue">{levelLabel(t, selected.level)}</Tag></Descriptions.Item>
          {parent ? <Descriptions.Item label={t('dashboard.parent')}>{nameOf(parent)}</Descriptions.Item> : null}
          {members.length ? <Descriptions.Item label={t('dashboard.members')}>{members.map((m) => nameOf(m)).join(lang === 'zh' ? '、' : ', ')}</Descriptions.Item> : null}
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.scopeNote')}</Typography.Text>
      </Card>
      {orgs.error ? <Alert type="error" showIcon title={errorText(orgs.error, lang)} style={{ marginBottom: 12 }} /> : null}
      {!o ? <div className="st-center"><Spin /></div> : (
        <>
          <StatCards o={o} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} xl={14}>
              <Card title={t('dashboard.byRegionTitle')} extra={<Typography.Text type="secondary">{t('dashboard.byRegionSubtitle')}</Typography.Text>}>
                {orgTotal ? <AreaChart o={o} /> : <Empty description={t('dashboard.noOrganisations')} />}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('dashboard.byIndustryTitle')} extra={<Typography.Text type="secondary">{t('dashboard.byIndustrySubtitle')}</Typography.Text>}>
                {o.byKind.enterprise ? <IndustryChart o={o} /> : <Empty description={t('dashboard.noEnterprises')} />}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
