import { DomainError } from '../errors.ts';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and capital
 * letters without I, O, S, V, Z): registration authority (1), organisation type (1), GB/T 2260 region
 * of registration (6), organisation code (9), check character (1).
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17: 3^(i) mod 31, as tabulated in the standard. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authorities of the standard's table 1 (1 编制, 5 民政, 9 工商/市场监管, Y 其他, …). */
const AUTHORITIES = '123456789ANY';

/** The check character for the first 17 characters (which must already be valid alphabet characters). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'charset' | 'authority' | 'region' | 'check';

/** Returns the problem with a code, or null if it is valid. Input is upper-cased and trimmed first. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'charset';
  if (!AUTHORITIES.includes(code[0])) return 'authority';
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return 'region';
  if (creditCodeCheckChar(code) !== code[17]) return 'check';
  return null;
}

const MESSAGES: Record<CreditCodeProblem, { zh: string; en: string }> = {
  length: { zh: '应为18位', en: 'must be 18 characters long' },
  charset: { zh: '只能包含数字和除 I、O、S、V、Z 以外的大写字母', en: 'may contain only digits and capital letters other than I, O, S, V, Z' },
  authority: { zh: '第1位登记管理部门代码无效', en: 'has an invalid registration-authority code (1st character)' },
  region: { zh: '第3–8位应为登记管理机关行政区划码（6位数字）', en: 'characters 3–8 must be the six-digit administrative division code' },
  check: { zh: '校验码错误（GB 32100-2015）', en: 'has a wrong check character (GB 32100-2015)' },
};

/** Normalises (trim, upper case) and validates; throws a bilingual DomainError naming the field. */
export function parseCreditCode(raw: string, field = 'creditCode'): string {
  const problem = creditCodeProblem(raw);
  if (problem) {
    const m = MESSAGES[problem];
    throw new DomainError('invalid_credit_code', {
      field,
      zh: `统一社会信用代码“${raw}”${m.zh}`,
      en: `Unified social credit code "${raw}" ${m.en}`,
    });
  }
  return raw.trim().toUpperCase();
}
