import { DomainError } from '../errors.ts';
import { yearInRange } from './factor-set.ts';
import { kindDef } from './kinds.ts';
import { refOf, type FactorPolicy, type FactorQuery, type FactorRecord, type FactorSet } from './types.ts';

function describe(q: FactorQuery, series: string | undefined) {
  const def = kindDef(q.kind);
  const yz = q.year !== undefined ? `${q.year}年` : '';
  const ye = q.year !== undefined ? `${q.year} ` : '';
  return {
    zh: `${yz}${def.zh}（${q.kind} / ${q.key}${series ? ` / ${series}` : ''}）`,
    en: `${ye}${def.en} (${q.kind} / ${q.key}${series ? ` / ${series}` : ''})`,
  };
}

function fmtYears(r: FactorRecord): string {
  const { from, to } = r.years;
  if (from === null && to === null) return '*';
  if (from === to) return String(from);
  return `${from ?? '…'}–${to ?? '…'}`;
}

function prefix(field?: string) {
  return { zh: field ? `${field}：` : '', en: field ? `${field}: ` : '' };
}

/** Why a record is not usable under a policy, or null if it is. */
export function rejection(r: FactorRecord, policy: FactorPolicy = {}): { zh: string; en: string } | null {
  const ref = refOf(r);
  if (policy.allowRefs?.includes(ref) || policy.allowRefs?.includes(r.id)) return null;
  const allow = policy.allow ?? [];
  if (r.status === 'single-source' && !allow.includes('single-source')) {
    return { zh: `仅有单一来源（${r.sources.join('、')}）`, en: `single-source (${r.sources.join(', ')})` };
  }
  if (r.disputed && !allow.includes('disputed')) {
    const alt = r.alternatives.length ? r.alternatives.join('、') : '—';
    return { zh: `存在争议（另有取值：${alt}）`, en: `disputed (alternatives: ${r.alternatives.join(', ') || '—'})` };
  }
  return null;
}

/** Candidates for a query ignoring the policy: newest version of each matching slot. */
export function candidates(set: FactorSet, q: FactorQuery & { series: string }): FactorRecord[] {
  const heads = new Map<string, FactorRecord>();
  for (const r of set.records) {
    if (r.kind !== q.kind || r.key !== q.key || r.series !== q.series) continue;
    const open = r.years.from === null && r.years.to === null;
    if (q.year === undefined ? !open : !yearInRange(r.years, q.year)) continue;
    const h = heads.get(r.id);
    if (!h || r.version > h.version) heads.set(r.id, r);
  }
  return [...heads.values()];
}

/**
 * Selects the one factor for (kind, key, year, series). Never falls back to another year, series or key:
 * a missing factor is an explicit `factor_missing` error naming what was asked for and what exists.
 * Single-source and disputed values are refused (`factor_not_accepted`) unless the policy allows them.
 */
export function selectFactor(set: FactorSet, q: FactorQuery, policy: FactorPolicy = {}, field?: string): FactorRecord {
  const p = prefix(field);
  const series = q.series ?? set.defaults[q.kind];
  if (!series) {
    const available = [...new Set(set.records.filter((r) => r.kind === q.kind && r.key === q.key).map((r) => r.series))];
    const d = describe(q, undefined);
    throw new DomainError('factor_series_required', {
      field,
      zh: `${p.zh}${d.zh}没有默认系列，必须明确指定（现有：${available.join('、') || '无'}）`,
      en: `${p.en}${d.en} has no default series; name one explicitly (available: ${available.join(', ') || 'none'})`,
    });
  }
  const found = candidates(set, { ...q, series });
  const d = describe(q, series);
  if (found.length === 0) {
    const sameSeries = set.records.filter((r) => r.kind === q.kind && r.key === q.key && r.series === series);
    const years = [...new Set(sameSeries.map(fmtYears))].sort();
    const otherSeries = [...new Set(set.records.filter((r) => r.kind === q.kind && r.key === q.key && r.series !== series).map((r) => r.series))];
    const hz = years.length ? `；该系列现有年份：${years.join('、')}` : otherSeries.length ? `；该键仅见于其他系列：${otherSeries.join('、')}` : '；因子库中没有该键';
    const he = years.length ? `; years in this series: ${years.join(', ')}` : otherSeries.length ? `; this key exists only in other series: ${otherSeries.join(', ')}` : '; the key is not in the factor set';
    throw new DomainError('factor_missing', {
      field,
      zh: `${p.zh}因子集 ${set.name} v${set.version} 中缺少${d.zh}${hz}。不会用其他年份或系列代替，请补充本地因子（新版本）或明确选择`,
      en: `${p.en}factor set ${set.name} v${set.version} has no ${d.en}${he}. No other year or series is substituted: add a local factor (as a new version) or choose explicitly`,
    });
  }
  if (found.length > 1) {
    throw new DomainError('factor_ambiguous', {
      field,
      zh: `${p.zh}${d.zh}有多个候选：${found.map(refOf).join('、')}`,
      en: `${p.en}${d.en} matches several records: ${found.map(refOf).join(', ')}`,
    });
  }
  const r = found[0];
  const why = rejection(r, policy);
  if (why) {
    throw new DomainError('factor_not_accepted', {
      field,
      zh: `${p.zh}${d.zh} = ${r.value} ${r.unit}（${refOf(r)}）${why.zh}，须明确允许（allow: single-source / disputed，或 allowRefs）才能使用`,
      en: `${p.en}${d.en} = ${r.value} ${r.unit} (${refOf(r)}) is ${why.en}; it is used only when explicitly allowed (allow: single-source / disputed, or allowRefs)`,
    });
  }
  return r;
}
