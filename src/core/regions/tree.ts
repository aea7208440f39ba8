/**
 * The region hierarchy as an in-memory index, for scope checks: is region A inside region B?
 * A cross-region area (成渝) contains the regions it spans and everything below them.
 */
export interface RegionNode {
  id: number;
  parentId: number | null;
  memberIds?: number[];
}

export class RegionTree {
  private readonly parent = new Map<number, number | null>();
  private readonly members = new Map<number, number[]>();

  constructor(nodes: readonly RegionNode[]) {
    for (const n of nodes) {
      this.parent.set(n.id, n.parentId);
      if (n.memberIds?.length) this.members.set(n.id, n.memberIds);
    }
  }

  has(id: number): boolean {
    return this.parent.has(id);
  }

  /** Ids from the region up to the root, the region first. */
  ancestors(id: number): number[] {
    const out: number[] = [];
    let cur: number | null | undefined = id;
    while (cur != null && !out.includes(cur)) {
      out.push(cur);
      cur = this.parent.get(cur);
    }
    return out;
  }

  /** True when `id` is `scope` or lies below it (through parents or a cross-region area's members). */
  within(id: number, scope: number): boolean {
    const chain = this.ancestors(id);
    if (chain.includes(scope)) return true;
    const members = this.members.get(scope);
    return !!members && members.some((m) => chain.includes(m));
  }
}
