import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/lang.tsx';
import { useMonitoringScope } from '../scope.ts';
import { alarmsApi, type AlarmSummary } from './api.ts';

/** Status counts of the alarms of the enterprises in view (the summary's per-enterprise counts, summed). */
export function countsIn(summary: AlarmSummary, inScope: (regionCode: string) => boolean, organisationId?: number) {
  const c = { open: 0, acknowledged: 0, closed: 0 };
  for (const o of summary.organisations) {
    if (!inScope(o.regionCode) || (organisationId && o.organisationId !== organisationId)) continue;
    c.open += o.open; c.acknowledged += o.acknowledged; c.closed += o.closed;
  }
  return c;
}

/** Open alarms of the region (and enterprise) in view, for the summary card; reloaded with the live list (`tick`). */
export function useOpenAlarms(tick: number | null, organisationId?: number): { count: number | null; note: string } {
  const { t } = useI18n();
  const { inScope } = useMonitoringScope();
  const [summary, setSummary] = useState<AlarmSummary | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    alarmsApi.summary().then((s) => { if (alive) { setSummary(s); setFailed(false); } }, () => { if (alive) setFailed(true); });
    return () => { alive = false; };
  }, [tick]);
  if (!summary) return { count: null, note: failed ? t('monitoring.alarms.unavailable') : '' };
  const c = countsIn(summary, inScope, organisationId);
  return { count: c.open, note: t('monitoring.alarms.acknowledgedCount', { n: c.acknowledged }) };
}
