import { z } from 'zod';
import { bilingual } from '../core/validation.ts';
import { Id, Timestamp } from './common.ts';
import { CreditCode } from './organisations.ts';
import { Mn } from './monitoring.ts';

/** At most this many readings in one batch (JSON or CSV); the body is also bounded by the server's 10 MiB. */
export const INGEST_MAX_ROWS = 10_000;

/** Upload periods and value suffixes a stored kind may combine (as the HJ 212 path stores them: rt-Rtd, min-Cou …). */
export const KIND_PATTERN = /^(rt|min|hour|day)-(Rtd|Avg|Min|Max|Cou|ZsRtd|ZsAvg|ZsMin|ZsMax)$/;

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms of an ISO 8601 date-time that names its offset (Z or ±hh:mm), or null (no offset, not a calendar time). */
export function isoInstant(s: string): number | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const local = Date.UTC(y, mo - 1, d, h, mi, se);
  const t = new Date(local);
  // Date.parse would roll 02-30 over to March: the fields must name a real calendar time.
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null;
  const frac = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  const z = m[8].toUpperCase();
  const offset = z === 'Z' ? 0 : (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
  if (Math.abs(offset) > 14 * 60) return null;
  return local + frac - offset * 60_000;
}

const Time = z.string().refine((s) => isoInstant(s) !== null, {
  params: { zh: '须为带时区的 ISO 8601 时间，如 2026-03-01T08:00:00+08:00', en: 'must be an ISO 8601 time with an offset, e.g. 2026-03-01T08:00:00+08:00' },
});
export const FactorCode = z.string().trim().refine((v) => /^[0-9A-Za-z_.]{1,32}$/.test(v), {
  params: { zh: '因子编码须为 1–32 位字母、数字、_ .', en: 'factor code must be 1–32 letters, digits, _ .' },
});
export const Kind = z.string().trim().refine((v) => KIND_PATTERN.test(v), {
  params: { zh: 'kind 须为“周期-类别”，周期 rt/min/hour/day，类别 Rtd/Avg/Min/Max/Cou…，如 min-Cou', en: 'kind must be period-suffix: rt/min/hour/day and Rtd/Avg/Min/Max/Cou…, e.g. min-Cou' },
});
const Flag = z.string().trim().refine((v) => /^[0-9A-Za-z]{0,8}$/.test(v), { params: { zh: '标记须为至多 8 位字母或数字（如 N）', en: 'flag must be at most 8 letters or digits (e.g. N)' } });

/** One reading of a batch. `value` is the raw value; the point's meter constants are applied as for HJ 212. */
export const IngestReading = z.object({
  mn: Mn,
  time: Time.describe('ISO 8601 with offset, e.g. 2026-03-01T08:00:00+08:00'),
  factor: FactorCode.describe('HJ 212 factor code, e.g. e10001'),
  kind: Kind.default('rt-Rtd').describe('period-suffix: rt-Rtd (default), min-Avg, min-Cou, hour-Cou, day-Cou …'),
  value: z.number(),
  flag: Flag.nullish(),
});
export type IngestReading = z.output<typeof IngestReading>;

export const IngestBatch = z.object({ readings: z.array(IngestReading).min(1).max(INGEST_MAX_ROWS) });
export type IngestBatch = z.output<typeof IngestBatch>;
export const CSV_COLUMNS = ['mn', 'time', 'factor', 'kind', 'value', 'flag'] as const;
/** The route takes the JSON object, or (Content-Type: text/csv) the CSV text. */
export const IngestBody = z.union([
  IngestBatch,
  z.string().describe(`Content-Type text/csv (UTF-8, BOM and CRLF tolerated): a header line naming the columns ${CSV_COLUMNS.join(',')} (kind and flag optional), then one reading a line`),
]);

export const IngestResult = z.object({
  received: z.number().int().describe('readings in the request'),
  stored: z.number().int().describe('readings new to the platform, committed before this answer'),
  duplicates: z.number().int().describe('readings already stored (a resend changes nothing) or repeated in the request'),
  skipped: z.number().int().describe('readings not stored: time outside the accepted window (see events)'),
  events: z.number().int().describe('content events recorded (out of range, negative, unregistered factor …)'),
  warnings: z.array(z.object({ mn: z.string(), code: z.string(), detail: z.string().nullable() })).describe('the recorded events, at most 100'),
});
export type IngestResult = z.infer<typeof IngestResult>;

export const KeyCreate = z.object({
  /** the enterprise, by 统一社会信用代码 … */
  enterprise: CreditCode.optional(),
  /** … or by organisation id */
  organisationId: Id.optional(),
  name: z.string().trim().min(1).max(100).describe('what the key is for, e.g. “DCS gateway”'),
}).superRefine((v, ctx) => {
  if ((v.enterprise === undefined) === (v.organisationId === undefined)) {
    bilingual(ctx, '请给出企业的统一社会信用代码（enterprise）或单位 id（organisationId），二者选一', 'give the enterprise by credit code (enterprise) or by organisationId, one of them', ['enterprise']);
  }
});
export type KeyCreate = z.output<typeof KeyCreate>;

/** A key as listed: never the key itself nor its hash. */
export const KeyOut = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  enterpriseName: z.string(),
  name: z.string(),
  prefix: z.string().describe('the first characters of the key, to tell keys apart'),
  createdBy: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable().describe('updated at most once a minute'),
  revokedAt: Timestamp.nullable(),
});
export type KeyOut = z.infer<typeof KeyOut>;
export const KeyCreated = KeyOut.extend({ key: z.string().describe('the key: shown only in this answer, store it now') });
export type KeyCreated = z.infer<typeof KeyCreated>;
export const KeyListQuery = z.object({ organisationId: Id.optional() });

/**
 * An MQTT message in JSON on `shuangtan/<MN>/up`: values of one time and kind (the MN is the topic's). `pw` is
 * the point's HJ 212 password; on the embedded broker a connection that logged in as the MN may leave it out.
 */
export const MqttUp = z.object({
  pw: z.string().max(64).optional(),
  time: Time,
  kind: Kind.default('rt-Rtd'),
  values: z.record(FactorCode, z.number()).refine((v) => Object.keys(v).length > 0 && Object.keys(v).length <= 500, {
    params: { zh: 'values 须有 1–500 个因子值，如 {"e10001": 12.5}', en: 'values must hold 1–500 factor values, e.g. {"e10001": 12.5}' },
  }),
  flag: Flag.optional(),
  /** echoed in the acknowledgement */
  id: z.string().max(64).optional(),
});
export type MqttUp = z.output<typeof MqttUp>;
