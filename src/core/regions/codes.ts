import { DomainError } from '../errors.ts';

export type RegionLevel = 'country' | 'province' | 'city' | 'county' | 'zone' | 'cross_region';
export const REGION_LEVELS: readonly RegionLevel[] = ['country', 'province', 'city', 'county', 'zone', 'cross_region'];

/** GB/T 2260 province-level prefixes (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门). */
const PROVINCE_PREFIXES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

/**
 * The level a GB/T 2260 code implies: `PP0000` province, `PPCC00` prefecture-level city, else county.
 * Municipalities (北京, 天津, 上海, 重庆) list districts directly under the province code: 500110 is a county-level
 * district of 重庆 whatever its middle digits.
 */
export function gbt2260Level(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

export function gbt2260Problem(code: string): string | null {
  if (!/^[0-9]{6}$/.test(code)) return 'six_digits';
  if (!PROVINCE_PREFIXES.has(Number(code.slice(0, 2)))) return 'province';
  return null;
}

/**
 * Local codes are for regions without a GB/T 2260 code (development zones, parks, cross-region areas):
 * the parent's code, a hyphen, and 2–12 capital letters or digits (`500110-WSJK`), or `X-` and letters for an
 * area that spans several provinces (`X-CHENGYU`).
 */
export const LOCAL_CODE = /^(?:[0-9]{6}|X)-[A-Z0-9]{2,12}$/;

export function parseRegionCode(raw: string, field = 'code'): { code: string; kind: 'gbt2260' | 'local' } {
  const code = raw.trim().toUpperCase();
  if (LOCAL_CODE.test(code)) return { code, kind: 'local' };
  const problem = gbt2260Problem(code);
  if (!problem) return { code, kind: 'gbt2260' };
  throw new DomainError('invalid_region_code', {
    field,
    zh: problem === 'province'
      ? `行政区划代码“${raw}”的前两位不是有效的省级代码（GB/T 2260）`
      : `行政区划代码“${raw}”应为6位数字（GB/T 2260），或“上级代码-字母数字”形式的本地代码（如 500110-WSJK）`,
    en: problem === 'province'
      ? `Region code "${raw}" does not start with a valid GB/T 2260 province prefix`
      : `Region code "${raw}" must be six digits (GB/T 2260) or a local code "PARENT-ALNUM" (e.g. 500110-WSJK)`,
  });
}
