import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { REGIONAL_SCHEMA_ID } from '../core/accounting/schema-regional.ts';
import { ENTERPRISE_SCHEMA_ID } from '../core/accounting/schema-enterprise.ts';

/**
 * Shared shapes of the carbon-accounting API (factor library, regional inventories, enterprise reports).
 * The inputs are the core's interchange formats (src/core/accounting/samples/README.md), validated by the
 * core itself so that every error names the table line; the full results are the core's result types
 * (`RegionalInventory`, `EnterpriseResult` in src/core/accounting), carried as `result`.
 * The local factor file (body of a new factor-set version) is `LocalFactorFile` of src/core/factors/local.ts.
 */
export type { LocalFactorFile } from '../core/factors/local.ts';

const Year = z.number().int().min(1990).max(2100);
const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const FactorSetRef = z.object({ id: z.number().int(), name: z.string(), version: z.number().int(), fingerprint: z.string() });
export type FactorSetRef = z.infer<typeof FactorSetRef>;

export const FactorSetOut = FactorSetRef.extend({
  parentId: z.number().int().nullable(),
  parentFingerprint: z.string().nullable(),
  recordCount: z.number().int(),
  note: z.string().nullable(),
  seed: z.boolean().describe('built from assets/reference/accounting-data.json'),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  intact: z.boolean().describe('the stored content still has its fingerprint (false = changed behind the platform\'s back; the set is refused)'),
});
export type FactorSetOut = z.infer<typeof FactorSetOut>;

export const FactorRecordRow = z.object({
  ref: z.string().describe('id@version — what results cite'),
  slot: z.string(),
  kind: z.string(),
  key: z.string(),
  series: z.string(),
  years: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
  value: z.number(),
  unit: z.string(),
  unitQualifier: z.string().nullable(),
  version: z.number().int(),
  head: z.boolean().describe('the newest version of its slot (the one a calculation selects)'),
  status: z.enum(['verified', 'single-source', 'derived', 'local', 'measured']),
  confirmations: z.number().int(),
  sources: z.array(z.string()),
  documents: z.array(z.string()),
  notes: z.array(z.string()),
  disputed: z.boolean(),
  alternatives: z.array(z.string()),
  supersedes: z.string().nullable(),
  origin: z.string().nullable(),
  weak: z.boolean().describe('single-source or disputed: usable only with an explicit factorPolicy'),
  mark: Bilingual.nullable().describe('单一来源 / 有争议, for the table'),
});
export type FactorRecordRow = z.infer<typeof FactorRecordRow>;

export const FactorSetDetail = FactorSetOut.extend({
  defaults: z.record(z.string(), z.string()),
  sources: z.record(z.string(), z.object({ kind: z.string(), title: z.string(), issuer: z.string().optional(), year: z.string().optional(), url: z.string().optional() })),
  records: z.array(FactorRecordRow),
});
export type FactorSetDetail = z.infer<typeof FactorSetDetail>;

export const FactorRecordQuery = z.object({
  kind: z.string().max(64).optional(),
  q: z.string().max(64).optional().describe('substring of key, series or sources'),
  weak: z.enum(['true', 'false']).optional(),
  head: z.enum(['true', 'false']).optional(),
});

export const Figure = z.object({ value: z.number(), unit: z.string(), lineage: z.string() });

/** Key figures of an inventory, for lists and cards (the full result has every breakdown). */
export const InventorySummary = z.object({
  energyTotal: Figure,
  nonFossilShare: Figure,
  co2Combustion: Figure,
  co2Process: Figure,
  co2Indirect: Figure,
  co2Direct: Figure,
  co2WithIndirect: Figure,
  removals: Figure,
  co2NetWithIndirect: Figure,
  energyIntensity: Figure,
  co2Intensity: Figure,
  referenceRelativeDifference: Figure.nullable(),
  electricityConversion: Bilingual,
  qualityFlags: z.number().int(),
});
export type InventorySummary = z.infer<typeof InventorySummary>;

export const InventoryBody = z
  .looseObject({
    schema: z.literal(REGIONAL_SCHEMA_ID),
    factorSetId: Id.optional().describe('factor set to compute with; default: the seed set built from assets/reference'),
  })
  .describe('A regional balance (shuangtan.regional-balance/1, see src/core/accounting/samples/README.md) plus factorSetId');

export const InventoryComputed = z.object({ factorSet: FactorSetRef, summary: InventorySummary, result: z.unknown().describe('shuangtan.regional-inventory/1') });
export type InventoryComputed = z.infer<typeof InventoryComputed>;

export const InventoryListItem = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  factorSet: FactorSetRef,
  inputHash: z.string(),
  calculator: z.string(),
  sourceName: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  summary: InventorySummary,
});
export type InventoryListItem = z.infer<typeof InventoryListItem>;

export const FedObservation = z.object({
  indicatorCode: z.string(),
  value: z.number(),
  unit: z.string(),
  written: z.boolean(),
  reason: Bilingual.nullable().describe('why an existing value was kept'),
});

export const InventoryDetail = InventoryListItem.extend({
  input: z.unknown().describe('the balance as submitted'),
  result: z.unknown().describe('shuangtan.regional-inventory/1 with its lineage'),
  reduction: z.unknown().nullable().describe('reduction rates against baseYear (compareWithBase), when asked'),
  fed: z.array(FedObservation).optional().describe('indicator observations written when the inventory was stored'),
});
export type InventoryDetail = z.infer<typeof InventoryDetail>;

export const InventoryQuery = z.object({ region: z.string().max(32).optional(), year: z.coerce.number().int().min(1990).max(2100).optional() });
export const InventoryDetailQuery = z.object({ baseYear: z.coerce.number().int().min(1990).max(2100).optional() });

export const LineageNodeOut = z.object({
  id: z.string(),
  label: Bilingual,
  value: z.number(),
  unit: z.string(),
  formula: z.string().optional(),
  inputs: z.array(z.string()),
  factors: z.array(z.string()),
  from: z.array(z.string()),
  notes: z.array(z.string()),
});

/** The calculation sheet behind one number: its node, every node it was built from, the input lines and factor records. */
export const ExplainOut = z.object({
  figure: LineageNodeOut,
  nodes: z.array(LineageNodeOut).describe('the figure first, then what it was built from, breadth first'),
  inputs: z.array(z.object({ path: z.string(), ref: z.string().nullable(), line: z.unknown() })),
  factors: z.array(FactorRecordRow),
  factorSet: FactorSetRef,
});

export const InventoryVerifyOut = z.object({
  id: z.number().int(),
  factorSetIntact: z.boolean(),
  identical: z.boolean().describe('recomputing the stored input with the stored set gives the stored result, bit for bit'),
  differences: z.array(z.string()),
  problem: Bilingual.nullable(),
});

export const XlsxFile = z.object({ name: z.string().min(1).max(300), contentBase64: z.string().min(1).max(14_000_000) });

export const InventoryImportBody = z.object({
  file: XlsxFile.describe('the filled template (.xlsx)'),
  factorSetId: Id.optional(),
  store: z.boolean().default(false).describe('true: store the inventory (office/district of its region); false: compute only'),
});

export const InventoryImportOut = z.object({
  balance: z.unknown().describe('the workbook read as shuangtan.regional-balance/1'),
  computed: InventoryComputed,
  stored: InventoryDetail.nullable(),
});

export const REPORT_STATUSES = ['draft', 'submitted'] as const;

export const EnterpriseReportBody = z
  .looseObject({
    schema: z.literal(ENTERPRISE_SCHEMA_ID),
    factorSetId: Id.optional(),
    organisationId: Id.optional().describe('default: the caller\'s own enterprise'),
    status: z.enum(REPORT_STATUSES).default('submitted'),
  })
  .describe('An enterprise report (shuangtan.enterprise-report/1) plus factorSetId, organisationId and status');

export const EnterpriseSummary = z.object({
  combustion: Figure,
  process: Figure,
  indirect: Figure,
  co2Direct: Figure,
  direct: Figure,
  total: Figure,
  energy: Figure,
  measuredShare: Figure,
  intensity: z.array(z.object({ product: z.string(), total: Figure, direct: Figure })),
  qualityFlags: z.number().int(),
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;

export const EnterpriseReportOut = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  factorSet: FactorSetRef,
  inputHash: z.string(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  summary: EnterpriseSummary,
});
export type EnterpriseReportOut = z.infer<typeof EnterpriseReportOut>;

export const EnterpriseReportDetail = EnterpriseReportOut.extend({ input: z.unknown(), result: z.unknown().describe('shuangtan.enterprise-result/1') });

export const EnterpriseReportQuery = z.object({
  organisation: Id.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  region: z.string().max(32).optional(),
});

export const BottomUpQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  inventory: Id.optional().describe('default: the latest stored inventory of the region and year'),
  includeDrafts: z.enum(['true', 'false']).optional(),
});

export const BottomUpOut = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: Year,
  inventoryId: z.number().int().nullable(),
  factorSet: FactorSetRef,
  enterprises: z.array(z.object({
    reportId: z.number().int(), organisationId: z.number().int(), name: z.string(), creditCode: z.string(), regionCode: z.string(),
    status: z.enum(REPORT_STATUSES), recomputed: z.boolean().describe('stored with another factor set: recomputed with the inventory\'s'),
  })),
  excluded: z.array(z.object({ reportId: z.number().int(), name: z.string(), zh: z.string(), en: z.string() })),
  rows: z.array(z.object({ item: z.string(), zh: z.string(), en: z.string(), unit: z.string(), bottomUp: z.number(), inventory: z.number().nullable(), share: z.number().nullable() })),
  bottomUp: z.unknown().nullable().describe('aggregateEnterprises result with lineage'),
  coverage: z.unknown().nullable().describe('compareBottomUp result with lineage'),
});
export type BottomUpOut = z.infer<typeof BottomUpOut>;
