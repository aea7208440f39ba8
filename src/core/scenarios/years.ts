/**
 * Year keys used in scenario files: a milestone year (`"2030"`) or a period of annual rates
 * (`"2021-2025"`, or a single year `"2021"`). Both ends of a period are included.
 */

export interface Period { from: number; to: number }

/** Parses "2021-2025" or "2021"; returns undefined when the key is not of that form. */
export function parsePeriod(key: string): Period | undefined {
  const m = /^\s*(\d{4})\s*(?:[-–~]\s*(\d{4})\s*)?$/.exec(key);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from <= to ? { from, to } : undefined;
}

/** Parses "2030"; returns undefined when the key is not a four-digit year. */
export function parseYearKey(key: string): number | undefined {
  const m = /^\s*(\d{4})\s*$/.exec(key);
  return m ? Number(m[1]) : undefined;
}

/** The years of a projection: base year, base + 1, …, end year. */
export function yearRange(baseYear: number, endYear: number): number[] {
  const out: number[] = [];
  for (let y = baseYear; y <= endYear; y++) out.push(y);
  return out;
}
