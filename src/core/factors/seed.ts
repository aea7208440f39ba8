import { DomainError } from '../errors.ts';
import { createFactorSet } from './factor-set.ts';
import { Collector, asObject, str, type Draft, type Skipped } from './seed-helpers.ts';
import { seedElectricity } from './seed-electricity.ts';
import { CN_DEFAULT, GBT2589, seedFuelParameters, seedStandardCoal } from './seed-fuels.ts';
import { IPCC2006, seedEts, seedForest, seedIpcc, seedProcess } from './seed-other.ts';
import { slotId, type FactorRecord, type FactorSet, type SourceInfo } from './types.ts';

export const SEED_SET_NAME = 'cn-reference-seed';

/**
 * Series used when a query names none. Grid factors, GWP sets and forest parameters deliberately have no
 * default: which electricity series, which IPCC assessment report, which carbon fraction is a choice a
 * calculation must state.
 */
export const SEED_DEFAULTS: Readonly<Record<string, string>> = {
  'fuel.ncv': CN_DEFAULT,
  'fuel.carbon_content': CN_DEFAULT,
  'fuel.oxidation': CN_DEFAULT,
  'heat.co2': CN_DEFAULT,
  coal_equiv: GBT2589,
  'coal_equiv.basis': GBT2589,
  'ipcc.co2_ef': IPCC2006,
  'ipcc.ncv': IPCC2006,
  'ipcc.oxidation': IPCC2006,
  'process.carbonate': 'stoichiometric',
  'process.ef': 'reference',
};

export interface SeedReport {
  set: FactorSet;
  /** every value of the reference that was NOT seeded, with the reason (unverified, text, duplicate…) */
  skipped: Skipped[];
}

/**
 * Turns the dispute links into records: a value is disputed when it is a conflicting reading (a variant)
 * or when an alternative value for the same parameter is at least as well confirmed.
 */
function finalise(drafts: Draft[]): FactorRecord[] {
  const ids = drafts.map((d) => slotId(d.kind, d.key, d.series, d.years));
  const links = drafts.map(() => new Set<number>());
  drafts.forEach((d, i) => {
    for (const j of d.linkTo ?? []) {
      links[i].add(j);
      links[j].add(i);
    }
  });
  return drafts.map((d, i) => {
    const alts = [...links[i]];
    const disputed = Boolean(d.variant) || alts.some((j) => drafts[j].confirmations >= d.confirmations);
    const rec: FactorRecord = {
      id: ids[i],
      version: 1,
      kind: d.kind,
      key: d.key,
      series: d.series,
      value: d.value,
      unit: d.unit,
      unitQualifier: d.unitQualifier,
      years: d.years,
      sources: d.sources.length ? d.sources : ['reference'],
      documents: d.documents,
      confirmations: d.confirmations,
      status: d.status,
      disputed,
      alternatives: alts.map((j) => ids[j]).sort(),
      notes: d.notes.filter((n) => n.trim() !== ''),
      origin: d.origin,
    };
    return rec;
  });
}

/** Disambiguates two variants that would land in the same slot (same sources, same field). */
function uniqueSeries(drafts: Draft[]): void {
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const id = slotId(d.kind, d.key, d.series, d.years);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > 1) d.series = `${d.series}#${n}`;
  }
}

/**
 * Builds the seed factor set from the reference data (`assets/reference/accounting-data.json`, passed in
 * as data). Keeps every value's sources, documents, confirmation count, status and notes; values marked
 * unverified or not found are never seeded and appear in `skipped` instead.
 */
export function seedFactorSetWithReport(reference: unknown, name = SEED_SET_NAME): SeedReport {
  const ref = asObject(reference);
  if (!ref['1_fuel_parameters'] || !ref.sources) {
    throw new DomainError('seed_reference_invalid', {
      field: 'reference',
      zh: 'reference：不是参考数据文件（缺少 1_fuel_parameters 或 sources）',
      en: 'reference: not the reference data file (1_fuel_parameters or sources missing)',
    });
  }
  const c = new Collector();
  seedFuelParameters(c, ref['1_fuel_parameters'], asObject(ref['4_ipcc']).default_oxidation);
  seedStandardCoal(c, ref['2_standard_coal']);
  seedElectricity(c, ref['3_electricity']);
  seedIpcc(c, ref['4_ipcc']);
  seedProcess(c, ref['5_process']);
  seedForest(c, ref['6_forest']);
  seedEts(c, ref['7_national_ets_power']);
  const handled = new Set(['meta', 'sources', '1_fuel_parameters', '2_standard_coal', '3_electricity', '4_ipcc', '5_process', '6_forest', '7_national_ets_power']);
  for (const k of Object.keys(ref)) {
    if (handled.has(k)) continue;
    const reason = k === '8_intensity'
      ? 'formulas implemented in accounting/intensity.ts; targets and the 晴雨表 belong to the targets module'
      : k === '9_discrepancies' ? 'text; each discrepancy is kept as versioned alternatives'
      : k === '10_not_found' ? 'text: what is not in the library' : 'unknown section';
    c.skip(k, reason);
  }
  uniqueSeries(c.drafts);
  const sources: Record<string, SourceInfo> = {};
  for (const [id, raw] of Object.entries(asObject(ref.sources))) {
    const s = asObject(raw);
    sources[id] = { kind: str(s.kind) ?? '', title: str(s.title) ?? '', issuer: str(s.issuer), year: str(s.year), url: str(s.url) };
  }
  const set = createFactorSet({ name, version: 1, defaults: { ...SEED_DEFAULTS }, sources, records: finalise(c.drafts) });
  return { set, skipped: c.skipped };
}

export function seedFactorSet(reference: unknown, name = SEED_SET_NAME): FactorSet {
  return seedFactorSetWithReport(reference, name).set;
}
