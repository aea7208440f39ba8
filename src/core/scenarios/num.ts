/**
 * Validation of one numeric input that may be a plain number or a distribution, against the domain of the
 * field it fills (a share lives in [0, 1], a growth rate in (−50 %, +50 %), a capacity is ≥ 0 …). A
 * distribution is accepted only if every value it can produce lies in the domain: a normal on a bounded
 * field must therefore carry `min`/`max` truncation bounds. Messages are bilingual and name the field.
 */
import type { Dist, Num } from './distributions.ts';

export interface Domain {
  min?: number;
  max?: number;
  /** true when the minimum itself is excluded (e.g. population > 0) */
  minOpen?: boolean;
  maxOpen?: boolean;
  /** what the field is, for messages, e.g. { zh: '年增长率', en: 'annual growth rate' } */
  what: { zh: string; en: string };
}

export interface NumIssue {
  /** path below the field, e.g. ['sd'] */
  path: (string | number)[];
  zh: string;
  en: string;
}

const DIST_KINDS = ['normal', 'triangular', 'uniform'];
const KEYS: Record<string, string[]> = {
  normal: ['dist', 'mean', 'sd', 'min', 'max'],
  triangular: ['dist', 'min', 'mode', 'max'],
  uniform: ['dist', 'min', 'max'],
};

function fmtDomain(d: Domain): string {
  const lo = d.min === undefined ? '(−∞' : `${d.minOpen ? '(' : '['}${d.min}`;
  const hi = d.max === undefined ? '+∞)' : `${d.max}${d.maxOpen ? ')' : ']'}`;
  return `${lo}, ${hi}`;
}

function inDomain(x: number, d: Domain): boolean {
  if (d.min !== undefined && (d.minOpen ? !(x > d.min) : !(x >= d.min))) return false;
  if (d.max !== undefined && (d.maxOpen ? !(x < d.max) : !(x <= d.max))) return false;
  return true;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Check `v` against `domain`; returns the problems found (empty when valid). */
export function checkNum(v: unknown, domain: Domain): NumIssue[] {
  const range = fmtDomain(domain);
  if (v === undefined) return [{ path: [], zh: '缺少必填数值', en: 'a value is required here' }];
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return [{ path: [], zh: '应为有限数值', en: 'must be a finite number' }];
    if (!inDomain(v, domain)) {
      return [{ path: [], zh: `${domain.what.zh}应在 ${range} 内，实际为 ${v}`,
        en: `${domain.what.en} must lie in ${range}, got ${v}` }];
    }
    return [];
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return [{ path: [], zh: '应为数值或分布对象（normal / triangular / uniform）',
      en: 'must be a number or a distribution object (normal / triangular / uniform)' }];
  }
  const o = v as Record<string, unknown>;
  if (typeof o.dist !== 'string' || !DIST_KINDS.includes(o.dist)) {
    return [{ path: ['dist'], zh: `分布类型应为 normal、triangular 或 uniform，实际为 ${JSON.stringify(o.dist)}`,
      en: `distribution must be normal, triangular or uniform, got ${JSON.stringify(o.dist)}` }];
  }
  const issues: NumIssue[] = [];
  for (const k of Object.keys(o)) {
    if (!KEYS[o.dist].includes(k)) {
      issues.push({ path: [k], zh: `${o.dist} 分布不接受字段 ${k}`, en: `unknown field ${k} for a ${o.dist} distribution` });
    }
  }
  const need = (k: string, optional = false) => {
    if (o[k] === undefined && optional) return;
    if (!isNum(o[k])) issues.push({ path: [k], zh: '应为有限数值', en: 'must be a finite number' });
  };
  if (o.dist === 'normal') { need('mean'); need('sd'); need('min', true); need('max', true); }
  else if (o.dist === 'triangular') { need('min'); need('mode'); need('max'); }
  else { need('min'); need('max'); }
  if (issues.length) return issues;

  const d = o as unknown as Dist;
  if (d.dist === 'normal') {
    if (d.sd < 0) issues.push({ path: ['sd'], zh: '标准差不能为负', en: 'standard deviation must not be negative' });
    if (d.min !== undefined && d.max !== undefined && !(d.min < d.max)) {
      issues.push({ path: ['max'], zh: '截断上限应大于下限', en: 'max must be greater than min' });
    }
    if ((d.min !== undefined && d.mean < d.min) || (d.max !== undefined && d.mean > d.max)) {
      issues.push({ path: ['mean'], zh: '均值应位于截断范围内', en: 'mean must lie within [min, max]' });
    }
  } else if (d.dist === 'triangular') {
    if (!(d.min < d.max)) issues.push({ path: ['max'], zh: '上限应大于下限', en: 'max must be greater than min' });
    else if (d.mode < d.min || d.mode > d.max) {
      issues.push({ path: ['mode'], zh: '众数应位于 [min, max] 内', en: 'mode must lie within [min, max]' });
    }
  } else if (!(d.min < d.max)) {
    issues.push({ path: ['max'], zh: '上限应大于下限', en: 'max must be greater than min' });
  }
  if (issues.length) return issues;

  // Every value the distribution can produce must be admissible for the field.
  const lo = d.dist === 'normal' ? (d.sd === 0 ? d.mean : d.min) : d.min;
  const hi = d.dist === 'normal' ? (d.sd === 0 ? d.mean : d.max) : d.max;
  const loOk = lo === undefined ? domain.min === undefined : inDomain(lo, { ...domain, max: undefined });
  const hiOk = hi === undefined ? domain.max === undefined : inDomain(hi, { ...domain, min: undefined });
  if (!loOk || !hiOk) {
    const bounded = d.dist === 'normal' && (lo === undefined || hi === undefined);
    issues.push({
      path: [],
      zh: `${domain.what.zh}的分布取值必须全部落在 ${range} 内` + (bounded ? '；请为正态分布给出 min/max 截断范围' : ''),
      en: `every value of the ${domain.what.en} distribution must lie in ${range}`
        + (bounded ? '; give the normal distribution min/max truncation bounds' : ''),
    });
  }
  return issues;
}

export type { Num };
