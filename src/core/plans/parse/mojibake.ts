/**
 * Detection of damaged text (mojibake): the replacement character U+FFFD, private-use characters,
 * enclosed/roman numerals glued inside words (a GBK/Big5 byte sequence decoded with the wrong table
 * yields `区经济合作帧⑶建设局`, `符鲜 ⑹小Ⅷ产业政策⒎⒐规划`), UTF-8 read as Latin-1 (`Ã©`, `â€`) and the
 * classic `锟斤拷`. Nearby suspicious characters are merged into one damaged region, widened to the
 * enclosing clause, so a reviewer sees what could not be read.
 */

export interface DamagedRegion {
  /** Range in the scanned text (normalised text). */
  start: number;
  end: number;
  /** The suspicious characters, e.g. `��`, `⑶`. */
  chars: string;
}

/** Always damaged: replacement character, private use area, `锟斤拷` / `烫烫烫`, Latin-1 mojibake. */
const ALWAYS = /\ufffd+|[\ue000-\uf8ff]+|锟斤拷|烫烫烫|屯屯屯|(?:Ã[\u0080-\u00bf]|Â[\u0080-\u00bf]|â€[\u0080-\u00bf™œ“”˜¦]?|ï¼[\u0080-\u00bf])+/g;
/** Suspicious when glued to a Chinese character on the left (a legitimate list marker is not). */
const GLUED = /[\u2460-\u24ff\u2160-\u217f]+/g;
const CJK = /[\u4e00-\u9fff]/;
const MERGE_GAP = 30;
const CONTEXT = 20;

/** Finds damaged regions in a text. */
export function findDamage(text: string): DamagedRegion[] {
  const hits: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(ALWAYS)) hits.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(GLUED)) {
    const prev = text[m.index - 1] ?? '';
    if (CJK.test(prev) || (prev === ' ' && CJK.test(text[m.index - 2] ?? ''))) hits.push({ start: m.index, end: m.index + m[0].length });
  }
  hits.sort((a, b) => a.start - b.start);
  const regions: DamagedRegion[] = [];
  for (const h of hits) {
    const last = regions[regions.length - 1];
    if (last && h.start - last.end <= MERGE_GAP) {
      last.end = Math.max(last.end, h.end);
      last.chars += text.slice(h.start, h.end);
    } else regions.push({ start: h.start, end: h.end, chars: text.slice(h.start, h.end) });
  }
  // Widen each region to the surrounding clause (bounded), so the excerpt is readable.
  for (const r of regions) {
    let s = r.start;
    while (s > 0 && r.start - s < CONTEXT && !/[。；，\n]/.test(text[s - 1])) s--;
    let e = r.end;
    while (e < text.length && e - r.end < CONTEXT && !/[。；，\n]/.test(text[e])) e++;
    r.start = s;
    r.end = e;
  }
  return regions;
}

/** True when a range of the text overlaps a damaged region. */
export function overlapsDamage(regions: DamagedRegion[], start: number, end: number): boolean {
  return regions.some((r) => r.start < end && start < r.end);
}
