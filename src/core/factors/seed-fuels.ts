import { asArray, asObject, isRefValue, OPEN, parseRange, str, type Collector, type RefValue } from './seed-helpers.ts';

/** Series names used by the seed (also the set's defaults for these kinds). */
export const CN_DEFAULT = 'cn-default';
export const GBT2589 = 'GB/T 2589';
export const GBT2589_LOW = 'GB/T 2589 区间下限';
export const GBT2589_HIGH = 'GB/T 2589 区间上限';
export const IPCC_CDM = 'ipcc-cdm';

const FIELDS: ReadonlyArray<[string, string]> = [
  ['low_heating_value', 'fuel.ncv'],
  ['carbon_content_per_heat', 'fuel.carbon_content'],
  ['oxidation_rate', 'fuel.oxidation'],
];

/**
 * §1 fuel parameters. The GB/T 32151.22 table C.1 values become series `cn-default`; every variant seen in
 * another reproduction is kept as its own series `variant:<sources>` (never merged), flagged disputed,
 * and linked to the primary value as an alternative.
 */
export function seedFuelParameters(c: Collector, section: unknown, ipccDefaultOxidation: unknown): void {
  const s = asObject(section);
  const base = '1_fuel_parameters';
  asArray(s.fuels).forEach((raw, i) => {
    const f = asObject(raw);
    const key = str(f.fuel_zh) ?? `fuel#${i}`;
    const path = `${base}.fuels[${i}](${key})`;
    const fuelNote = str(f.note);
    const primary = new Map<string, number>();
    for (const [field, kind] of FIELDS) {
      const idx = c.value(f[field], `${path}.${field}`, { kind, key, series: CN_DEFAULT, years: OPEN, notes: fuelNote ? [fuelNote] : [] });
      if (idx >= 0) primary.set(field, idx);
    }
    c.skip(`${path}.low_heating_value_kj`, 'unit conversion of low_heating_value (the unit table does it)');
    c.skip(`${path}.co2_ef_derived`, 'NCV × CC × OF × 44/12 is computed by accounting; kept in tests as an arithmetic cross-check');
    asArray(f.variants_seen).forEach((vraw, j) => {
      const v = asObject(vraw) as unknown as RefValue & { field?: string };
      const kind = FIELDS.find(([fl]) => fl === v.field)?.[1];
      const vpath = `${path}.variants_seen[${j}]`;
      if (!kind || !v.field) return c.skip(vpath, `unknown field ${String(v.field)}`);
      const p = primary.get(v.field);
      const sources = (v.source ?? []).join('+') || 'unknown';
      c.value(v, vpath, { kind, key, series: `variant:${sources}`, years: OPEN, variant: true, linkTo: p === undefined ? [] : [p] });
    });
  });

  asArray(s.other_fuels).forEach((raw, i) => {
    const f = asObject(raw);
    const key = str(f.fuel_zh) ?? `other#${i}`;
    const path = `${base}.other_fuels[${i}](${key})`;
    const note = str(f.note);
    const notes = note ? [note] : [];
    if (isRefValue(f.low_heating_value)) {
      c.value(f.low_heating_value, `${path}.low_heating_value`, { kind: 'fuel.ncv', key, series: CN_DEFAULT, years: OPEN, notes });
      const cc = c.value(f.carbon_content_per_heat, `${path}.carbon_content_per_heat`, { kind: 'fuel.carbon_content', key, series: CN_DEFAULT, years: OPEN, notes });
      const of = c.value(f.oxidation_rate, `${path}.oxidation_rate`, { kind: 'fuel.oxidation', key, series: CN_DEFAULT, years: OPEN, notes });
      if (isRefValue(f.alt_carbon_content_IPCC_CDM)) {
        c.value(f.alt_carbon_content_IPCC_CDM, `${path}.alt_carbon_content_IPCC_CDM`, {
          kind: 'fuel.carbon_content', key, series: IPCC_CDM, years: OPEN, linkTo: cc >= 0 ? [cc] : [],
        });
        // the OM baseline document uses that carbon content with 100 % oxidation: the IPCC default
        c.value(ipccDefaultOxidation, `4_ipcc.default_oxidation→${path}`, {
          kind: 'fuel.oxidation', key, series: IPCC_CDM, years: OPEN, linkTo: of >= 0 ? [of] : [],
          notes: ['IPCC 2006 default oxidation (complete), as used with the 25.8 tC/TJ value in the NDRC/NCSC OM baseline document'],
        });
      }
    } else {
      for (const k of Object.keys(f)) {
        if (k.startsWith('ipcc_')) c.skip(`${path}.${k}`, 'duplicate of the IPCC 2006 table in 4_ipcc');
      }
    }
  });

  const heat = asObject(s.heat);
  c.value(heat.purchased_heat_default_ef, `${base}.heat.purchased_heat_default_ef`, { kind: 'heat.co2', key: '外购热力', series: CN_DEFAULT, years: OPEN });
}

/**
 * §2 standard-coal coefficients (GB/T 2589). Single values → series `GB/T 2589`; ranges (焦炉煤气, 煤泥,
 * 型煤/煤制品) → two records, series `GB/T 2589 区间下限` / `区间上限`, so a calculation must pick a bound.
 * The average NCVs of the same table become `fuel.ncv` records of series `GB/T 2589`.
 */
export function seedStandardCoal(c: Collector, section: unknown): void {
  const s = asObject(section);
  const base = '2_standard_coal';
  c.value(s.basis, `${base}.basis`, { kind: 'coal_equiv.basis', key: '标准煤', series: GBT2589, years: OPEN });
  asArray(s.coefficients).forEach((raw, i) => {
    const row = asObject(raw);
    const key = str(row.energy_zh) ?? `coef#${i}`;
    const path = `${base}.coefficients[${i}](${key})`;
    const notes = str(row.note) ? [str(row.note) as string] : [];
    const kcal = str(row.kcal_equivalent);
    if (kcal) notes.push(`= ${kcal}`);
    for (const [field, kind] of [['coefficient', 'coal_equiv'], ['avg_low_heating_value', 'fuel.ncv']] as const) {
      const v = row[field];
      if (v === null || v === undefined) continue;
      if (!isRefValue(v)) {
        c.skip(`${path}.${field}`, 'not a value object');
        continue;
      }
      if (kind === 'fuel.ncv' && v.unit === 'kJ/kWh') {
        c.skip(`${path}.${field}`, '3600 kJ/kWh is the physical identity already in the unit table, not a fuel NCV');
        continue;
      }
      const range = parseRange(v.value);
      if (range) {
        const rangeNote = `GB/T 2589 gives a range ${String(v.value)}; choose a bound explicitly`;
        c.value(v, `${path}.${field}[low]`, { kind, key, series: GBT2589_LOW, years: OPEN, value: range[0], notes: [...notes, rangeNote] });
        c.value(v, `${path}.${field}[high]`, { kind, key, series: GBT2589_HIGH, years: OPEN, value: range[1], notes: [...notes, rangeNote] });
        continue;
      }
      c.value(v, `${path}.${field}`, { kind, key, series: GBT2589, years: OPEN, notes });
    }
  });
  const eq = asObject(s.electricity_equivalent_value);
  c.skip(`${base}.electricity_equivalent_value.definition`, '等价值 varies by year; not found for any year — add it as a local factor (coal_equiv / 电力（等价值）) for the accounting year');
  c.skip(`${base}.electricity_equivalent_value.values_by_year`, String(eq.values_by_year ?? 'not found'));
  asArray(eq.observed_usage).forEach((_, i) => c.skip(`${base}.electricity_equivalent_value.observed_usage[${i}]`, 'observed usage, not a national figure'));
  c.skip(`${base}.edition_note`, 'text');
}
