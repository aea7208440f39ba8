import { z } from 'zod';
import {
  BottomUpOut, EnterpriseReportDetail, EnterpriseReportOut, ExplainOut, FactorSetDetail, FactorSetOut, InventoryDetail, InventoryImportOut,
  InventoryListItem, InventoryVerifyOut, type LocalFactorFile,
} from '../../../../src/contracts/accounting.ts';
import type { EnterpriseResult, LineageNode, Reduction, RegionalInventory } from '../../../../src/core/accounting/index.ts';
import { api, withQuery } from '../../app/api.ts';
import { downloadFile } from '../../shared/files.ts';

/**
 * 碳核算 endpoints (src/server/accounting). Responses are checked against their contract schemas; the
 * results the contracts carry as `unknown` (the core's RegionalInventory, Reduction and EnterpriseResult)
 * are checked for their schema id and typed with the core's own types, never re-declared here.
 */
export type { EnterpriseResult, LineageNode, Reduction, RegionalInventory };
export type Explain = z.output<typeof ExplainOut>;
export type FactorRow = z.output<typeof FactorSetDetail>['records'][number];
export type ImportResult = z.output<typeof InventoryImportOut>;

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const Inventory = z.custom<RegionalInventory>((v) => obj(v) && v.schema === 'shuangtan.regional-inventory/1' && obj(v.lineage));
const ReductionShape = z.custom<Reduction>((v) => obj(v) && typeof v.baseYear === 'number' && obj(v.lineage));
const EnterpriseShape = z.custom<EnterpriseResult>((v) => obj(v) && v.schema === 'shuangtan.enterprise-result/1' && obj(v.lineage));

const InventoryFull = InventoryDetail.extend({ result: Inventory, reduction: ReductionShape.nullable() });
export type InventoryFull = z.output<typeof InventoryFull>;
const ReportFull = EnterpriseReportDetail.extend({ result: EnterpriseShape });
export type ReportFull = z.output<typeof ReportFull>;

export interface RecordFilter { kind?: string; q?: string; weak?: boolean; head?: boolean }
export interface XlsxUpload { name: string; contentBase64: string }

export const accountingApi = {
  factorSets: () => api.get('/api/factor-sets', z.array(FactorSetOut)),
  factorSet: (id: number, f: RecordFilter = {}) =>
    api.get(`/api/factor-sets/${id}`, FactorSetDetail, { kind: f.kind, q: f.q, weak: f.weak ? 'true' : undefined, head: f.head ? 'true' : undefined }),
  /**
   * The source catalogue of a set (titles of the source ids records cite), without its records: the set
   * filtered by a kind no record has. The API has no endpoint for the catalogue alone.
   */
  factorSources: async (id: number) => (await accountingApi.factorSet(id, { kind: '-' })).sources,
  addVersion: (parentId: number, body: LocalFactorFile) => api.post(`/api/factor-sets/${parentId}/versions`, FactorSetOut, body),

  inventories: (region: string) => api.get('/api/inventories', z.array(InventoryListItem), { region }),
  inventory: (id: number, baseYear?: number) => api.get(`/api/inventories/${id}`, InventoryFull, { baseYear }),
  explain: (id: number, figure: string) => api.get(`/api/inventories/${id}/explain/${encodeURIComponent(figure)}`, ExplainOut),
  verify: (id: number) => api.get(`/api/inventories/${id}/verify`, InventoryVerifyOut),
  importWorkbook: (file: XlsxUpload, factorSetId: number | undefined, store: boolean) =>
    api.post('/api/inventories/import', InventoryImportOut, { file, factorSetId, store }),
  downloadTemplate: () => downloadFile('/api/inventories/template.xlsx', 'regional-balance-template.xlsx'),
  downloadInput: (id: number) => downloadFile(`/api/inventories/${id}/input.xlsx`, `inventory-${id}.xlsx`),

  reports: (region?: string) => api.get('/api/enterprise-reports', z.array(EnterpriseReportOut), { region }),
  report: (id: number) => api.get(`/api/enterprise-reports/${id}`, ReportFull),
  bottomUp: (region: string, year: number) => api.get(withQuery(`/api/regions/${encodeURIComponent(region)}/bottom-up`, { year }), BottomUpOut),
};
