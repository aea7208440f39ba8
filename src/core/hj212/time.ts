/**
 * HJ 212 times: `YYYYMMDDhhmmss` (N14) and the 17-digit QN `YYYYMMDDhhmmsszzz`. The protocol carries no time
 * zone; devices use local time, China Standard Time (UTC+8) by default (digest A.8). Callers pass instants in;
 * nothing here reads a clock.
 */

export const CST_OFFSET_MINUTES = 480;

const TIME14 = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** True when `s` is 14 digits naming a real calendar second from 1900 on (leap years; no leap seconds). */
export function isHj212Time(s: string): boolean {
  const f = timeFields(s);
  if (!f) return false;
  const [y, mo, d, h, mi, se] = f;
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return false;
  return d <= daysInMonth(y, mo);
}

/** The six numbers of a 14-digit time (not yet checked as a calendar time), or undefined. */
function timeFields(s: string): [number, number, number, number, number, number] | undefined {
  const m = TIME14.exec(s);
  return m ? [+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]] : undefined;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Wall-clock fields of `date` in the zone `utcOffsetMinutes` east of UTC. */
function fields(date: Date, utcOffsetMinutes: number): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  const t = new Date(ms + utcOffsetMinutes * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    p(t.getUTCFullYear(), 4) + p(t.getUTCMonth() + 1) + p(t.getUTCDate()) +
    p(t.getUTCHours()) + p(t.getUTCMinutes()) + p(t.getUTCSeconds()) + p(t.getUTCMilliseconds(), 3)
  );
}

/** `YYYYMMDDhhmmss` of an instant, in CST unless told otherwise. */
export function formatHj212Time(date: Date, utcOffsetMinutes = CST_OFFSET_MINUTES): string {
  return fields(date, utcOffsetMinutes).slice(0, 14);
}

/** A 17-digit QN (`YYYYMMDDhhmmsszzz`) for an instant. Uniqueness per device is the caller's business. */
export function formatQn(date: Date, utcOffsetMinutes = CST_OFFSET_MINUTES): string {
  return fields(date, utcOffsetMinutes);
}

/** The instant a 14-digit device time names, or undefined when it is not a valid time. */
export function parseHj212Time(s: string, utcOffsetMinutes = CST_OFFSET_MINUTES): Date | undefined {
  if (!isHj212Time(s)) return undefined;
  const [y, mo, d, h, mi, se] = timeFields(s)!;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, se) - utcOffsetMinutes * 60_000);
}
