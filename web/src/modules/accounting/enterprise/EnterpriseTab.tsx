import { Alert, Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { EnterpriseReportOut } from '../../../../../src/contracts/accounting.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { usePermission } from '../../../app/permissions.ts';
import { useRegion } from '../../../app/region.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi } from '../api.ts';
import { exact, show } from '../format.ts';
import { usePageParams } from '../params.ts';
import { BottomUpCard } from './BottomUpCard.tsx';
import { EnterpriseDetail } from './EnterpriseDetail.tsx';

/**
 * 企业核算: the annual GHG reports the user may read — an enterprise only its own (the API decides), an
 * office, district or verifier those of the region chosen in the header — and, for the latter, the
 * bottom-up total of the reports against the regional inventory.
 */
export default function EnterpriseTab() {
  const { t, lang, dateTime, nameOf } = useI18n();
  const { selected } = useRegion();
  const permitted = usePermission();
  const { num, set } = usePageParams();
  // Readers by region list the chosen region's reports; an enterprise's reports are its own wherever it is.
  const byRegion = !!selected && permitted('enterprise_report.read', { regionId: selected.id, confidential: true });
  const list = useLoad(() => accountingApi.reports(byRegion ? selected?.code : undefined), [byRegion, selected?.code]);
  const id = num('report');
  if (id !== undefined) return <EnterpriseDetail id={id} onBack={() => set({ report: undefined }, true)} />;

  const fig = (f: { value: number; unit: string }) => <Tooltip title={exact(f.value, f.unit, lang)}><span className="st-num">{show(f.value, f.unit, lang)}</span></Tooltip>;
  return (
    <>
      <Card className="st-acc-card" data-testid="report-list">
        <div className="st-table-toolbar">
          <span className="st-table-title">{byRegion && selected ? t('accounting.enterprise.listTitleRegion', { region: nameOf(selected) }) : t('accounting.enterprise.listTitleOwn')}</span>
        </div>
        {list.error ? <Alert type="error" showIcon title={errorText(list.error, lang)} style={{ marginBottom: 12 }} /> : null}
        <Table<EnterpriseReportOut>
          rowKey="id" size="middle" bordered loading={list.loading} dataSource={list.data ?? []} pagination={false} scroll={{ x: 1400 }} data-testid="report-table"
          locale={{ emptyText: <Empty description={t('accounting.enterprise.empty')} /> }}
          columns={[
            { title: t('accounting.enterprise.name'), dataIndex: 'organisationName', width: 210,
              render: (v: string, r) => <Typography.Link onClick={() => set({ report: r.id }, true)} data-testid="report-open">{v}</Typography.Link> },
            { title: t('accounting.enterprise.creditCode'), dataIndex: 'creditCode', width: 190 },
            { title: t('accounting.enterprise.year'), dataIndex: 'year', width: 70, align: 'center' },
            { title: t('accounting.enterprise.status'), dataIndex: 'status', width: 90, align: 'center',
              render: (v: EnterpriseReportOut['status']) => <Tag color={v === 'submitted' ? 'green' : 'default'}>{t(`accounting.enterprise.statuses.${v}`)}</Tag> },
            { title: t('accounting.enterprise.total'), key: 'total', width: 140, align: 'right', render: (_v, r) => fig(r.summary.total) },
            { title: t('accounting.enterprise.direct'), key: 'direct', width: 140, align: 'right', render: (_v, r) => fig(r.summary.direct) },
            { title: t('accounting.enterprise.indirect'), key: 'indirect', width: 130, align: 'right', render: (_v, r) => fig(r.summary.indirect) },
            { title: t('accounting.enterprise.energy'), key: 'energy', width: 140, align: 'right', render: (_v, r) => fig(r.summary.energy) },
            { title: t('accounting.enterprise.measuredShare'), key: 'm', width: 110, align: 'right', render: (_v, r) => fig(r.summary.measuredShare) },
            { title: t('accounting.enterprise.flags'), key: 'q', width: 100, align: 'center',
              render: (_v, r) => (r.summary.qualityFlags ? <Tag color="warning">{r.summary.qualityFlags}</Tag> : <Tag color="success">0</Tag>) },
            { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => dateTime(v) },
          ]}
        />
      </Card>
      {byRegion && selected ? <BottomUpCard region={selected.code} reports={list.data ?? []} /> : null}
    </>
  );
}
