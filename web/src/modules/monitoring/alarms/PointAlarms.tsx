import { Alert, Card } from 'antd';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { ALARM_LIST_LIMIT, alarmsApi } from './api.ts';
import { AlarmTable } from './AlarmTable.tsx';

/** The alarms of one point, newest first, with 确认/关闭. */
export function PointAlarms({ mn }: { mn: string }) {
  const { t, lang } = useI18n();
  const alarms = useLoad(() => alarmsApi.list({ mn, limit: ALARM_LIST_LIMIT }), [mn]);
  return (
    <Card className="st-mon-card" title={t('monitoring.alarms.pointTitle')} data-testid="point-alarms">
      {alarms.error ? <Alert type="error" showIcon title={errorText(alarms.error, lang)} style={{ marginBottom: 12 }} /> : null}
      <AlarmTable alarms={alarms.data?.items ?? []} loading={alarms.loading} point pageSize={5} onChanged={() => void alarms.reload()} />
    </Card>
  );
}
