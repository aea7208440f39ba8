import { asArray, asObject, OPEN, str, year, type Collector } from './seed-helpers.ts';
import type { YearRange } from './types.ts';

/**
 * Electricity series. Two products that must never be mixed get distinct series names:
 *  - `mee-nbs.*`  the MEE + NBS annual 电力二氧化碳排放因子 (national / regional / provincial, by data year);
 *  - `mee-ets.national` the MEE reporting-notice 全国电网平均排放因子 (enterprise reporting / carbon market).
 * The footprint factor and the CDM OM baselines are other kinds altogether, so no grid query can reach them.
 */
export const SERIES = {
  national: 'mee-nbs.national',
  nationalExclMarket: 'mee-nbs.national-excl-market-nonfossil',
  nationalFossil: 'mee-nbs.national-fossil',
  regional: 'mee-nbs.regional',
  provincial: 'mee-nbs.provincial',
  ets: 'mee-ets.national',
} as const;

/**
 * The reporting-notice factors carry their applicability only as prose (`applies_to`). This table reads
 * that prose once, by entry name; an entry not listed here is not seeded (and reported as skipped).
 *  - 0.6101: "enterprise reporting up to 2020 data"; note: "used for 2019–2020 reporting"
 *  - 0.5810: "2021 (and initially 2022) reporting"; 2022 was then set to 0.5703 by the 2023 notice
 *  - 0.5703: "2022 reporting (and later until replaced — unverified)"; later years are not assumed
 */
const ETS_YEARS: Record<string, YearRange> = {
  '全国电网平均排放因子 (企业温室气体排放核算/全国碳市场报告口径)': { from: 2019, to: 2020 },
  全国电网平均排放因子: { from: 2021, to: 2021 },
  '2022年度全国电网平均排放因子': { from: 2022, to: 2022 },
};

export function seedElectricity(c: Collector, section: unknown): void {
  const s = asObject(section);
  const base = '3_electricity';
  c.skip(`${base}.which_is_which`, 'text (drives the series split)');
  asArray(s.national_mee_nbs).forEach((raw, i) => {
    const e = asObject(raw);
    const y = Number(e.data_year);
    const path = `${base}.national_mee_nbs[${i}](${y})`;
    const doc = str(e.document);
    const notes = [`published ${String(e.published ?? '?')}${doc ? `, ${doc}` : ''}`];
    c.value(e.national_average, `${path}.national_average`, { kind: 'grid.co2', key: '全国', series: SERIES.national, years: year(y), notes });
    c.value(e.national_excl_market_nonfossil, `${path}.national_excl_market_nonfossil`, { kind: 'grid.co2', key: '全国', series: SERIES.nationalExclMarket, years: year(y), notes });
    c.value(e.national_fossil_power, `${path}.national_fossil_power`, { kind: 'grid.co2', key: '全国', series: SERIES.nationalFossil, years: year(y), notes });
  });
  const membership = asObject(s.region_membership);
  const membershipNote = `province→region membership ${String(membership.status ?? 'unverified')}: ${String(membership.note ?? '')}`.trim();
  for (const [listName, keyName, series] of [['regional', 'region', SERIES.regional], ['provincial', 'province', SERIES.provincial]] as const) {
    asArray(s[listName]).forEach((raw, i) => {
      const row = asObject(raw);
      const key = str(row[keyName]) ?? `#${i}`;
      for (const [k, v] of Object.entries(row)) {
        if (!/^\d{4}$/.test(k)) continue;
        const notes = listName === 'regional' ? [membershipNote] : [String(s.provincial_note ?? '')].filter(Boolean);
        c.value(v, `${base}.${listName}[${i}](${key}).${k}`, { kind: 'grid.co2', key, series, years: year(Number(k)), notes });
      }
    });
  }
  asArray(s.carbon_market_reporting).forEach((raw, i) => {
    const e = asObject(raw);
    const name = str(e.name) ?? '';
    const path = `${base}.carbon_market_reporting[${i}](${name})`;
    const years = ETS_YEARS[name];
    if (!years) return c.skip(path, 'applicability years not mapped (see ETS_YEARS in seed-electricity.ts)');
    c.value(e.value, path, { kind: 'grid.co2', key: '全国', series: SERIES.ets, years, notes: [`${name}; applies to: ${String(e.applies_to ?? '')}`] });
  });
  asArray(s.other).forEach((raw, i) => {
    const e = asObject(raw);
    const name = str(e.name) ?? '';
    const path = `${base}.other[${i}](${name})`;
    if (name.includes('碳足迹')) {
      const y = /(\d{4})年/.exec(name);
      c.value(e.value, path, { kind: 'grid.co2e.footprint', key: '全国', series: 'mee-nbs.footprint', years: y ? year(Number(y[1])) : OPEN, notes: [name] });
    } else if (name.includes('OM')) {
      for (const [region, v] of Object.entries(asObject(e.values))) {
        c.value(v, `${path}.values.${region}`, { kind: 'grid.cdm_om', key: region, series: 'cdm-om-2016', years: OPEN, notes: [name, String(e.note ?? '')] });
      }
    } else {
      c.skip(path, 'unrecognised electricity factor');
    }
  });
}
