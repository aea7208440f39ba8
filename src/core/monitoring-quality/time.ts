import { CST_OFFSET_MINUTES } from '../hj212/index.ts';

/** Days and months of monitoring are China Standard Time, as the rollups are (src/ingest/store.ts). */
const OFFSET_MS = CST_OFFSET_MINUTES * 60_000;
export const DAY_MS = 86_400_000;

/** The CST calendar day (YYYY-MM-DD) of an instant. */
export const cstDay = (ms: number): string => new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
/** The CST calendar month (YYYY-MM) of an instant. */
export const cstMonth = (ms: number): string => cstDay(ms).slice(0, 7);
/** Start of a CST day (YYYY-MM-DD) as epoch ms. */
export const dayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`) - OFFSET_MS;
/** Start of the CST day holding an instant. */
export const startOfCstDay = (ms: number): number => dayStart(cstDay(ms));
/** Start of a CST month (YYYY-MM) and of the month after it, as epoch ms. */
export const monthStart = (month: string): number => dayStart(`${month}-01`);
export function monthEnd(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return Date.UTC(y, m, 1) - OFFSET_MS;
}

/** `YYYY-MM-DD HH:mm` in CST, for messages. */
export const cstText = (ms: number): string => new Date(ms + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** A number for messages: at most 6 significant digits, no trailing zeros. */
export const num = (x: number): string => String(Number(x.toPrecision(6)));
/** A fraction as a percentage for messages, one decimal. */
export const pct = (x: number): string => `${Number((x * 100).toFixed(1))}`;
