import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Flex, Radio, Select, Space } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useI18n } from '../../../app/lang.tsx';
import { addDays, cstDay, cstStart } from '../time.ts';
import { useMonitoringScope } from '../scope.ts';
import { useLive } from '../useLive.ts';
import { alarmsApi, type AlarmStatus } from './api.ts';
import { AlarmTable } from './AlarmTable.tsx';
import { ALARM_RULES, ALARM_STATUSES, ruleLabel, type Rule } from './labels.ts';

interface Filters { status?: AlarmStatus; rule?: Rule; organisationId?: number; range?: [string, string] }

/**
 * 报警: the data-quality alarms of the enterprises in view, by status (with counts), rule, enterprise and
 * date, paged by the API; 确认/关闭 with a note; 立即评估 runs the quality rules now for those who manage points.
 */
export default function AlarmsTab() {
  const { t, lang } = useI18n();
  const { may } = useAuth();
  const { message } = AntApp.useApp();
  const regionCode = useMonitoringScope().region?.code;
  const [f, setF] = useState<Filters>({ status: 'open' });
  const [evaluating, setEvaluating] = useState(false);
  const from = f.range ? cstStart(f.range[0]) : undefined;
  const to = f.range ? cstStart(addDays(f.range[1], 1)) : undefined;
  // Back to the first page whenever the filters or the header's region change.
  const query = JSON.stringify([f, regionCode]);
  const [paging, setPaging] = useState({ query, current: 1, pageSize: 10 });
  const current = paging.query === query ? paging.current : 1;
  const list = useLive(() => alarmsApi.list({
    status: f.status, rule: f.rule, organisationId: f.organisationId, regionCode, from, to, limit: paging.pageSize, offset: (current - 1) * paging.pageSize,
  }), [f.status, f.rule, f.organisationId, regionCode, from, to, current, paging.pageSize]);
  const summary = useLive(() => alarmsApi.summary({ organisationId: f.organisationId, regionCode, from, to }), [f.organisationId, regionCode, from, to]);
  const counts = summary.data?.totals ?? null;
  const enterprises = summary.data?.organisations ?? [];
  const today = cstDay(Date.now());

  const reload = () => { void list.refresh(); void summary.refresh(); };
  const evaluate = async () => {
    setEvaluating(true);
    try {
      const r = await alarmsApi.evaluate({});
      message.success(t('monitoring.alarms.evaluated', { points: r.points, created: r.created, updated: r.updated }));
      reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setEvaluating(false);
    }
  };

  const label = (s: AlarmStatus | 'all') => {
    const n = counts ? (s === 'all' ? counts.open + counts.acknowledged + counts.closed : counts[s]) : null;
    return `${s === 'all' ? t('common.all') : t(`monitoring.alarms.statuses.${s}`)}${n === null ? '' : ` (${n})`}`;
  };

  return (
    <>
      <Card className="st-search-card" size="small">
        <Flex wrap gap={16} align="center" data-testid="alarm-filters">
          <Radio.Group optionType="button" value={f.status ?? 'all'} data-testid="alarm-status-filter"
            onChange={(e) => setF({ ...f, status: e.target.value === 'all' ? undefined : e.target.value as AlarmStatus })}
            options={(['all', ...ALARM_STATUSES] as const).map((s) => ({ value: s, label: label(s) }))} />
          <Space>
            <span>{t('monitoring.alarms.rule')}</span>
            <Select allowClear style={{ width: 170 }} placeholder={t('common.all')} value={f.rule} onChange={(rule) => setF({ ...f, rule })}
              options={ALARM_RULES.map((r) => ({ value: r, label: ruleLabel(t, r) }))} data-testid="alarm-rule-filter" />
          </Space>
          <Space>
            <span>{t('monitoring.points.enterprise')}</span>
            <Select allowClear style={{ width: 240 }} placeholder={t('common.all')} value={f.organisationId} showSearch={{ optionFilterProp: 'label' }}
              onChange={(organisationId) => setF({ ...f, organisationId })} options={enterprises.map((o) => ({ value: o.organisationId, label: o.enterpriseName }))} />
          </Space>
          <Space>
            <span>{t('monitoring.alarms.dates')}</span>
            <DatePicker.RangePicker value={f.range ? [dayjs(f.range[0]), dayjs(f.range[1])] as [Dayjs, Dayjs] : null} disabledDate={(d) => d.format('YYYY-MM-DD') > today}
              onChange={(v) => setF({ ...f, range: v?.[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : undefined })} />
          </Space>
          {may('monitoring.write') ? (
            <Button icon={<ThunderboltOutlined />} loading={evaluating} onClick={() => void evaluate()} data-testid="alarm-evaluate" style={{ marginLeft: 'auto' }}>
              {t('monitoring.alarms.evaluate')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      <Card data-testid="alarms-card">
        <div className="st-table-toolbar"><span className="st-table-title">{t('monitoring.alarms.listTitle')}</span></div>
        {list.error || summary.error ? <Alert type="error" showIcon title={errorText(list.error ?? summary.error, lang)} style={{ marginBottom: 12 }} /> : null}
        <AlarmTable alarms={list.data?.items ?? []} loading={list.loading && !list.data} onChanged={reload}
          paging={{ current, pageSize: paging.pageSize, total: list.data?.total ?? 0, onChange: (c, pageSize) => setPaging({ query, current: c, pageSize }) }} />
      </Card>
    </>
  );
}
