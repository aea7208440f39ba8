/**
 * Lineage: every figure of a result points to a node that says how it was obtained — the formula, the
 * input lines it read, the factor records (`id@version`) it used, and the nodes it was built from.
 */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export interface LineageNode {
  readonly id: string;
  readonly label: Label;
  readonly value: number;
  readonly unit: string;
  /** human-readable formula, e.g. `Q × NCV × CC × OF × 44/12` */
  readonly formula?: string;
  /** input paths, e.g. `energyBalance.12` (with the row's own ref when given) */
  readonly inputs: readonly string[];
  /** factor refs `id@version` */
  readonly factors: readonly string[];
  /** ids of the nodes this one was computed from */
  readonly from: readonly string[];
  readonly notes: readonly string[];
}

/** A number of a result, with its unit and the lineage node explaining it. */
export interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly lineage: string;
}

export interface NodeSpec {
  id: string;
  label: Label;
  value: number;
  unit: string;
  formula?: string;
  inputs?: readonly string[];
  factors?: readonly string[];
  from?: readonly string[];
  notes?: readonly string[];
}

export class LineageBuilder {
  private readonly nodes = new Map<string, LineageNode>();

  /** Adds a node; ids are unique within a result. */
  add(spec: NodeSpec): Figure {
    if (this.nodes.has(spec.id)) throw new Error(`lineage: duplicate node id ${spec.id}`);
    if (!Number.isFinite(spec.value)) throw new Error(`lineage: non-finite value for ${spec.id}`);
    const node: LineageNode = Object.freeze({
      id: spec.id,
      label: spec.label,
      value: spec.value,
      unit: spec.unit,
      formula: spec.formula,
      inputs: [...new Set(spec.inputs ?? [])],
      factors: [...new Set(spec.factors ?? [])],
      from: [...new Set(spec.from ?? [])],
      notes: [...(spec.notes ?? [])],
    });
    this.nodes.set(spec.id, node);
    return Object.freeze({ value: spec.value, unit: spec.unit, lineage: spec.id });
  }

  /** A node summing figures of one unit (in the given order, so results are reproducible bit for bit). */
  sum(id: string, label: Label, parts: readonly Figure[], unit: string, formula = 'Σ'): Figure {
    let total = 0;
    for (const p of parts) {
      if (p.unit !== unit) throw new Error(`lineage: cannot sum ${p.unit} into ${unit} (${p.lineage})`);
      total += p.value;
    }
    return this.add({ id, label, value: total, unit, formula, from: parts.map((p) => p.lineage) });
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  get(id: string): LineageNode | undefined {
    return this.nodes.get(id);
  }

  toRecord(): Record<string, LineageNode> {
    return Object.fromEntries(this.nodes);
  }
}

/** Everything a figure depends on: all input paths and factor refs reachable from its node. */
export function explain(lineage: Readonly<Record<string, LineageNode>>, id: string): { nodes: string[]; inputs: string[]; factors: string[] } {
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const factors = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop() as string;
    if (seen.has(cur)) continue;
    const node = lineage[cur];
    if (!node) throw new Error(`lineage: unknown node ${cur}`);
    seen.add(cur);
    node.inputs.forEach((x) => inputs.add(x));
    node.factors.forEach((x) => factors.add(x));
    stack.push(...node.from);
  }
  return { nodes: [...seen].sort(), inputs: [...inputs].sort(), factors: [...factors].sort() };
}
