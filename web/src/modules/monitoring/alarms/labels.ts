import type { TFunction } from 'i18next';
import { ALARM_STATUSES, AlarmRule, AlarmSeverity, type AlarmStatus } from '../../../../../src/contracts/alarms.ts';

/** Labels and colours of alarm rules, severities and statuses (the lists come from the contract). */
export const ALARM_RULES = AlarmRule.options;
export type Rule = (typeof ALARM_RULES)[number];
export { ALARM_STATUSES };
type Severity = (typeof AlarmSeverity.options)[number];

export const ruleLabel = (t: TFunction, rule: string) =>
  (ALARM_RULES as readonly string[]).includes(rule) ? t(`monitoring.alarms.rules.${rule as Rule}`) : rule;

export const SEVERITY_COLORS: Record<Severity, string> = { info: 'blue', warning: 'orange', critical: 'red' };
export const severityLabel = (t: TFunction, s: Severity) => t(`monitoring.alarms.severities.${s}`);

export const STATUS_COLORS: Record<AlarmStatus, string> = { open: 'error', acknowledged: 'warning', closed: 'default' };

/** The API's own units of counts and durations ('uploads', 's') in words; a factor's unit as it is. */
export const alarmUnit = (t: TFunction, unit: string) => (unit === 'uploads' ? t('monitoring.alarms.uploads') : unit === 's' ? t('monitoring.alarms.seconds') : unit);
