import { asArray, asObject, OPEN, str, year, type Collector } from './seed-helpers.ts';
import type { YearRange } from './types.ts';

export const IPCC2006 = 'IPCC 2006';
/** AR6 values of Table 7.15 where they differ from Table 7.SM.7 (the `AR6` series). */
export const AR6_T715 = 'AR6-T7.15';

/** 'CF4 (PFC-14)' → 'CF4' */
const gasKey = (g: string) => g.replace(/\s*\(.*\)\s*$/, '').trim();

export function seedIpcc(c: Collector, section: unknown): void {
  const s = asObject(section);
  const base = '4_ipcc';
  asArray(s.co2_ef_table_1_4).forEach((raw, i) => {
    const r = asObject(raw);
    const key = str(r.fuel_zh) ?? `#${i}`;
    const notes = [`IPCC: ${String(r.fuel_en ?? '')}`];
    c.value(r.co2_ef, `${base}.co2_ef_table_1_4[${i}](${key}).co2_ef`, { kind: 'ipcc.co2_ef', key, series: IPCC2006, years: OPEN, notes });
    if (r.ncv_default !== undefined) c.value(r.ncv_default, `${base}.co2_ef_table_1_4[${i}](${key}).ncv_default`, { kind: 'ipcc.ncv', key, series: IPCC2006, years: OPEN, notes });
  });
  c.value(s.default_oxidation, `${base}.default_oxidation`, { kind: 'ipcc.oxidation', key: '缺省', series: IPCC2006, years: OPEN });
  c.skip(`${base}.note`, 'text');

  const bySet = new Map<string, number>();
  asArray(s.gwp100).forEach((raw, i) => {
    const r = asObject(raw);
    const gas = str(r.gas) ?? `#${i}`;
    const key = gasKey(gas);
    for (const set of ['SAR', 'AR4', 'AR5', 'AR6']) {
      const idx = c.value(r[set], `${base}.gwp100[${i}](${gas}).${set}`, { kind: 'gwp100', key, series: set, years: OPEN, notes: key !== gas ? [gas] : [] });
      if (idx >= 0) bySet.set(`${set}|${key}`, idx);
    }
  });
  asArray(s.gwp_extra).forEach((raw, i) => {
    const r = asObject(raw);
    const item = str(r.item) ?? '';
    const path = `${base}.gwp_extra[${i}](${item})`;
    const notes = [item, String(r.note ?? '')].filter(Boolean);
    if (item.startsWith('AR6 CH4 fossil')) {
      c.value(r.fossil, `${path}.fossil`, { kind: 'gwp100', key: 'CH4-fossil', series: AR6_T715, years: OPEN, notes });
      c.value(r.non_fossil, `${path}.non_fossil`, { kind: 'gwp100', key: 'CH4-non-fossil', series: AR6_T715, years: OPEN, notes });
    } else if (item.startsWith('AR6 SF6')) {
      c.skip(`${path}.table_7_SM_7`, 'same value as gwp100 AR6 SF6');
      const sm7 = bySet.get('AR6|SF6');
      c.value(r.table_7_15, `${path}.table_7_15`, { kind: 'gwp100', key: 'SF6', series: AR6_T715, years: OPEN, notes, linkTo: sm7 === undefined ? [] : [sm7] });
    } else if (item.startsWith('AR5 CH4 fossil')) {
      c.value(r.value, path, { kind: 'gwp100', key: 'CH4-fossil', series: 'AR5', years: OPEN, notes });
    } else {
      c.skip(path, 'unrecognised gwp_extra item');
    }
  });
  asArray(s.china_gwp_usage).forEach((_, i) => c.skip(`${base}.china_gwp_usage[${i}]`, 'text about which GWP set applies; unverified — a calculation names its GWP set explicitly'));
}

export function seedProcess(c: Collector, section: unknown): void {
  const s = asObject(section);
  const base = '5_process';
  asArray(s.carbonates_stoichiometric).forEach((raw, i) => {
    const r = asObject(raw);
    const name = str(r.carbonate) ?? `#${i}`;
    const key = name.split(/\s+/)[0];
    c.value(r.ef, `${base}.carbonates_stoichiometric[${i}](${name})`, { kind: 'process.carbonate', key, series: 'stoichiometric', years: OPEN, notes: key !== name ? [name] : [] });
  });
  asArray(s.items).forEach((raw, i) => {
    const r = asObject(raw);
    const key = str(r.item) ?? `#${i}`;
    const path = `${base}.items[${i}](${key})`;
    if (key === '水泥熟料') return c.skip(path, 'a formula, implemented in accounting/process.ts (clinker CaO/MgO method); no default factor exists');
    c.value(r.value, path, { kind: 'process.ef', key, series: 'reference', years: OPEN });
  });
}

export function seedForest(c: Collector, section: unknown): void {
  const s = asObject(section);
  const base = '6_forest';
  c.skip(`${base}.formula`, 'a formula, implemented in accounting/forest.ts');
  const ipcc = c.value(s.carbon_fraction_IPCC_default, `${base}.carbon_fraction_IPCC_default`, { kind: 'forest.carbon_fraction', key: '缺省', series: IPCC2006, years: OPEN });
  c.value(s.carbon_fraction_common_cn, `${base}.carbon_fraction_common_cn`, { kind: 'forest.carbon_fraction', key: '缺省', series: 'cn-common', years: OPEN, linkTo: ipcc >= 0 ? [ipcc] : [] });
  c.skip(`${base}.ipcc_tables`, 'table references, no values');
  c.skip(`${base}.species_defaults`, 'not found: species BEF / R / wood density must be added as local factors');
  c.skip(`${base}.generic_app_defaults_not_official`, 'app defaults, not official — never seeded');
}

const ETS_YEAR_COLUMNS: Record<string, YearRange> = { '2019_2020': { from: 2019, to: 2020 }, '2021': year(2021), '2022': year(2022) };

export function seedEts(c: Collector, section: unknown): void {
  const s = asObject(section);
  const base = '7_national_ets_power';
  for (const k of ['formula_2021_2022', 'unit_categories_2021_2022', 'changes_2023_2024']) c.skip(`${base}.${k}`, 'text');
  asArray(s.benchmarks_2023_2024_found).forEach((raw, i) => {
    const r = asObject(raw);
    const key = str(r.category) ?? `#${i}`;
    const kind = str(r.kind) ?? '';
    const series = kind.replace(/\s*\(.*\)\s*$/, '');
    const notes = kind !== series ? [kind] : [];
    c.value(r.value, `${base}.benchmarks_2023_2024_found[${i}](${key})`, { kind: 'ets.benchmark', key, series, years: year(Number(r.year)), notes });
  });
  const old = asObject(s.benchmarks_2019_2022_single_source);
  asArray(old.rows).forEach((raw, i) => {
    const r = asObject(raw);
    const key = str(r.category) ?? `#${i}`;
    for (const [col, years] of Object.entries(ETS_YEAR_COLUMNS)) {
      const v = asObject(r[col]);
      const series = v.unit === 'tCO2/GJ' ? '供热基准值' : '供电基准值';
      c.value(r[col], `${base}.benchmarks_2019_2022_single_source.rows[${i}](${key}).${col}`, { kind: 'ets.benchmark', key, series, years, notes: [String(old.note ?? '')] });
    }
  });
  asArray(s.compliance_rules).forEach((raw, i) => {
    const r = asObject(raw);
    const key = str(r.rule) ?? `#${i}`;
    const v = asObject(r.value);
    const path = `${base}.compliance_rules[${i}](${key})`;
    if (typeof v.value !== 'number') return c.skip(path, 'a rule in words, not a number');
    c.value(r.value, path, { kind: 'ets.rule', key, series: 'ETS rules', years: OPEN, unit: '1', unitQualifier: String(v.unit ?? '') });
  });
}
