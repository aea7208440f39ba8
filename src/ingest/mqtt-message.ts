import { toIssues } from '../core/validation.ts';
import {
  answerTimeCalibration, dataAck, decodeFrame, encodeFrame, formatHj212Time, formatQn, needsAck, needsNotifyAck, parsePacket,
} from '../core/hj212/index.ts';
import { isoInstant, MqttUp } from '../contracts/ingest.ts';
import type { IngestPipeline, Refusal } from './pipeline.ts';
import { checkValues, noter, readingsOf } from './validate.ts';
import type { IngestEvent, ReadingRow } from './store.ts';

export interface MqttStats {
  messages: number;
  stored: number;
  refused: number;
  rejected: number;
  failures: number;
}

/** What became of one message: replies go to the down topic; `refused` (authentication) vs a bad payload. */
export type Outcome = { ok: boolean; refused?: boolean; replies: string[] };

/**
 * One uplink message (HJ 212 frame or segment text, or JSON) of the MN named by the topic → readings through
 * the shared pipeline. Resolves after the write committed (then the replies may go out); rejects when the
 * write failed (nothing may be acknowledged then).
 * `connected`: on the embedded broker the connection already proved the MN (by PW or the enterprise's key).
 */
export async function processUp(pl: IngestPipeline, mn: string, payload: Buffer, connected: boolean, remote: string, stats: MqttStats): Promise<Outcome> {
  const now = pl.now();
  const refuse = (r: Refusal | { code: string; detail: string }, reply?: string): Outcome => {
    stats.refused++;
    pl.recordRefusal(r.code, mn, remote, r.detail);
    return { ok: false, refused: true, replies: reply ? [reply] : [] };
  };
  const reject = (code: string, detail: string, reply?: string): Outcome => {
    stats.rejected++;
    pl.recordRefusal(code, mn, remote, detail.slice(0, 300));
    return { ok: false, replies: reply ? [reply] : [] };
  };
  const store = async (rows: ReadingRow[], found: IngestEvent[]) => {
    const events = pl.budget(`mqtt:${mn}`, found);
    if (rows.length || events.length) await pl.writer.submit(rows, events);
    stats.stored += rows.length;
    return events.length;
  };
  const text = payload.toString('utf8');

  if (text.trimStart().startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return reject('invalid_json', 'JSON 无法解析 / not valid JSON', jsonError(undefined, 'invalid_json', '消息不是有效的 JSON', 'the message is not valid JSON'));
    }
    const o = (raw && typeof raw === 'object' ? raw : {}) as { pw?: unknown; id?: unknown };
    const id = typeof o.id === 'string' ? o.id.slice(0, 64) : undefined;
    let pw = typeof o.pw === 'string' ? o.pw : undefined;
    if (pw === undefined && connected) pw = (await pl.registry.get(mn))?.pw;
    const a = await pl.authenticate(mn, pw);
    // One answer for unknown MN and wrong PW: the reply must not tell which MNs exist.
    if ('refusal' in a) return refuse(a.refusal, jsonError(id, 'refused', 'MN 或密码不符，或监测点已停用', 'wrong MN or PW, or the point is inactive'));
    const m = MqttUp.safeParse(raw);
    if (!m.success) {
      const issues = toIssues(m.error);
      const found: IngestEvent[] = [];
      noter(found, a.point, now, remote)('invalid_message', issues.map((i) => i.en).join('; ').slice(0, 300));
      stats.rejected++;
      await store([], found);
      return { ok: false, replies: [JSON.stringify({ ok: false, id, error: { code: 'invalid_input', zh: issues[0].zh, en: issues[0].en, issues } })] };
    }
    const found: IngestEvent[] = [];
    const time = isoInstant(m.data.time)!;
    const values = Object.entries(m.data.values).map(([factor, v]) => ({ time, factor, kind: m.data.kind, raw: v, flag: m.data.flag || null }));
    const rows = checkValues(a.point, values, now, noter(found, a.point, now, remote));
    const events = await store(rows, found);
    return { ok: true, replies: [JSON.stringify({ ok: true, id, time: new Date(time).toISOString(), kind: m.data.kind, readings: rows.length, events })] };
  }

  // HJ 212: a whole frame (##dddd…CRC, checked strictly) or the bare data segment.
  let segment: Uint8Array | string = text.replace(/\r?\n$/, '');
  if (text.startsWith('##')) {
    const f = decodeFrame(new Uint8Array(payload));
    if (!f.ok) return reject('hj212_frame', `HJ 212 帧无效 / invalid frame: ${f.errors[0].en}`);
    segment = f.value.bytes;
  }
  const r = parsePacket(segment);
  if (!r.ok) return reject('hj212_packet', `HJ 212 数据段无效 / invalid packet: ${r.errors[0].en}`);
  const p = r.value;
  if (p.cn.startsWith('90') && !p.pw && !p.mn) return { ok: true, replies: [] }; // a device's reply to a command
  if ((p.mn ?? '') !== mn) return refuse({ code: 'topic_mismatch', detail: `MN ${String(p.mn).slice(0, 64)} 发在 ${mn} 的主题上 / sent on the topic of ${mn}` });
  const a = await pl.authenticate(mn, p.pw);
  if ('refusal' in a) return refuse(a.refusal);
  const replies: string[] = [];
  if (needsNotifyAck(p)) for (const s of answerTimeCalibration(p, formatQn(now), formatHj212Time(now))) replies.push(encodeFrame(s));
  const { rows, events } = readingsOf(p, a.point, now, remote);
  await store(rows, events);
  if (needsAck(p)) replies.push(encodeFrame(dataAck(p)));
  return { ok: true, replies };
}

function jsonError(id: string | undefined, code: string, zh: string, en: string): string {
  return JSON.stringify({ ok: false, id, error: { code, zh, en } });
}
