import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/lang.tsx';
import { useMonitoringScope } from '../scope.ts';
import { alarmsApi, type AlarmSummary } from './api.ts';

/** Open alarms of the region (and enterprise) in view, for the summary card; reloaded with the live list (`tick`). */
export function useOpenAlarms(tick: number | null, organisationId?: number): { count: number | null; note: string } {
  const { t } = useI18n();
  const regionCode = useMonitoringScope().region?.code;
  const [summary, setSummary] = useState<AlarmSummary | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    alarmsApi.summary({ regionCode, organisationId }).then((s) => { if (alive) { setSummary(s); setFailed(false); } }, () => { if (alive) setFailed(true); });
    return () => { alive = false; };
  }, [tick, regionCode, organisationId]);
  if (!summary) return { count: null, note: failed ? t('monitoring.alarms.unavailable') : '' };
  return { count: summary.totals.open, note: t('monitoring.alarms.acknowledgedCount', { n: summary.totals.acknowledged }) };
}
