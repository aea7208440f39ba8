/**
 * Device-side data uploads from structured readings (for the device simulator and tests): 2011 real-time,
 * 2051 minute, 2061 hour, 2031 day, or any other upload CN. Deterministic: QN and DataTime are inputs.
 * Layout follows HJ 212-2017 C.16–C.18: `DataTime=…;` then one `;` group per factor, items joined by `,` in
 * the order SampleTime, values, Flag (e.g. `w00000-Cou=…,w00000-Min=…,w00000-Avg=…,w00000-Max=…,w00000-Flag=N`).
 */
import type { CpItem } from './cp.ts';
import type { NumericSuffix } from './fields.ts';
import { encodeFlag, type ProtocolVersion } from './flag.ts';
import { encodeError } from './issues.ts';
import { buildSegment, cpText } from './segment.ts';
import { byteLength } from './bytes.ts';
import { isHj212Time } from './time.ts';
import { MAX_SEGMENT_BYTES } from './frame-check.ts';

export interface ReadingInput {
  code: string;
  /** numbers are written in plain decimal (or with `decimals` fixed digits); strings are written as given
   * and must be decimal numbers (e.g. "63.0" to keep the standard's trailing zero) */
  values?: Partial<Record<NumericSuffix, number | string>>;
  decimals?: number;
  flag?: string;
  eflag?: string;
  sampleTime?: string;
  /** written as `//info//` */
  info?: string;
  sn?: string;
}

export interface UploadInput {
  cn: string;
  qn?: string;
  st: string;
  pw: string;
  mn: string;
  /** default '2017' */
  version?: ProtocolVersion;
  /** sets Flag bit A: the platform must answer 9014 (default true) */
  needsAck?: boolean;
  /** YYYYMMDDhhmmss; for 2051/2061/2031 the START of the period (digest A.8) */
  dataTime: string;
  readings: readonly ReadingInput[];
  /** extra non-factor items written after DataTime, e.g. [['RestartTime', '…']] for 2081 */
  params?: readonly CpItem[];
}

/** The standard's item order within a factor group (C.16: Cou, Min, Avg, Max, Flag; C.15: Rtd, ZsRtd). */
const VALUE_ORDER: readonly NumericSuffix[] = [
  'Rtd', 'ZsRtd', 'Cou', 'Min', 'Avg', 'Max', 'ZsMin', 'ZsAvg', 'ZsMax',
  'Data', 'DayData', 'NightData', 'RS', 'RT', 'Ala', 'UpValue', 'LowValue',
];

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Plain decimal text of a number: never exponent notation, never NaN/Infinity. */
export function formatNumber(field: string, v: number | string, decimals?: number): string {
  if (typeof v === 'string') {
    if (!DECIMAL.test(v)) throw encodeError(field, `不是十进制数：${v}`, `not a decimal number: ${v}`);
    return v;
  }
  if (!Number.isFinite(v) || Math.abs(v) >= 1e15) throw encodeError(field, `数值超出范围：${v}`, `number out of range: ${v}`);
  if (decimals !== undefined) return v.toFixed(decimals);
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(20).replace(/\.?0+$/, '') : s;
}

function group(r: ReadingInput): CpItem[] {
  if (!/^[^-\s;,=&]+$/.test(r.code)) throw encodeError('code', `因子编码不合法：${r.code}`, `invalid factor code: ${r.code}`);
  const items: CpItem[] = [];
  const key = (suffix: string) => `${r.code}-${suffix}`;
  if (r.sampleTime !== undefined) {
    if (!isHj212Time(r.sampleTime)) throw encodeError(key('SampleTime'), `时间无效：${r.sampleTime}`, `invalid time: ${r.sampleTime}`);
    items.push([key('SampleTime'), r.sampleTime]);
  }
  for (const s of VALUE_ORDER) {
    const v = r.values?.[s];
    if (v !== undefined) items.push([key(s), formatNumber(key(s), v, r.decimals)]);
  }
  if (r.info !== undefined) items.push([key('Info'), `//${r.info}//`]);
  if (r.sn !== undefined) items.push([key('SN'), r.sn]);
  if (r.flag !== undefined) items.push([key('Flag'), r.flag]);
  if (r.eflag !== undefined) items.push([key('EFlag'), r.eflag]);
  return items;
}

function head(u: UploadInput, sub?: { pnum: number; pno: number; qn: string }) {
  if (!isHj212Time(u.dataTime)) throw encodeError('DataTime', `时间无效：${u.dataTime}`, `invalid time: ${u.dataTime}`);
  const flag = encodeFlag({ version: u.version ?? '2017', needsAck: u.needsAck ?? true, hasSubpackets: sub !== undefined });
  return { qn: sub?.qn ?? u.qn, st: u.st, cn: u.cn, pw: u.pw, mn: u.mn, flag, pnum: sub?.pnum, pno: sub?.pno };
}

function leading(u: UploadInput): CpItem[][] {
  return [[['DataTime', u.dataTime]], ...(u.params ?? []).map((i) => [i])];
}

/** One upload data segment. */
export function encodeUpload(u: UploadInput): string {
  return buildSegment(head(u), cpText([...leading(u), ...u.readings.map(group)]));
}

/**
 * The same upload as sub-packets (C.49/C.50) when one segment would exceed `maxSegmentBytes`: whole factor
 * groups per sub-packet, DataTime repeated in each, Flag bit D set, PNUM/PNO, and each its own QN from
 * `qnFor(pno)`. Returns a single segment (no PNUM/PNO, QN `qnFor(1)`) when everything fits.
 */
export function encodeUploadParts(u: UploadInput, qnFor: (pno: number) => string, maxSegmentBytes = MAX_SEGMENT_BYTES): string[] {
  const whole = encodeUpload({ ...u, qn: qnFor(1) });
  if (byteLength(whole) <= maxSegmentBytes) return [whole];
  const groups = u.readings.map(group);
  // Room for the CP: size of an empty sub-packet with the widest PNUM/PNO (4 digits each) and QN.
  const empty = buildSegment(head(u, { pnum: 9999, pno: 9999, qn: qnFor(1) }), cpText(leading(u)));
  const room = maxSegmentBytes - byteLength(empty);
  const parts: CpItem[][][] = [];
  let current: CpItem[][] = [];
  let size = 0;
  for (const g of groups) {
    const n = byteLength(cpText([g])) + 1; // + the ';' before it
    if (n > room) throw encodeError(g[0]?.[0] ?? 'reading', '单个因子组超过分包上限', 'one factor group exceeds the sub-packet limit');
    if (size + n > room && current.length) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(g);
    size += n;
  }
  if (current.length) parts.push(current);
  return parts.map((gs, i) =>
    buildSegment(head(u, { pnum: parts.length, pno: i + 1, qn: qnFor(i + 1) }), cpText([...leading(u), ...gs])));
}
