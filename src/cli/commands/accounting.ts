import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DomainError } from '../../core/errors.ts';
import { computeEnterpriseReport, computeRegionalInventory, parseRegionalBalance, type EnterpriseResult, type RegionalInventory } from '../../core/accounting/index.ts';
import { addLocalFactorFile, restoreFactorSet, seedFactorSet, type FactorSet } from '../../core/factors/index.ts';
import { REFERENCE_URL } from '../../server/accounting/factor-sets.ts';
import { located, parseJsonFile, readBalanceFile } from '../../server/accounting/workbook/files.ts';
import { balanceWorkbook } from '../../server/accounting/workbook/write.ts';

function readFile(path: string, field: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new DomainError('file_unreadable', { field, zh: `${field}：无法读取文件 ${path}：${(e as Error).message}`, en: `${field}: cannot read ${path}: ${(e as Error).message}` });
  }
}

/**
 * The factor set of a command: the seed set built from assets/reference (as the platform seeds it), or with
 * --factor-set a local factor file added to it as a new version, or a factor set exported whole (checked
 * against its fingerprint).
 */
export function cliFactorSet(file?: string): FactorSet {
  const seed = seedFactorSet(JSON.parse(readFileSync(REFERENCE_URL, 'utf8')));
  if (!file) return seed;
  const json = parseJsonFile(basename(file), readFile(file, '--factor-set'), '--factor-set');
  if ('fingerprint' in json && 'records' in json) return restoreFactorSet(json);
  return addLocalFactorFile(seed, json, { name: typeof json.name === 'string' ? json.name : undefined });
}

const fmt = (v: number, digits = 2) => v.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function inventoryText(r: RegionalInventory): string {
  const t = r.co2.totals;
  const pct = (v: number) => `${fmt(v * 100)} %`;
  return [
    `${r.region.name}（${r.region.code}）${r.year}年区域碳排放清单 / regional inventory`,
    `因子集 / factor set: ${r.factorSet.name} v${r.factorSet.version} (${r.factorSet.fingerprint.slice(0, 12)}…)；电力折标 / electricity: ${r.method.electricityConversionLabel.zh}`,
    `能源消费总量 / total energy:            ${fmt(r.energy.total.value / 1e4, 4)} 万吨标准煤`,
    `非化石能源比重 / non-fossil share:       ${pct(r.energy.nonFossilShare.value)}`,
    `燃烧CO2 / combustion CO2:               ${fmt(r.co2.combustion.total.value / 1e4, 4)} 万吨`,
    `工业过程CO2 / process CO2:              ${fmt(r.co2.process.co2.value / 1e4, 4)} 万吨`,
    `间接排放 / indirect (net inflows):      ${fmt(t.indirect.value / 1e4, 4)} 万吨`,
    `CO2排放总量（含间接）/ total incl. indirect: ${fmt(t.withIndirect.value / 1e4, 4)} 万吨`,
    `碳汇 / removals:                        ${fmt(r.co2.sinks.total.value / 1e4, 4)} 万吨`,
    `单位GDP能耗 / energy intensity:         ${fmt(r.intensity.energy.value, 4)} 吨标准煤/万元`,
    `单位GDP CO2 / CO2 intensity:            ${fmt(r.intensity.co2.value, 4)} 吨二氧化碳/万元`,
    ...(r.co2.reference.relativeDifference ? [`参考法差异 / reference approach:      ${pct(r.co2.reference.relativeDifference.value)}`] : []),
    `质量提示 / quality flags: ${r.qualityFlags.length}（--json 输出全部数字与溯源 / --json prints every figure with its lineage）`,
  ].join('\n');
}

function enterpriseText(r: EnterpriseResult): string {
  return [
    `${r.enterprise.name}（${r.enterprise.creditCode}）${r.year}年温室气体排放 / GHG report`,
    `因子集 / factor set: ${r.factorSet.name} v${r.factorSet.version}`,
    `化石燃料燃烧 / combustion:      ${fmt(r.combustion.total.value)} tCO2`,
    `工业过程 / process:             ${fmt(r.process.total.value)} tCO2e`,
    `净购入电力热力 / indirect:      ${fmt(r.totals.indirect.value)} tCO2`,
    `排放总量 / total:               ${fmt(r.totals.total.value)} tCO2e`,
    `综合能源消费量 / energy:        ${fmt(r.energy.total.value)} tce`,
    ...r.intensity.map((i) => `单位${i.product}排放 / per ${i.product}: ${fmt(i.total.value, 4)} ${i.total.unit}`),
  ].join('\n');
}

export function registerAccountingCommands(program: Command) {
  program.command('inventory [FILE]')
    .description('compute a regional inventory from a balance: JSON (shuangtan.regional-balance/1) or the filled Excel template (.xlsx)')
    .option('--json', 'print the full result (shuangtan.regional-inventory/1, every figure with its lineage) as JSON')
    .option('--factor-set <FILE>', 'a local factor file added to the seed set as a new version, or an exported factor set; default: the seed set of assets/reference')
    .option('--xlsx <OUT>', 'write the balance as a filled Excel template to OUT (without FILE: the blank template)')
    .action(async (file: string | undefined, o: { json?: boolean; factorSet?: string; xlsx?: string }) => {
      if (!file) {
        if (!o.xlsx) throw new DomainError('invalid_input', { field: 'FILE', zh: 'FILE：请给出能源平衡文件（.json 或 .xlsx）', en: 'FILE: give a balance file (.json or .xlsx)' });
        writeFileSync(o.xlsx, await balanceWorkbook(null));
        console.log(`空白模板已写入 / blank template written: ${o.xlsx}`);
        return;
      }
      const { balance, locator } = await readBalanceFile(basename(file), readFile(file, 'FILE'), 'FILE');
      const set = cliFactorSet(o.factorSet);
      const result = await located(locator, () => computeRegionalInventory(balance, set));
      if (o.xlsx) writeFileSync(o.xlsx, await balanceWorkbook(parseRegionalBalance(balance)));
      console.log(o.json ? JSON.stringify(result, null, 2) : inventoryText(result));
    });
  program.command('enterprise <FILE>')
    .description("compute an enterprise's annual GHG report (shuangtan.enterprise-report/1, JSON)")
    .option('--json', 'print the full result (shuangtan.enterprise-result/1) as JSON')
    .option('--factor-set <FILE>', 'a local factor file added to the seed set as a new version, or an exported factor set; default: the seed set of assets/reference')
    .action((file: string, o: { json?: boolean; factorSet?: string }) => {
      const report = parseJsonFile(basename(file), readFile(file, 'FILE'), 'FILE');
      const result = computeEnterpriseReport(report, cliFactorSet(o.factorSet));
      console.log(o.json ? JSON.stringify(result, null, 2) : enterpriseText(result));
    });
}
