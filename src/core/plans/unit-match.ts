/**
 * Which registered organisation a unit named in a plan is. Plans write units short (`发展改革局`,
 * `市发展改革委`, `省林草局`, `区生态环境分局`); organisations are registered with full and short names.
 * Returns null rather than guessing between several candidates.
 */
export interface OrgCandidate {
  id: number;
  name: string;
  shortName: string | null;
  /** Name of the organisation's region, e.g. `重庆市`, `四川省`, `万盛经济技术开发区`. */
  regionName: string;
}

/** Level words a plan puts before a unit, and how the region's name ends for that level. */
const LEVEL_PREFIXES: Array<[string, (regionName: string) => boolean]> = [
  ['自治区', (r) => r.endsWith('自治区')],
  ['省', (r) => r.endsWith('省')],
  ['市', (r) => r.endsWith('市')],
  ['区', (r) => /区$|开发区$/.test(r)],
  ['县', (r) => r.endsWith('县')],
];

function unique(list: OrgCandidate[]): number | null {
  const ids = [...new Set(list.map((o) => o.id))];
  return ids.length === 1 ? ids[0] : null;
}

export function matchUnit(unit: string, orgs: readonly OrgCandidate[]): number | null {
  const u = unit.trim();
  if (!u) return null;
  const exact = orgs.filter((o) => o.name === u || o.shortName === u);
  if (exact.length) return unique(exact);
  for (const [prefix, levelOk] of LEVEL_PREFIXES) {
    if (!u.startsWith(prefix) || u.length <= prefix.length + 1) continue;
    const rest = u.slice(prefix.length);
    const hits = orgs.filter((o) => levelOk(o.regionName) && (o.shortName === rest || o.name === o.regionName + rest || o.name.endsWith(rest)));
    if (hits.length) return unique(hits);
  }
  return unique(orgs.filter((o) => o.name.endsWith(u) || o.shortName?.endsWith(u)));
}
