/**
 * The accounting interchange formats (zod schemas) and their parsers. Every error names the field
 * (dotted path, with the table line where there is one) in Chinese and English.
 *
 *  - `shuangtan.regional-balance/1`  a region's energy balance, generation, processes, forest, economy, method
 *  - `shuangtan.enterprise-report/1` an enterprise's annual GHG report per the national industry guidelines
 *
 * See samples/README.md for the field-by-field description and samples/*.json for examples.
 */
import { parseWith } from './schema-common.ts';
import { RegionalBalanceSchema, type RegionalBalanceInput } from './schema-regional.ts';
import { EnterpriseReportSchema, type EnterpriseReportInput } from './schema-enterprise.ts';

export * from './schema-common.ts';
export * from './schema-process.ts';
export * from './schema-regional.ts';
export * from './schema-enterprise.ts';

export function parseRegionalBalance(data: unknown): RegionalBalanceInput {
  return parseWith(RegionalBalanceSchema, data, { zh: '区域能源平衡数据', en: 'regional balance' });
}

export function parseEnterpriseReport(data: unknown): EnterpriseReportInput {
  return parseWith(EnterpriseReportSchema, data, { zh: '企业温室气体报告', en: 'enterprise report' });
}
