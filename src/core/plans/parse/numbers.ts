/**
 * Chinese numerals, dates and five-year-plan periods as written in plans.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Value of a Chinese numeral: `十二` → 12, `二十三` → 23, `一百零五` → 105, and digit strings such as
 * `二〇二三` → 2023. Returns NaN for anything else.
 */
export function chineseNumeralValue(s: string): number {
  if (!s) return NaN;
  if (/^[零〇一二三四五六七八九]{2,}$/.test(s)) return Number(Array.from(s, (c) => DIGITS[c]).join(''));
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c in DIGITS) current = DIGITS[c];
    else if (c in UNITS) {
      total += (current || 1) * UNITS[c];
      current = 0;
    } else return NaN;
  }
  return total + current;
}

/** Last year of the n-th five-year plan: 14 (十四五, 2021–2025) → 2025, 15 → 2030, 16 → 2035. */
export function fiveYearPlanEnd(ordinal: number): number {
  return 1955 + 5 * ordinal;
}

/** Period of a five-year plan named like `十四五`; null for anything else. */
export function fiveYearPlan(name: string): { from: number; to: number } | null {
  const m = /^(十[一二三四五六七八九]|[一二三四五六七八九])五$/.exec(name);
  if (!m) return null;
  const to = fiveYearPlanEnd(chineseNumeralValue(m[1]));
  return { from: to - 4, to };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO date of `2023年5月26日` or `二〇二三年五月二十六日`; null when it is not a valid date. */
export function parseChineseDate(s: string): string | null {
  const m = /^([0-9]{4}|[零〇一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日$/.exec(s.trim());
  if (!m) return null;
  const num = (x: string) => (/^\d+$/.test(x) ? Number(x) : chineseNumeralValue(x));
  const [y, mo, d] = [num(m[1]), num(m[2]), num(m[3])];
  if (!(y >= 1949 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
