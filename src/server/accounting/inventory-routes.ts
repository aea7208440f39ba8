import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import {
  ExplainOut, InventoryBody, InventoryComputed, InventoryDetail, InventoryDetailQuery, InventoryImportBody, InventoryImportOut, InventoryListItem,
  InventoryQuery, InventoryVerifyOut,
} from '../../contracts/accounting.ts';
import { parseRegionalBalance } from '../../core/accounting/index.ts';
import { computeInventory, getInventory, listInventories, loadInventory, storeInventory, verifyInventory } from './inventories.ts';
import { explainFigure } from './explain.ts';
import { balanceWorkbook } from './workbook/write.ts';
import { XLSX_TYPE } from './workbook/layout.ts';
import { located, readBalanceFile } from './workbook/files.ts';

function sendXlsx(reply: FastifyReply, buf: Buffer, name: string, ascii: string): Buffer {
  reply.header('content-type', XLSX_TYPE);
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  reply.header('cache-control', 'no-store');
  return buf;
}

export const inventoryRoutes = [
  defineRoute({
    method: 'GET', url: '/api/inventories/template.xlsx', tag: 'accounting', access: 'inventory.compute',
    summary: 'The Excel template of a regional balance (能源平衡表, 发电量, 工业过程, 森林资源, 经济社会, 核算方法, with drop-downs and instructions)',
    response: z.unknown(), produces: XLSX_TYPE,
    handler: async ({ reply }) => sendXlsx(reply, await balanceWorkbook(null), '区域能源平衡与清单输入模板.xlsx', 'regional-balance-template.xlsx'),
  }),
  defineRoute({
    method: 'POST', url: '/api/inventories/compute', tag: 'accounting', access: 'inventory.compute',
    summary: 'Validate and compute a regional inventory from a balance; writes nothing', body: InventoryBody, response: InventoryComputed,
    handler: async ({ ctx, body }) => {
      const { factorSet, summary, result } = await computeInventory(ctx.db, body);
      return { factorSet, summary, result };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/inventories', tag: 'accounting', access: 'inventory.write', status: 201,
    summary: 'Compute and store a regional inventory (office or district of its region); feeds the plan indicators as computed observations',
    body: InventoryBody, response: InventoryDetail,
    handler: ({ ctx, principal, body }) => storeInventory(ctx, principal, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/inventories/import', tag: 'accounting', access: 'inventory.compute',
    summary: 'Read a filled template (.xlsx, base64) or a JSON balance; compute it, and store it when store=true. Errors name sheet, row and column',
    body: InventoryImportBody, response: InventoryImportOut,
    handler: async ({ ctx, principal, body }) => {
      const { balance, locator } = await readBalanceFile(body.file.name, Buffer.from(body.file.contentBase64, 'base64'));
      const withSet = { ...balance, ...(body.factorSetId === undefined ? {} : { factorSetId: body.factorSetId }) };
      if (body.store) {
        const stored = await located(locator, () => storeInventory(ctx, principal, withSet, body.file.name));
        return { balance, computed: { factorSet: stored.factorSet, summary: stored.summary, result: stored.result }, stored };
      }
      const c = await located(locator, () => computeInventory(ctx.db, withSet));
      return { balance, computed: { factorSet: c.factorSet, summary: c.summary, result: c.result }, stored: null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/inventories', tag: 'accounting', access: 'inventory.read', summary: 'Stored regional inventories (newest first per region)',
    query: InventoryQuery, response: z.array(InventoryListItem), handler: ({ ctx, query }) => listInventories(ctx.db, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/inventories/:id', tag: 'accounting', access: 'inventory.read',
    summary: 'A stored inventory: input, result with lineage, and (baseYear) reduction rates against the base year computed with the same set',
    params: IdParams, query: InventoryDetailQuery, response: InventoryDetail,
    handler: ({ ctx, params, query }) => getInventory(ctx.db, params.id, query.baseYear),
  }),
  defineRoute({
    method: 'GET', url: '/api/inventories/:id/explain/:figure', tag: 'accounting', access: 'inventory.read',
    summary: 'The calculation sheet behind one figure (a lineage node id such as energy.total or co2.combustion.total)',
    params: z.object({ id: z.coerce.number().int().positive(), figure: z.string().min(1).max(200) }), response: ExplainOut,
    handler: ({ ctx, params }) => explainFigure(ctx.db, params.id, params.figure),
  }),
  defineRoute({
    method: 'GET', url: '/api/inventories/:id/verify', tag: 'accounting', access: 'inventory.read',
    summary: 'Recompute a stored inventory from its stored input and factor set and compare with the stored result',
    params: IdParams, response: InventoryVerifyOut, handler: ({ ctx, params }) => verifyInventory(ctx.db, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/inventories/:id/input.xlsx', tag: 'accounting', access: 'inventory.read',
    summary: 'The stored balance as a filled Excel template', params: IdParams, response: z.unknown(), produces: XLSX_TYPE,
    handler: async ({ ctx, params, reply }) => {
      const { row, input } = await loadInventory(ctx.db, params.id);
      const buf = await balanceWorkbook(parseRegionalBalance(input));
      return sendXlsx(reply, buf, `${row.region_name}-${row.year}-能源平衡.xlsx`, `inventory-${row.id}-${row.year}.xlsx`);
    },
  }),
];
