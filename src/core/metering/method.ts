import type { MeasuredParams } from '../accounting/combustion.ts';
import { lookupFuel } from '../accounting/fuels.ts';
import type { Label } from '../accounting/lineage.ts';
import type { EnterpriseMethod, EnterpriseReportInput } from '../accounting/schema-enterprise.ts';

/** The choices that turn metered amounts into tce and CO2: those of the enterprise account (`method` of a report). */
export type MeteringMethod = Pick<EnterpriseMethod, 'electricityFactor' | 'heatFactor' | 'electricityConversion' | 'coalEquivalent' | 'fuelParameters' | 'factorPolicy'>;

/**
 * Used when the enterprise has no report for the year: the national average grid factor of the MEE/NBS
 * series for the accounting year (the series the accounting samples use for enterprises), electricity at its
 * calorific equivalent (当量值), every other parameter the factor set's default, no weak factor accepted.
 * A choice of series, not a value: the numbers are in the factor set, and a missing year is reported.
 */
export const DEFAULT_METHOD: MeteringMethod = {
  electricityFactor: { series: 'mee-nbs.national', key: '全国' },
  electricityConversion: 'calorific',
};

export interface MeasuredFromReport {
  readonly params: MeasuredParams;
  /** the report lines the values were read from (`report.combustion.0`) */
  readonly field: string;
}

/**
 * A fuel's measured parameters (NCV, carbon content, oxidation) as the enterprise reported them for the year,
 * so that metered amounts are converted like the reported ones and a deviation means the amounts differ.
 * A parameter is taken when every report line of that fuel carries the same measured value; otherwise the
 * factor set's default applies and a note says why.
 */
export function measuredParameters(report: EnterpriseReportInput): { byFuel: Record<string, MeasuredFromReport>; notes: Label[] } {
  const byFuel: Record<string, MeasuredFromReport> = {};
  const notes: Label[] = [];
  const fuels = new Map<string, number[]>();
  report.combustion.forEach((l, i) => {
    const id = lookupFuel(l.fuel)?.id;
    if (id) fuels.set(id, [...(fuels.get(id) ?? []), i]);
  });
  for (const [fuel, lines] of fuels) {
    const params: { -readonly [K in keyof MeasuredParams]: MeasuredParams[K] } = {};
    for (const p of ['ncv', 'carbonContent', 'oxidation'] as const) {
      const values = lines.map((i) => report.combustion[i][p]);
      const first = values[0];
      if (!first) continue;
      if (values.every((v) => v && v.value.value === first.value.value && v.value.unit === first.value.unit)) {
        params[p] = { value: first.value, source: first.source };
      } else {
        notes.push({
          zh: `报告中${fuel}各行的实测${p}不一致，计量换算采用因子库缺省值`,
          en: `the report's lines of ${fuel} carry different measured ${p}: the metered conversion uses the factor set's default`,
        });
      }
    }
    if (Object.keys(params).length) byFuel[fuel] = { params, field: `report.combustion.${lines[0]}` };
  }
  return { byFuel, notes };
}
