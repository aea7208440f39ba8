import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { BottomUpOut, EnterpriseReportOut } from '../../../../../src/contracts/accounting.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi } from '../api.ts';
import { exact, num, show } from '../format.ts';

type Row = BottomUpOut['rows'][number];

/**
 * 自下而上: the region's submitted enterprise reports of a year summed, against the same items of the
 * regional inventory of that year (industrial combustion, each process category, industrial energy).
 * Reports stored with another factor set are recomputed by the server with the inventory's set.
 */
export function BottomUpCard({ region, reports }: { region: string; reports: EnterpriseReportOut[] }) {
  const { t, lang } = useI18n();
  const years = useMemo(() => [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a), [reports]);
  const [year, setYear] = useState<number | undefined>(undefined);
  useEffect(() => { if (year === undefined || !years.includes(year)) setYear(years[0]); }, [years, year]);
  const data = useLoad(() => (year === undefined ? Promise.resolve(undefined) : accountingApi.bottomUp(region, year)), [region, year]);
  const d = data.data;
  const fig = (v: number | null, unit: string) => (v === null ? '—' : <Tooltip title={exact(v, unit, lang)}><span className="st-num">{show(v, unit, lang)}</span></Tooltip>);

  return (
    <Card className="st-acc-card" data-testid="bottom-up" title={t('accounting.bottomUp.title')}
      extra={years.length ? (
        <Space>
          <span>{t('accounting.bottomUp.year')}</span>
          <Select style={{ width: 110 }} value={year} onChange={(v: number) => setYear(v)} options={years.map((y) => ({ value: y, label: t('accounting.inventory.yearValue', { year: y }) }))} data-testid="bottom-up-year" />
        </Space>
      ) : null}>
      {!years.length ? <Empty description={t('accounting.bottomUp.noReports')} /> : null}
      {data.error ? <Alert type="error" showIcon title={errorText(data.error, lang)} /> : null}
      {d ? (
        <>
          <Typography.Paragraph type="secondary" className="st-acc-note">
            {d.inventoryId === null
              ? t('accounting.bottomUp.noInventory', { region: d.regionName, year: d.year })
              : t('accounting.bottomUp.against', { region: d.regionName, year: d.year, id: d.inventoryId, set: `${d.factorSet.name} v${d.factorSet.version}` })}
          </Typography.Paragraph>
          <Table<Row> rowKey="item" size="small" bordered pagination={false} dataSource={d.rows} data-testid="bottom-up-table"
            locale={{ emptyText: t('accounting.bottomUp.noRows') }}
            columns={[
              { title: t('accounting.bottomUp.item'), key: 'item', render: (_v, r) => r[lang] },
              { title: t('accounting.bottomUp.enterprises'), key: 'bu', align: 'right', render: (_v, r) => fig(r.bottomUp, r.unit) },
              { title: t('accounting.bottomUp.inventory'), key: 'inv', align: 'right', render: (_v, r) => fig(r.inventory, r.unit) },
              { title: t('accounting.bottomUp.share'), key: 'share', width: 120, align: 'right',
                render: (_v, r) => (r.share === null ? <Tooltip title={t('accounting.bottomUp.noShare')}>—</Tooltip> : `${num(r.share * 100, lang)}%`) },
            ]} />
          <div className="st-acc-note">
            <span>{t('accounting.bottomUp.included', { count: d.enterprises.length })}</span>
            {d.enterprises.map((e) => (
              <Tag key={e.reportId} color={e.status === 'submitted' ? 'green' : 'default'}>
                {e.name}{e.recomputed ? ` · ${t('accounting.bottomUp.recomputed')}` : ''}
              </Tag>
            ))}
          </div>
          {d.excluded.length ? (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('accounting.bottomUp.excluded', { count: d.excluded.length })}
              description={<ul className="st-acc-flags">{d.excluded.map((x) => <li key={x.reportId}>{x.name}：{x[lang]}</li>)}</ul>} />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
