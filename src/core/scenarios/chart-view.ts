/**
 * The part of a run report the scenario charts show (comparison, fan chart, peak histogram, attainment,
 * energy by fuel, LMDI): a live preview sends this instead of every series of every scenario. Dropped:
 * the resolved inputs, value added, sector × fuel tables, electricity details, CO2 by sector/fuel/process,
 * fuel shares, and the fan charts of series other than the CO2 on the file's peak basis.
 */
import type { MonteCarloResult, FanSeries } from './montecarlo.ts';
import type { Projection } from './project.ts';
import type { ComparisonRow, ScenarioRunReport } from './run.ts';
import type { LmdiResult } from './lmdi.ts';

export type ChartProjection = Pick<Projection, 'scenario' | 'units' | 'years' | 'population' | 'gdp' | 'intensity' | 'peak' | 'targets'> & {
  energy: Pick<Projection['energy'], 'total' | 'byFuel'>;
  co2: Pick<Projection['co2'], 'energy' | 'process' | 'gross' | 'sinks' | 'net'>;
  shares: Pick<Projection['shares'], 'nonFossil' | 'electrification'>;
};
export type ChartMonteCarlo = Omit<MonteCarloResult, 'fan'> & { fan: Partial<MonteCarloResult['fan']> };
export interface ChartRun { projection: ChartProjection; monteCarlo?: ChartMonteCarlo; lmdi?: LmdiResult[] }
export type ChartReport = Omit<ScenarioRunReport, 'scenarios'> & { scenarios: ChartRun[]; comparison: ComparisonRow[] };

const FAN_OF_BASIS: Record<ScenarioRunReport['peakBasis'], FanSeries> = { gross: 'co2Gross', energy: 'co2Energy', net: 'co2Net' };

export function chartView(report: ScenarioRunReport): ChartReport {
  const key = FAN_OF_BASIS[report.peakBasis];
  return {
    ...report,
    scenarios: report.scenarios.map(({ projection: p, monteCarlo, lmdi }) => {
      const run: ChartRun = {
        projection: {
          scenario: p.scenario, units: p.units, years: p.years, population: p.population, gdp: p.gdp, intensity: p.intensity,
          peak: p.peak, targets: p.targets,
          energy: { total: p.energy.total, byFuel: p.energy.byFuel },
          co2: { energy: p.co2.energy, process: p.co2.process, gross: p.co2.gross, sinks: p.co2.sinks, net: p.co2.net },
          shares: { nonFossil: p.shares.nonFossil, electrification: p.shares.electrification },
        },
      };
      if (monteCarlo) run.monteCarlo = { ...monteCarlo, fan: { [key]: monteCarlo.fan[key] } };
      if (lmdi) run.lmdi = lmdi;
      return run;
    }),
  };
}
