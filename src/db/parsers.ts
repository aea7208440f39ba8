/**
 * One result representation for both drivers: int8 and numeric as JS numbers (ids and measured values stay
 * far below 2^53), `date` as the ISO string 'YYYY-MM-DD' (a calendar day has no time zone).
 */
export const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const parseInt8 = (v: string): number => Number(v);
export const parseNumeric = (v: string): number => Number(v);
export const parseDate = (v: string): string => v;
