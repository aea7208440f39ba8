import type { OrganisationOut } from '../../../../src/contracts/organisations.ts';
import type { RegionOut } from '../../../../src/contracts/regions.ts';
import { INDUSTRY_SECTIONS } from '../../../../src/core/organisations/industry.ts';
import { ORG_KINDS, type OrgKind } from '../../shared/labels.ts';
import type { RegionIndex } from '../../shared/regions.ts';

/**
 * The command centre's numbers, computed from the real region list and the organisations the user may
 * see — nothing estimated. "In a region" means the region itself or any region below it (the same
 * containment rule as the server's permission checks).
 */
export interface Overview {
  directSubRegions: number;
  allSubRegions: number;
  byKind: Record<OrgKind, number>;
  keyEnergyUsers: number;
  keyEmitters: number;
  /** One bar per direct sub-region (plus the region's own level when it has organisations of its own). */
  byArea: Array<{ code: string; region: RegionOut | null; counts: Record<OrgKind, number> }>;
  /** Enterprises per GB/T 4754 section letter ('' = industry code not given). */
  byIndustry: Array<{ letter: string; count: number }>;
}

const zero = (): Record<OrgKind, number> => ({ office: 0, department: 0, enterprise: 0, verifier: 0 });

export function overview(ix: RegionIndex, region: RegionOut, orgs: OrganisationOut[]): Overview {
  const inRegion = orgs.filter((o) => ix.within(o.regionId, region));
  const byKind = zero();
  for (const o of inRegion) byKind[o.kind] += 1;
  const enterprises = inRegion.filter((o) => o.kind === 'enterprise');

  const children = ix.children(region);
  const own = zero();
  let ownAny = false;
  for (const o of inRegion) {
    if (o.regionId === region.id) { own[o.kind] += 1; ownAny = true; }
  }
  const byArea = [
    ...(ownAny || !children.length ? [{ code: region.code, region: null, counts: own }] : []),
    ...children.map((c) => {
      const counts = zero();
      for (const o of inRegion) if (ix.within(o.regionId, c)) counts[o.kind] += 1;
      return { code: c.code, region: c, counts };
    }),
  ];

  const industry = new Map<string, number>();
  for (const e of enterprises) {
    const letter = e.industryCode?.[0] ?? '';
    industry.set(letter, (industry.get(letter) ?? 0) + 1);
  }
  const order = (l: string) => (l === '' ? 99 : INDUSTRY_SECTIONS.findIndex((s) => s.letter === l));
  return {
    directSubRegions: children.length,
    allSubRegions: ix.descendants(region).length,
    byKind,
    keyEnergyUsers: enterprises.filter((e) => e.keyEnergyUser).length,
    keyEmitters: enterprises.filter((e) => e.keyEmitter).length,
    byArea,
    byIndustry: [...industry].map(([letter, count]) => ({ letter, count })).sort((a, b) => order(a.letter) - order(b.letter)),
  };
}

export { ORG_KINDS };
