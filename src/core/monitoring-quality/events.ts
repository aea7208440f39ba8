import type { Finding } from './types.ts';
import { CLOCK_AHEAD_TOLERANCE_S, parseClockDrift } from './clock.ts';
import { cstDay, cstText, num } from './time.ts';

/** Ingestion event codes (monitoring_events) that become alarms; the other codes stay in the event log. */
export const ALARM_EVENT_CODES = ['clock_drift', 'time_out_of_range', 'wrong_pw', 'inactive_point'] as const;

/** One code's events of a point on one CST day: how many, the first and last, the latest detail. */
export interface EventGroup {
  code: string;
  count: number;
  first: number;
  last: number;
  detail: string | null;
}

/**
 * Events → a finding about the device (factor ''): clock drift (ahead, or a DataTime so far off that the
 * readings were not stored), and refused logins of the point's registered MN (wrong PW: a misconfigured
 * logger or someone else using the MN; an inactive point still sending).
 */
export function eventFinding(e: EventGroup): Finding | null {
  const base = { factor: '', from: e.first, to: e.last, period: cstDay(e.first), occurrences: e.count };
  const times = e.count > 1 ? `${cstText(e.first)} 至 ${cstText(e.last)} 共 ${e.count} 次` : cstText(e.first);
  const timesEn = e.count > 1 ? `${e.count} times from ${cstText(e.first)} to ${cstText(e.last)} CST` : `at ${cstText(e.first)} CST`;
  switch (e.code) {
    case 'clock_drift': {
      const ahead = parseClockDrift(e.detail);
      return {
        ...base, rule: 'clock_drift', kind: '', severity: 'warning', value: ahead, expected: CLOCK_AHEAD_TOLERANCE_S, deviation: null, unit: 's',
        zh: `设备时钟超前${ahead !== null ? ` ${num(ahead / 60)} 分钟` : ''}（DataTime 晚于服务器时间，允许 ${CLOCK_AHEAD_TOLERANCE_S / 60} 分钟）：${times}`,
        en: `device clock ahead${ahead !== null ? ` by ${num(ahead / 60)} min` : ''} (DataTime later than the server's clock; ${CLOCK_AHEAD_TOLERANCE_S / 60} min allowed): ${timesEn}`,
      };
    }
    case 'time_out_of_range':
      return {
        ...base, rule: 'clock_drift', kind: '', severity: 'critical', value: null, expected: null, deviation: null, unit: 's',
        zh: `设备 DataTime 超出可接受范围（早于 2000 年或超前一天以上），数据未保存：${times}`,
        en: `device DataTime out of the acceptable range (before 2000 or more than a day ahead); readings not stored: ${timesEn}`,
      };
    case 'wrong_pw':
    case 'inactive_point':
      return {
        ...base, rule: 'login_refused', kind: e.code, severity: e.code === 'wrong_pw' ? 'warning' : 'info', value: null, expected: null, deviation: null, unit: '',
        zh: `${e.code === 'wrong_pw' ? '以本点 MN 连接但密码不符' : '监测点已停用但设备仍在连接'}，已拒绝：${times}`,
        en: `${e.code === 'wrong_pw' ? 'connection with this point’s MN and a wrong PW' : 'the point is inactive but its device still connects'}; refused ${timesEn}`,
      };
    default:
      return null;
  }
}
