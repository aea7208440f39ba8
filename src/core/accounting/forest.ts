import { refOf } from '../factors/index.ts';
import { valueIn } from '../units/index.ts';
import { CO2_PER_C } from './constants.ts';
import type { FactorContext } from './factor-context.ts';
import type { Figure, LineageBuilder } from './lineage.ts';
import type { ForestStratum } from './schema-regional.ts';

export interface ForestMethod {
  /** which carbon fraction: e.g. {key: '缺省', series: 'IPCC 2006'} (0.47) or {series: 'cn-common'} (0.5); key defaults to the species */
  readonly carbonFraction: { key?: string; series?: string };
  /** series of the species parameters (wood density, BEF, root:shoot) when the set has no default */
  readonly parameterSeries?: string;
}

export interface StratumResult {
  readonly name: string;
  readonly species: string;
  /** stem-volume change, m³ (positive = growth) */
  readonly volumeChange: Figure;
  /** CO2 removed, tCO2 (negative = net emission) */
  readonly removal: Figure;
}

export interface SinkAccount {
  readonly strata: StratumResult[];
  /** total CO2 removal, tCO2 */
  readonly total: Figure;
}

/**
 * Forest carbon sink by the stock-volume method (蓄积量法):
 *   ΔC = ΔV × WD × BEF × (1 + R) × CF;  removal = ΔC × 44/12
 * with ΔV = V_end − V_start, or growth − harvest − mortality (省级清单 stock-change variant).
 * Species parameters come from the factor set (local factors: none are published in the reference data).
 */
export function computeSinks(ctx: FactorContext, strata: readonly ForestStratum[], method: ForestMethod | undefined, year: number, lb: LineageBuilder): SinkAccount {
  const results: StratumResult[] = strata.map((s, i) => {
    const field = `forest.strata.${i}`;
    const input = s.ref ? `${field} (${s.ref})` : field;
    const vol = (k: 'volumeStart' | 'volumeEnd' | 'growth' | 'harvest' | 'mortality') => (s[k] ? valueIn(s[k]!, 'm3', `${field}.${k}`) : 0);
    const dv = s.growth !== undefined ? vol('growth') - vol('harvest') - vol('mortality') : vol('volumeEnd') - vol('volumeStart');
    const volumeChange = lb.add({
      id: `sink.stratum.${i}.volumeChange`, label: { zh: `${s.name} 蓄积量变化`, en: `${s.name} stem-volume change` }, value: dv, unit: 'm3',
      formula: s.growth !== undefined ? 'growth − harvest − mortality' : 'V_end − V_start', inputs: [input],
    });
    const series = s.parameterSeries ?? method?.parameterSeries;
    const p = (kind: string) => ctx.get({ kind, key: s.species, series, year }, `${field}.species`);
    const wd = p('forest.wood_density');
    const bef = p('forest.bef');
    const r = p('forest.root_shoot');
    const cf = ctx.get({ kind: 'forest.carbon_fraction', key: method?.carbonFraction.key ?? s.species, series: method?.carbonFraction.series, year }, 'method.forest.carbonFraction');
    const biomass = dv * valueIn({ value: wd.value, unit: wd.unit }, 't/m3') * valueIn({ value: bef.value, unit: bef.unit }, '1') * (1 + valueIn({ value: r.value, unit: r.unit }, '1'));
    const carbon = biomass * valueIn({ value: cf.value, unit: cf.unit }, 'tC/t');
    const removal = lb.add({
      id: `sink.stratum.${i}`, label: { zh: `${s.name}（${s.species}）碳汇`, en: `${s.name} (${s.species}) removal` }, value: carbon * CO2_PER_C, unit: 'tCO2',
      formula: 'ΔV × WD × BEF × (1 + R) × CF × 44/12', factors: [wd, bef, r, cf].map(refOf), from: [volumeChange.lineage],
    });
    return { name: s.name, species: s.species, volumeChange, removal };
  });
  const label = { zh: '森林碳汇（清除量）', en: 'forest carbon removals' };
  const total = results.length
    ? lb.sum('sink.total', label, results.map((x) => x.removal), 'tCO2')
    : lb.add({ id: 'sink.total', label, value: 0, unit: 'tCO2', formula: '无森林数据', notes: ['未提供森林资源数据：碳汇未核算（不是核算结果为零）'] });
  return { strata: results, total };
}
