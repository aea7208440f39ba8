/**
 * Platform → device commands (HJ 212-2017 Table 9 and the Appendix C examples; digest A.9, A.10.2–A.10.3).
 * Every command is a request with a fresh QN (the caller's: no clock here) and Flag = (version << 2) | 1,
 * so the device answers 9011, then data if any, then 9012. 2012/2022 are notifies (answered with 9013).
 * CP layouts follow the standard's examples, including their separators (`,` in C.23 and C.41).
 * Builders return the data segment; `encodeFrame` frames it.
 */
import type { CpItem } from './cp.ts';
import { encodeFlag, type ProtocolVersion } from './flag.ts';
import { encodeError } from './issues.ts';
import type { Packet } from './packet.ts';
import { notifyAck } from './reply.ts';
import { buildSegment, cpText } from './segment.ts';
import { isHj212Time } from './time.ts';

/** Where a command goes: the device's system code, password and MN, and its protocol version. */
export interface DeviceTarget {
  st: string;
  pw: string;
  mn: string;
  /** default '2017' */
  version?: ProtocolVersion;
}

/** The target of a device that sent `packet` (an upload or notify, whose ST is the device's system code). */
export function targetOf(packet: Packet): DeviceTarget {
  return { st: packet.st ?? '', pw: packet.pw ?? '', mn: packet.mn ?? '', version: packet.version };
}

/** Any host command; `groups` are CP groups (items in a group joined by `,`, groups by `;`). */
export function hostCommand(target: DeviceTarget, cn: string, qn: string, groups: readonly (readonly CpItem[])[] = []): string {
  if (!/^\d{17}$/.test(qn)) throw encodeError('QN', `须为17位数字：${qn}`, `must be 17 digits: ${qn}`);
  const flag = encodeFlag({ version: target.version ?? '2017', needsAck: true });
  return buildSegment({ qn, st: target.st, cn, pw: target.pw, mn: target.mn, flag }, cpText(groups));
}

const one = (key: string, value: string): CpItem[] => [[key, value]];
const polGroup = (polId?: string): CpItem[][] => (polId ? [one('PolId', polId)] : []);

function intIn(field: string, v: number, ok: (n: number) => boolean, rule: string): string {
  if (!Number.isInteger(v) || !ok(v)) throw encodeError(field, `${v} 不符合 ${rule}`, `${v} violates ${rule}`);
  return String(v);
}

function time14(field: string, v: string): string {
  if (!isHj212Time(v)) throw encodeError(field, `不是有效时间 YYYYMMDDhhmmss：${v}`, `not a valid YYYYMMDDhhmmss: ${v}`);
  return v;
}

/** 1000: timeout (s) and retry count, each 1–99 (C.1: `OverTime=5;ReCount=3`). */
export function setTimeoutRetry(t: DeviceTarget, qn: string, overTime: number, reCount: number): string {
  const r = (n: number) => n >= 1 && n <= 99;
  return hostCommand(t, '1000', qn, [one('OverTime', intIn('OverTime', overTime, r, '1–99')), one('ReCount', intIn('ReCount', reCount, r, '1–99'))]);
}

/** 1011: read the field unit's clock (optionally of one instrument). */
export function getSystemTime(t: DeviceTarget, qn: string, polId?: string): string {
  return hostCommand(t, '1011', qn, polGroup(polId));
}

/** 1012: time calibration, `PolId=…;SystemTime=YYYYMMDDhhmmss` (C.3). `systemTime` is the platform's now, CST. */
export function setSystemTime(t: DeviceTarget, qn: string, systemTime: string, polId?: string): string {
  return hostCommand(t, '1012', qn, [...polGroup(polId), one('SystemTime', time14('SystemTime', systemTime))]);
}

/**
 * The answer to a device's 1013 time-calibration notify (A.10.2): a 9013 echoing its QN, then a 1012 with a
 * fresh QN, the platform's time and the PolId the device named.
 */
export function answerTimeCalibration(notify: Packet, qn: string, systemTime: string): [string, string] {
  return [notifyAck(notify), setSystemTime(targetOf(notify), qn, systemTime, notify.params.PolId)];
}

export const getRtdInterval = (t: DeviceTarget, qn: string): string => hostCommand(t, '1061', qn);

/** 1062: real-time upload interval in seconds, 30–3600. */
export function setRtdInterval(t: DeviceTarget, qn: string, seconds: number): string {
  return hostCommand(t, '1062', qn, [one('RtdInterval', intIn('RtdInterval', seconds, (n) => n >= 30 && n <= 3600, '30–3600'))]);
}

export const getMinInterval = (t: DeviceTarget, qn: string): string => hostCommand(t, '1063', qn);

export const MIN_INTERVALS: readonly number[] = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];

/** 1064: minute-data interval in minutes, one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30. */
export function setMinInterval(t: DeviceTarget, qn: string, minutes: number): string {
  return hostCommand(t, '1064', qn, [one('MinInterval', intIn('MinInterval', minutes, (n) => MIN_INTERVALS.includes(n), MIN_INTERVALS.join('/')))]);
}

/** 1072: new access password. */
export function setPassword(t: DeviceTarget, qn: string, newPw: string): string {
  return hostCommand(t, '1072', qn, [one('NewPW', newPw)]);
}

export const startRealtime = (t: DeviceTarget, qn: string): string => hostCommand(t, '2011', qn);
export const stopRealtime = (t: DeviceTarget, qn: string): string => hostCommand(t, '2012', qn);
export const startRunState = (t: DeviceTarget, qn: string): string => hostCommand(t, '2021', qn);
export const stopRunState = (t: DeviceTarget, qn: string): string => hostCommand(t, '2022', qn);

/** 2031 day / 2041 run time / 2051 minute / 2061 hour history, BeginTime–EndTime inclusive (C.20–C.23). */
export function getHistory(t: DeviceTarget, qn: string, cn: '2031' | '2041' | '2051' | '2061', begin: string, end: string): string {
  const items: CpItem[] = [['BeginTime', time14('BeginTime', begin)], ['EndTime', time14('EndTime', end)]];
  // C.23 (2041) prints `BeginTime=…,EndTime=…`; C.20–C.22 use `;`.
  return hostCommand(t, cn, qn, cn === '2041' ? [items] : items.map((i) => [i]));
}

/** 3011 zero/span calibration, 3012 immediate sampling, 3013 cleaning/blow-back, 3014 comparison sampling,
 * 3017 get sampling period, 3018 get sample output time, 3019 get instrument id: `PolId=…`. */
export function instrumentCommand(t: DeviceTarget, qn: string, cn: '3011' | '3012' | '3013' | '3014' | '3017' | '3018' | '3019', polId: string): string {
  return hostCommand(t, cn, qn, [one('PolId', polId)]);
}

/** 3015: over-limit sample retention. */
export const retainSample = (t: DeviceTarget, qn: string): string => hostCommand(t, '3015', qn);

/** 3016: sampling period: start `hhmmss` and period in hours 1–24 (the example writes `CTime`). */
export function setSamplingPeriod(t: DeviceTarget, qn: string, polId: string, cstartTime: string, hours: number): string {
  if (!/^([01]\d|2[0-3])[0-5]\d[0-5]\d$/.test(cstartTime)) throw encodeError('CstartTime', `须为 hhmmss：${cstartTime}`, `must be hhmmss: ${cstartTime}`);
  return hostCommand(t, '3016', qn, [one('PolId', polId), one('CstartTime', cstartTime), one('CTime', intIn('CTime', hours, (n) => n >= 1 && n <= 24, '1–24'))]);
}

/** 3020: field-unit information (logs `i11xxx`, states `i12xxx`, parameters `i13xxx`), as in C.41. */
export function getFieldInfo(t: DeviceTarget, qn: string, polId: string, infoId: string, range?: { begin: string; end: string }): string {
  const groups: CpItem[][] = [one('PolId', polId), one('InfoId', infoId)];
  if (range) groups.push([['BeginTime', time14('BeginTime', range.begin)], ['EndTime', time14('EndTime', range.end)]]);
  return hostCommand(t, '3020', qn, groups);
}

export interface InitialisationSettings {
  /** six fresh QNs, one per command */
  qns: readonly [string, string, string, string, string, string];
  systemTime: string;
  overTime: number;
  reCount: number;
  rtdInterval: number;
  minInterval: number;
}

/**
 * §6.7: what the platform sends after a device first connects: 1012 time, 1000 timeout/retries, 1062
 * real-time interval, 1064 minute interval, 2011 start real-time data, 2021 start run-state data.
 */
export function initialisationCommands(t: DeviceTarget, s: InitialisationSettings): string[] {
  const [q1, q2, q3, q4, q5, q6] = s.qns;
  return [
    setSystemTime(t, q1, s.systemTime),
    setTimeoutRetry(t, q2, s.overTime, s.reCount),
    setRtdInterval(t, q3, s.rtdInterval),
    setMinInterval(t, q4, s.minInterval),
    startRealtime(t, q5),
    startRunState(t, q6),
  ];
}
