/**
 * Calendar days of online monitoring are China Standard Time (UTC+8), whatever the browser's zone: the API's
 * day and month rollups and its completeness days are CST (src/server/monitoring/readings.ts).
 */
const CST_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The CST calendar day (YYYY-MM-DD) of an instant. */
export const cstDay = (ms: number): string => new Date(ms + CST_MS).toISOString().slice(0, 10);

/** The instant a CST day starts, as ISO 8601 with its offset (what the readings API takes). */
export const cstStart = (day: string): string => `${day}T00:00:00+08:00`;

export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The first day of the CST month `n` months after the one holding `day`. */
export function addMonths(day: string, n: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** Share of the CST day `now` falls in that has passed (0–1). */
export const dayElapsed = (now: number): number => ((now + CST_MS) % DAY_MS) / DAY_MS;
