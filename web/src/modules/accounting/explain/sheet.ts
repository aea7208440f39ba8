import type { LineageNode } from '../api.ts';
import { categoryLabel, flowLabel, fuelLabel, generationLabel, processLabel, sectorLabel } from '../format.ts';
import type { Lang } from '../../../i18n/index.ts';

/** A calculation sheet in one shape, whether it came from the explain endpoint or from a lineage at hand. */
export interface Sheet {
  figure: LineageNode;
  nodes: LineageNode[];
  inputs: { path: string; ref: string | null; line: unknown }[];
  /** factor refs used (id@version) — resolved into records when the source can */
  factorRefs: string[];
}

/**
 * The sheet of `figure` from a lineage record: the node, then what it was built from, breadth first; input
 * lines are looked up with `resolve` (in the stored input, or among figures at hand) when given.
 */
export function localSheet(lineage: Record<string, LineageNode>, figure: string, resolve?: (path: string) => unknown): Sheet | null {
  const root = lineage[figure];
  if (!root) return null;
  const order: LineageNode[] = [];
  const seen = new Set<string>();
  const queue = [figure];
  const inputs = new Set<string>();
  const factors = new Set<string>();
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id) || !lineage[id]) continue;
    seen.add(id);
    const n = lineage[id];
    order.push(n);
    n.inputs.forEach((x) => inputs.add(x));
    n.factors.forEach((x) => factors.add(x));
    queue.push(...n.from);
  }
  return {
    figure: root, nodes: order,
    inputs: [...inputs].sort().map((s) => {
      const m = /^(.*?) \((.*)\)$/.exec(s);
      const path = m ? m[1] : s;
      return { path, ref: m ? m[2] : null, line: resolve?.(path) ?? null };
    }),
    factorRefs: [...factors].sort(),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const qty = (v: unknown) => (isObj(v) && 'value' in v && 'unit' in v ? `${String(v.value)} ${String(v.unit)}` : null);

/**
 * One input line in words: `终端消费量 · 工业 · 原煤 · 205 万吨` for a balance row, the name and amount for
 * other tables, else its fields. Labels come from the core's own tables.
 */
export function lineText(line: unknown, lang: Lang): string {
  if (line === null || line === undefined) return '—';
  const direct = qty(line);
  if (direct) return direct;
  if (!isObj(line)) return String(line);
  const parts: string[] = [];
  if (typeof line.flow === 'string') parts.push(flowLabel(line.flow, lang));
  if (typeof line.process === 'string') parts.push(processLabel(line.process, lang));
  if (typeof line.sector === 'string') parts.push(sectorLabel(line.sector, lang));
  if (typeof line.fuel === 'string') parts.push(fuelLabel(line.fuel, lang));
  if (typeof line.source === 'string' && !line.flow) parts.push(generationLabel(line.source, lang));
  if (typeof line.category === 'string') parts.push(categoryLabel(line.category, lang));
  if (typeof line.name === 'string') parts.push(line.name);
  for (const k of ['amount', 'activity', 'volumeStart', 'volumeEnd', 'growth', 'harvest', 'mortality', 'share']) {
    const q = qty(line[k]);
    if (q) parts.push(parts.length && k !== 'amount' ? `${k} ${q}` : q);
  }
  // measured parameters of an enterprise line: { value: quantity, source }
  const PARAM_WORDS: Record<string, [string, string]> = { ncv: ['低位发热量', 'NCV'], carbonContent: ['含碳量', 'carbon content'], oxidation: ['碳氧化率', 'oxidation'] };
  for (const [k, [zh, en]] of Object.entries(PARAM_WORDS)) {
    const p = line[k];
    const q = isObj(p) ? qty(p.value) : null;
    if (q && isObj(p)) parts.push(`${lang === 'zh' ? zh : en} ${q}${typeof p.source === 'string' ? (lang === 'zh' ? `（实测：${p.source}）` : ` (measured: ${p.source})`) : ''}`);
  }
  if (typeof line.priceBaseYear === 'number') parts.push(lang === 'zh' ? `${line.priceBaseYear}年价` : `${line.priceBaseYear} prices`);
  return parts.length ? parts.join(' · ') : JSON.stringify(line);
}

/** The value at a dotted path of a stored input (`combustion.0`, `economy.gdpComparable`), or null. */
export function at(input: unknown, path: string): unknown {
  let cur: unknown = input;
  for (const k of path.split('.')) {
    if (!isObj(cur) && !Array.isArray(cur)) return null;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur ?? null;
}
