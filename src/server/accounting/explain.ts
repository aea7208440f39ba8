import type { Queryable } from '../../db/index.ts';
import { explain, type LineageNode } from '../../core/accounting/index.ts';
import { refOf } from '../../core/factors/index.ts';
import { notFound } from '../http/errors.ts';
import { loadFactorSet, recordRows, setRef } from './factor-sets.ts';
import { loadInventory } from './inventories.ts';

/** `energyBalance.12 (能源平衡表!D12)` → the path and the ref the line carried. */
function splitInput(s: string): { path: string; ref: string | null } {
  const m = /^(.*?) \((.*)\)$/.exec(s);
  return m ? { path: m[1], ref: m[2] } : { path: s, ref: null };
}

/** The value at a dotted path of the stored input (`energyBalance.12`, `economy.gdpComparable`), or null. */
function at(input: unknown, path: string): unknown {
  let cur: unknown = input;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur ?? null;
}

/**
 * The calculation sheet behind one figure of a stored inventory: its lineage node, every node it was built
 * from (breadth first), the input lines it read (resolved in the stored input) and the factor records it used
 * (resolved in the stored factor set, which must still match its fingerprint).
 */
export async function explainFigure(q: Queryable, id: number, figure: string) {
  const { row, input, result } = await loadInventory(q, id);
  const lineage = result.lineage;
  if (!Object.hasOwn(lineage, figure)) throw notFound(`清单 #${id} 中的数字“${figure}”`, `Figure "${figure}" of inventory #${id}`, 'figure');
  const reach = explain(lineage, figure);
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = [figure];
  while (queue.length) {
    const cur = queue.shift() as string;
    if (seen.has(cur)) continue;
    seen.add(cur);
    order.push(cur);
    queue.push(...lineage[cur].from);
  }
  const loaded = await loadFactorSet(q, row.factor_set_id, 'field', 'factorSet');
  const wanted = new Set(reach.factors);
  const node = (n: LineageNode) => ({ ...n, inputs: [...n.inputs], factors: [...n.factors], from: [...n.from], notes: [...n.notes] });
  return {
    figure: node(lineage[figure]),
    nodes: order.map((k) => node(lineage[k])),
    inputs: reach.inputs.map((s) => {
      const { path, ref } = splitInput(s);
      return { path, ref, line: at(input, path) };
    }),
    factors: recordRows(loaded.set, loaded.set.records.filter((r) => wanted.has(refOf(r)))),
    factorSet: setRef(loaded.row),
  };
}
