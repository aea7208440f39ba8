/**
 * Sub-packet reassembly (HJ 212-2017 C.49/C.50; digest A.7). A device splits a large upload into PNUM
 * frames (Flag D=1, PNO=1..PNUM), each with its own QN, the same DataTime and whole factor groups, so the
 * parts are merged as CP maps, never as concatenated text. Sets are keyed on (MN, CN, DataTime, PNUM).
 *
 * Bounded: at most `maxSets` incomplete sets and `maxParts` held sub-packets; beyond that the oldest set is
 * flushed as a partial packet. Time is passed in (`nowMs`), so `expire` is deterministic. Acknowledging
 * each sub-packet (9014 with its own QN) is the caller's job: see `needsAck`.
 */
import type { FactorReading } from './cp.ts';
import { setOwn } from './cp.ts';
import { hjIssue, type Hj212Issue } from './issues.ts';
import type { Packet } from './packet.ts';

export interface AssemblerOptions {
  /** incomplete sets held at once (default 256) */
  maxSets?: number;
  /** sub-packets held across all sets (default 4096) */
  maxParts?: number;
  /** an incomplete set with no new part for this long is flushed by `expire` (default 60 000 ms) */
  maxAgeMs?: number;
}

/** A logical packet merged from sub-packets: the header is the first part's (lowest PNO received). */
export interface AssembledPacket extends Packet {
  parts: Array<{ pno: number; qn?: string }>;
  /** PNOs that never arrived (empty when complete) */
  missing: number[];
}

export interface AddResult {
  /**
   * single: not a sub-packet, process `packet` as is · pending: held, waiting for more · duplicate: this
   * PNO is already held (a retransmission), ignored · complete: `packet` is the merged packet
   */
  status: 'single' | 'pending' | 'duplicate' | 'complete';
  packet?: Packet;
  /** incomplete sets pushed out to respect the bounds: process them as partial data */
  flushed: AssembledPacket[];
}

interface PendingSet {
  pnum: number;
  parts: Map<number, Packet>;
  lastSeen: number;
}

export class SubpacketAssembler {
  private readonly sets = new Map<string, PendingSet>();
  /** sets completed recently: a late retransmission of one of their parts is a duplicate, not a new set */
  private readonly completed = new Map<string, number>();
  private parts = 0;
  private readonly maxSets: number;
  private readonly maxParts: number;
  private readonly maxAgeMs: number;

  constructor(o: AssemblerOptions = {}) {
    this.maxSets = Math.max(1, o.maxSets ?? 256);
    this.maxParts = Math.max(1, o.maxParts ?? 4096);
    this.maxAgeMs = o.maxAgeMs ?? 60_000;
  }

  get pendingSets(): number {
    return this.sets.size;
  }

  get pendingParts(): number {
    return this.parts;
  }

  add(packet: Packet, nowMs: number): AddResult {
    const sub = packet.subpacket;
    if (!sub) return { status: 'single', packet, flushed: [] };
    const key = JSON.stringify([packet.mn ?? '', packet.cn, packet.dataTime ?? packet.params.DataTime ?? '', sub.pnum]);
    const done = this.completed.get(key);
    if (done !== undefined && nowMs - done < this.maxAgeMs) return { status: 'duplicate', flushed: [] };
    let set = this.sets.get(key);
    if (set?.parts.has(sub.pno)) {
      set.lastSeen = nowMs;
      return { status: 'duplicate', flushed: [] };
    }
    if (!set) {
      set = { pnum: sub.pnum, parts: new Map(), lastSeen: nowMs };
      this.sets.set(key, set);
    }
    set.parts.set(sub.pno, packet);
    set.lastSeen = nowMs;
    this.parts++;
    if (set.parts.size === set.pnum) {
      this.drop(key, set);
      this.completed.delete(key);
      this.completed.set(key, nowMs);
      if (this.completed.size > this.maxSets) this.completed.delete(this.completed.keys().next().value as string);
      return { status: 'complete', packet: merge(set, []), flushed: [] };
    }
    const flushed: AssembledPacket[] = [];
    while (this.sets.size > this.maxSets || this.parts > this.maxParts) {
      const [oldKey, oldest] = this.sets.entries().next().value as [string, PendingSet];
      this.drop(oldKey, oldest);
      flushed.push(merge(oldest, [hjIssue('subpacket_evicted')]));
      if (oldKey === key) return { status: 'pending', flushed };
    }
    return { status: 'pending', flushed };
  }

  /** Flush incomplete sets that saw no new part for `maxAgeMs`, as partial packets. */
  expire(nowMs: number): AssembledPacket[] {
    const out: AssembledPacket[] = [];
    for (const [key, at] of this.completed) if (nowMs - at >= this.maxAgeMs) this.completed.delete(key);
    for (const [key, set] of this.sets) {
      if (nowMs - set.lastSeen >= this.maxAgeMs) {
        this.drop(key, set);
        out.push(merge(set, []));
      }
    }
    return out;
  }

  private drop(key: string, set: PendingSet): void {
    this.sets.delete(key);
    this.parts -= set.parts.size;
  }
}

/** Merges the parts' CP maps in PNO order; a key present in two parts keeps the later value and warns. */
function merge(set: PendingSet, extra: Hj212Issue[]): AssembledPacket {
  const parts = [...set.parts.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  const first = parts[0];
  const warnings: Hj212Issue[] = parts.flatMap((p) => p.warnings);
  const params: Record<string, string> = {};
  const factors = new Map<string, FactorReading>();
  const items: Packet['items'] = [];
  for (const [i, p] of parts.entries()) {
    for (const item of p.items) if (!(i > 0 && item[0] === 'DataTime' && item[1] === first.params.DataTime)) items.push(item);
    for (const [k, v] of Object.entries(p.params)) {
      if (Object.hasOwn(params, k) && params[k] !== v) warnings.push(hjIssue('duplicate_key', k, k));
      setOwn(params, k, v);
    }
    for (const f of p.factors) {
      const have = factors.get(f.code);
      if (!have) {
        factors.set(f.code, { ...f, values: { ...f.values }, raw: { ...f.raw } });
        continue;
      }
      for (const s of Object.keys(f.raw)) if (Object.hasOwn(have.raw, s)) warnings.push(hjIssue('duplicate_key', `${f.code}-${s}`, `${f.code}-${s}`));
      Object.assign(have, { ...f, values: { ...have.values, ...f.values }, raw: { ...have.raw, ...f.raw } });
    }
  }
  const missing: number[] = [];
  for (let n = 1; n <= set.pnum; n++) if (!set.parts.has(n)) missing.push(n);
  if (missing.length) warnings.push(hjIssue('subpacket_incomplete', `${missing.length}/${set.pnum}: ${missing.slice(0, 20).join(',')}`));
  warnings.push(...extra);
  const header = { ...first.header };
  delete header.PNUM;
  delete header.PNO;
  const out: AssembledPacket = {
    ...first,
    header,
    cpRaw: parts.map((p) => p.cpRaw).join(';'),
    items,
    params,
    factors: [...factors.values()],
    warnings,
    parts: parts.map((p) => ({ pno: p.subpacket?.pno ?? 0, qn: p.qn })),
    missing,
  };
  delete out.subpacket;
  return out;
}
