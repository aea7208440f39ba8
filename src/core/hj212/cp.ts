/**
 * The CP data area (HJ 212-2017 §6.3.3; digest A.8): a flat ordered list of `Key=Value` items. Writers mix
 * `;` (between groups) and `,` (within a group) freely, so both separate items; grouping is by factor code.
 * `//…//` values (log text, UTF-8) are read whole, so they may contain `;`, `,` and `=`.
 * Tolerant: every oddity becomes a warning; nothing here fails.
 */
import { canonicalCpKey, canonicalSuffix, isNumericSuffix, TIME_KEYS, type NumericSuffix } from './fields.ts';
import { hjIssue, type Hj212Issue } from './issues.ts';
import { isHj212Time } from './time.ts';

export type CpItem = [key: string, value: string];

/** One factor's readings, grouped from `CODE-Suffix` items (code = everything before the LAST `-`). */
export interface FactorReading {
  code: string;
  /** the numeric suffixes that parsed (Rtd, Avg, Cou, ZsRtd, …) */
  values: Partial<Record<NumericSuffix, number>>;
  /** data flag (Table 8: N, F, M, S, D, C, T, B; an open set) */
  flag?: string;
  eflag?: string;
  /** YYYYMMDDhhmmss, when valid */
  sampleTime?: string;
  /** `-Info` text without its `//` delimiters */
  info?: string;
  sn?: string;
  /** every suffix as received (standard spelling where recognised), values untouched */
  raw: Record<string, string>;
}

export interface CpContent {
  items: CpItem[];
  /** non-factor keys (standard spelling where recognised), values untouched */
  params: Record<string, string>;
  /** DataTime as 14 digits, when valid (17-digit times are truncated with a warning) */
  dataTime?: string;
  factors: FactorReading[];
}

/** Assigns an own property, also for the wire key `__proto__` (a plain assignment would set the prototype). */
export function setOwn(obj: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const SEMI = 0x3b;
const COMMA = 0x2c;
const EQ = 0x3d;

/** Index of the next `;` or `,` from `from` (or the end). Character codes: this runs for every character. */
function nextSeparator(cp: string, from: number): number {
  let m = from;
  while (m < cp.length) {
    const c = cp.charCodeAt(m);
    if (c === SEMI || c === COMMA) break;
    m++;
  }
  return m;
}

/** Splits the CP text into items: on `;`, then `,`, then the first `=`; keys trimmed; empty items skipped. */
export function tokenizeCp(cp: string, warnings: Hj212Issue[]): CpItem[] {
  const items: CpItem[] = [];
  const n = cp.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n) {
      const c = cp.charCodeAt(j);
      if (c === EQ || c === SEMI || c === COMMA) break;
      j++;
    }
    if (j >= n || cp.charCodeAt(j) !== EQ) {
      const text = cp.slice(i, j).trim();
      if (text) warnings.push(hjIssue('item_without_equals', text));
      i = j + 1;
      continue;
    }
    const key = cp.slice(i, j).trim();
    const v = j + 1;
    let value: string;
    if (cp.startsWith('//', v)) {
      const close = cp.indexOf('//', v + 2);
      if (close < 0) {
        warnings.push(hjIssue('unterminated_info', undefined, key));
        value = cp.slice(v);
        i = n;
      } else {
        const m = nextSeparator(cp, close + 2);
        value = cp.slice(v, m);
        i = m + 1;
      }
    } else {
      const m = nextSeparator(cp, v);
      value = cp.slice(v, m);
      i = m + 1;
    }
    if (!key) {
      warnings.push(hjIssue('empty_key', value));
      continue;
    }
    items.push([key, value]);
  }
  return items;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number (sign, point and exponent allowed); undefined for anything else, never NaN. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** A 14-digit time, or a 17-digit one truncated with a warning; undefined (and a warning) otherwise. */
export function normaliseTime(value: string, field: string, warnings: Hj212Issue[]): string | undefined {
  const v = value.trim();
  if (isHj212Time(v)) return v;
  if (/^\d{17}$/.test(v) && isHj212Time(v.slice(0, 14))) {
    warnings.push(hjIssue('time_ms', v, field));
    return v.slice(0, 14);
  }
  warnings.push(hjIssue('bad_time', v, field));
  return undefined;
}

/** Groups items into factors and non-factor params, parsing numbers and times. */
export function interpretItems(items: CpItem[], warnings: Hj212Issue[]): CpContent {
  const params: Record<string, string> = {};
  const byCode = new Map<string, FactorReading>();
  let dataTime: string | undefined;
  for (const [key, value] of items) {
    const dash = key.lastIndexOf('-');
    const code = key.slice(0, dash).trim();
    const suffix = key.slice(dash + 1).trim();
    if (dash < 0 || !code || !suffix) {
      if (dash >= 0) warnings.push(hjIssue('bad_factor_key', key, key));
      const name = canonicalCpKey(key);
      if (!name && dash < 0) warnings.push(hjIssue('unknown_cp_key', key, key));
      if (name && name !== key) warnings.push(hjIssue('key_case', `${key} → ${name}`, key));
      const k = name ?? key;
      if (Object.hasOwn(params, k)) warnings.push(hjIssue('duplicate_key', k, k));
      setOwn(params, k, value);
      if (k === 'DataTime') dataTime = normaliseTime(value, k, warnings);
      else if (TIME_KEYS.has(k)) normaliseTime(value, k, warnings);
      continue;
    }
    let reading = byCode.get(code);
    if (!reading) {
      reading = { code, values: {}, raw: {} };
      byCode.set(code, reading);
    }
    addFactorItem(reading, key, suffix, value, warnings);
  }
  const out: CpContent = { items, params, factors: [...byCode.values()] };
  if (dataTime !== undefined) out.dataTime = dataTime;
  return out;
}

function addFactorItem(r: FactorReading, key: string, suffix: string, value: string, warnings: Hj212Issue[]): void {
  const canon = canonicalSuffix(suffix);
  if (!canon) warnings.push(hjIssue('unknown_suffix', key, key));
  else if (canon !== suffix) warnings.push(hjIssue('key_case', `${key} → ${r.code}-${canon}`, key));
  const name = canon ?? suffix;
  if (Object.hasOwn(r.raw, name)) warnings.push(hjIssue('duplicate_key', key, key));
  setOwn(r.raw, name, value);
  const v = value.trim();
  if (canon && isNumericSuffix(canon)) {
    const n = parseNumber(v);
    if (n !== undefined) r.values[canon] = n;
    else {
      delete r.values[canon];
      warnings.push(v === '' ? hjIssue('empty_value', undefined, key) : hjIssue('bad_number', v, key));
    }
    return;
  }
  switch (canon) {
    case 'Flag':
      if (v === '') warnings.push(hjIssue('empty_value', undefined, key));
      r.flag = v;
      break;
    case 'EFlag':
      r.eflag = v;
      break;
    case 'SampleTime': {
      const t = normaliseTime(v, key, warnings);
      if (t === undefined) delete r.sampleTime;
      else r.sampleTime = t;
      break;
    }
    case 'Info':
      r.info = v.length >= 4 && v.startsWith('//') && v.endsWith('//') ? v.slice(2, -2) : v;
      break;
    case 'SN':
      r.sn = v;
      break;
  }
}
