import { DomainError } from '../errors.ts';
import type { FactorSetId } from '../factors/index.ts';
import type { EnterpriseResult } from './enterprise.ts';
import type { RegionalInventory } from './inventory.ts';
import { LineageBuilder, type Figure, type LineageNode } from './lineage.ts';
import { PROCESS_CATEGORY_LABELS, type ProcessCategory } from './schema-process.ts';

export interface BottomUp {
  readonly regionCode: string;
  readonly year: number;
  readonly factorSet: FactorSetId;
  readonly enterprises: { readonly name: string; readonly creditCode: string; readonly inputHash: string }[];
  readonly combustion: { readonly byFuel: { fuel: string; co2: Figure }[]; readonly total: Figure };
  readonly process: { readonly byCategory: { category: ProcessCategory; co2: Figure }[]; readonly co2: Figure };
  readonly indirect: { readonly electricity: Figure; readonly heat: Figure; readonly total: Figure };
  readonly electricityNet: Figure;
  readonly energy: Figure;
  readonly co2Direct: Figure;
  readonly lineage: Record<string, LineageNode>;
}

function refuse(zh: string, en: string, field = 'enterprises'): DomainError {
  return new DomainError('bottom_up_incompatible', { field, zh: `${field}：不能汇总：${zh}`, en: `${field}: cannot be summed: ${en}` });
}

/**
 * Sums enterprise results bottom-up into a region: same year, same factor set, same electricity series —
 * otherwise the sum would mix factors and is refused. Every figure's lineage points to the enterprise
 * result figures it adds (`<creditCode>:<node id>`).
 */
export function aggregateEnterprises(results: readonly EnterpriseResult[], opts: { regionCode: string; year: number; regionCodes?: readonly string[] }): BottomUp {
  if (!results.length) throw refuse('没有企业结果', 'no enterprise results');
  const allowed = new Set(opts.regionCodes ?? [opts.regionCode]);
  const first = results[0];
  results.forEach((r, i) => {
    const f = `enterprises.${i}`;
    if (r.year !== opts.year) throw refuse(`${r.enterprise.name} 的年份为 ${r.year}，不是 ${opts.year}`, `${r.enterprise.name} is for ${r.year}, not ${opts.year}`, f);
    if (!allowed.has(r.enterprise.regionCode)) throw refuse(`${r.enterprise.name} 属于 ${r.enterprise.regionCode}，不在 ${[...allowed].join('、')}`, `${r.enterprise.name} is in ${r.enterprise.regionCode}, not in ${[...allowed].join(', ')}`, f);
    if (r.factorSet.fingerprint !== first.factorSet.fingerprint) throw refuse(`${r.enterprise.name} 使用了不同的因子集`, `${r.enterprise.name} used a different factor set`, f);
    const a = r.method.electricityFactor;
    const b = first.method.electricityFactor;
    if (a.series !== b.series || a.key !== b.key) throw refuse(`${r.enterprise.name} 的电力排放因子系列（${a.series}/${a.key}）与其他企业（${b.series}/${b.key}）不同`, `${r.enterprise.name} uses electricity series ${a.series}/${a.key}, others ${b.series}/${b.key}`, f);
  });
  const lb = new LineageBuilder();
  const codes = results.map((r) => r.enterprise.creditCode);
  const sumOf = (id: string, label: { zh: string; en: string }, pick: (r: EnterpriseResult) => Figure[], unit: string): Figure => {
    let value = 0;
    const inputs: string[] = [];
    results.forEach((r, i) => {
      for (const fig of pick(r)) {
        if (fig.unit !== unit) throw new Error(`aggregate: ${fig.unit} ≠ ${unit}`);
        value += fig.value;
        inputs.push(`${codes[i]}:${fig.lineage}`);
      }
    });
    return lb.add({ id, label, value, unit, formula: 'Σ 企业', inputs });
  };
  const fuels = [...new Set(results.flatMap((r) => r.combustion.lines.map((l) => l.fuel)))];
  const byFuel = fuels.map((fuel) => ({ fuel, co2: sumOf(`bottomUp.combustion.${fuel}`, { zh: `${fuel}燃烧CO2（企业汇总）`, en: `${fuel} combustion CO2 (enterprises)` }, (r) => r.combustion.lines.filter((l) => l.fuel === fuel).map((l) => l.co2), 'tCO2') }));
  const combustionTotal = lb.sum('bottomUp.combustion.total', { zh: '化石燃料燃烧CO2（企业汇总）', en: 'combustion CO2 (enterprises)' }, byFuel.map((x) => x.co2), 'tCO2');
  const cats = [...new Set(results.flatMap((r) => r.process.lines.filter((l) => l.gas === 'CO2').map((l) => l.category)))];
  const byCategory = cats.map((category) => ({
    category,
    co2: sumOf(`bottomUp.process.${category}`, { zh: `${PROCESS_CATEGORY_LABELS[category].zh}CO2（企业汇总）`, en: `${PROCESS_CATEGORY_LABELS[category].en} CO2 (enterprises)` }, (r) => r.process.lines.filter((l) => l.category === category && l.gas === 'CO2').map((l) => l.emission), 'tCO2'),
  }));
  const processCo2 = lb.sum('bottomUp.process.co2', { zh: '工业过程CO2（企业汇总）', en: 'process CO2 (enterprises)' }, byCategory.map((x) => x.co2), 'tCO2');
  const electricity = sumOf('bottomUp.indirect.electricity', { zh: '净购入电力排放（企业汇总）', en: 'net purchased electricity (enterprises)' }, (r) => [r.indirect.electricity.co2], 'tCO2');
  const heat = sumOf('bottomUp.indirect.heat', { zh: '净购入热力排放（企业汇总）', en: 'net purchased heat (enterprises)' }, (r) => [r.indirect.heat.co2], 'tCO2');
  const indirectTotal = lb.sum('bottomUp.indirect.total', { zh: '间接排放（企业汇总）', en: 'indirect (enterprises)' }, [electricity, heat], 'tCO2');
  const electricityNet = sumOf('bottomUp.electricity.net', { zh: '净购入电量（企业汇总）', en: 'net purchased electricity (enterprises)' }, (r) => [r.indirect.electricity.net], 'kWh');
  const energy = sumOf('bottomUp.energy', { zh: '综合能源消费量（企业汇总）', en: 'energy consumption (enterprises)' }, (r) => [r.energy.total], 'tce');
  const co2Direct = lb.sum('bottomUp.co2Direct', { zh: '直接CO2（企业汇总）', en: 'direct CO2 (enterprises)' }, [combustionTotal, processCo2], 'tCO2');
  return {
    regionCode: opts.regionCode, year: opts.year, factorSet: first.factorSet,
    enterprises: results.map((r) => ({ name: r.enterprise.name, creditCode: r.enterprise.creditCode, inputHash: r.inputHash })),
    combustion: { byFuel, total: combustionTotal }, process: { byCategory, co2: processCo2 }, indirect: { electricity, heat, total: indirectTotal },
    electricityNet, energy, co2Direct, lineage: lb.toRecord(),
  };
}

export interface Coverage {
  /** enterprise combustion CO2 ÷ the inventory's industry combustion CO2 */
  readonly industryCombustion: Figure;
  /** enterprise process CO2 ÷ the inventory's process CO2, by category present in both */
  readonly process: { category: ProcessCategory; share: Figure }[];
  readonly lineage: Record<string, LineageNode>;
}

/** How much of the regional inventory the reporting enterprises cover (same region, year and factor set). */
export function compareBottomUp(bu: BottomUp, inv: RegionalInventory): Coverage {
  if (bu.year !== inv.year || bu.regionCode !== inv.region.code) throw refuse('地区或年份与清单不同', 'region or year differs from the inventory', 'inventory');
  if (bu.factorSet.fingerprint !== inv.factorSet.fingerprint) throw refuse('企业与区域清单使用了不同的因子集', 'enterprises and the inventory used different factor sets', 'inventory');
  const lb = new LineageBuilder();
  const industry = inv.co2.combustion.bySector.find((s) => s.sector === 'industry')?.figure;
  const share = (id: string, label: { zh: string; en: string }, num: Figure, den: Figure | undefined) =>
    lb.add({ id, label, value: den && den.value !== 0 ? num.value / den.value : 0, unit: '1', formula: '企业汇总 ÷ 区域清单', inputs: [`bottomUp:${num.lineage}`, ...(den ? [`inventory:${den.lineage}`] : [])], notes: den ? [] : ['清单中无此项'] });
  return {
    industryCombustion: share('coverage.industryCombustion', { zh: '企业燃烧排放占工业燃烧排放比重', en: 'enterprise share of industrial combustion CO2' }, bu.combustion.total, industry),
    process: bu.process.byCategory.map((c) => ({
      category: c.category,
      share: share(`coverage.process.${c.category}`, { zh: `企业${PROCESS_CATEGORY_LABELS[c.category].zh}排放占清单比重`, en: `enterprise share of ${PROCESS_CATEGORY_LABELS[c.category].en}` }, c.co2, inv.co2.process.byCategory.find((x) => x.category === c.category)?.co2e),
    })),
    lineage: lb.toRecord(),
  };
}
