import type { RegionOut } from '../../../src/contracts/regions.ts';
import { RegionTree } from '../../../src/core/regions/tree.ts';

/**
 * The region list from /api/regions as an index: lookups by code and id, children, and the same
 * containment rule the server's permission checks use (src/core/regions/tree.ts), so a cross-region
 * area such as 成渝 contains its member provinces and everything below them.
 */
export interface RegionIndex {
  list: RegionOut[];
  byCode: Map<string, RegionOut>;
  byId: Map<number, RegionOut>;
  tree: RegionTree;
  /** Direct sub-regions; for a cross-region area, its members. */
  children(r: RegionOut): RegionOut[];
  /** Every region below r (not r itself). */
  descendants(r: RegionOut): RegionOut[];
  /** Is the region with this id r itself or below it? */
  within(id: number, r: RegionOut): boolean;
  roots: RegionOut[];
}

export function indexRegions(list: RegionOut[]): RegionIndex {
  const byCode = new Map(list.map((r) => [r.code, r]));
  const byId = new Map(list.map((r) => [r.id, r]));
  const kids = new Map<number, RegionOut[]>();
  for (const r of list) {
    if (r.parentId == null) continue;
    const arr = kids.get(r.parentId) ?? [];
    arr.push(r);
    kids.set(r.parentId, arr);
  }
  const tree = new RegionTree(list.map((r) => ({
    id: r.id,
    parentId: r.parentId,
    memberIds: r.memberCodes.map((c) => byCode.get(c)?.id).filter((x): x is number => x != null),
  })));
  const children = (r: RegionOut): RegionOut[] =>
    r.level === 'cross_region' && r.memberCodes.length
      ? r.memberCodes.map((c) => byCode.get(c)).filter((x): x is RegionOut => !!x)
      : kids.get(r.id) ?? [];
  const descendants = (r: RegionOut): RegionOut[] => list.filter((x) => x.id !== r.id && tree.within(x.id, r.id));
  // Roots first by code, cross-region areas after the provinces they span.
  const roots = list.filter((r) => r.parentId == null).sort((a, b) =>
    Number(a.level === 'cross_region') - Number(b.level === 'cross_region') || a.code.localeCompare(b.code));
  return { list, byCode, byId, tree, children, descendants, within: (id, r) => tree.within(id, r.id), roots };
}

export interface RegionTreeNode {
  value: string;
  title: string;
  key: string;
  children?: RegionTreeNode[];
}

/** Nodes for an Ant Design TreeSelect: parent → children; cross-region areas as roots without duplicates. */
export function regionTreeData(ix: RegionIndex, label: (r: RegionOut) => string): RegionTreeNode[] {
  const node = (r: RegionOut): RegionTreeNode => {
    const kids = r.level === 'cross_region' ? [] : ix.children(r);
    return { value: r.code, key: r.code, title: label(r), children: kids.length ? kids.map(node) : undefined };
  };
  return ix.roots.map(node);
}
