import { z } from 'zod';
import { bilingual } from '../core/validation.ts';
import { Id, Timestamp } from './common.ts';
import { CreditCode } from './organisations.ts';

/** What a monitoring point measures. */
export const QUANTITIES = [
  'electricity', 'natural_gas', 'coal', 'oil', 'heat', 'steam', 'water', 'co2_concentration', 'co2_emission', 'flue_gas_flow', 'o2', 'other',
] as const;
export const Quantity = z.enum(QUANTITIES);
export const Protocol = z.enum(['2005', '2017', '2025']);
export const Mn = z.string().trim().refine((v) => /^[0-9A-Za-z_.-]{1,64}$/.test(v), { params: { zh: 'MN 须为 1–64 位字母、数字、_ . -', en: 'MN must be 1–64 letters, digits, _ . -' } });
const FactorCodeText = z.string().trim().refine((v) => /^[0-9A-Za-z_.]{1,32}$/.test(v), { params: { zh: '因子编码须为 1–32 位字母、数字、_ .', en: 'factor code must be 1–32 letters, digits, _ .' } });

export const PointFactor = z.object({
  code: FactorCodeText,
  /** default: the HJ 212-2017 unit of the code, if it is a standard code */
  unit: z.string().trim().max(32).optional(),
  /** meter constant (CT × PT ratio, pulse constant …): stored value = raw × multiplier + offset */
  multiplier: z.number().finite().refine((v) => v !== 0, { params: { zh: '倍率不能为 0', en: 'multiplier cannot be 0' } }).default(1),
  offset: z.number().finite().default(0),
  min: z.number().finite().nullable().optional(),
  max: z.number().finite().nullable().optional(),
});
export type PointFactor = z.input<typeof PointFactor>;

const uniqueCodes = (fs: Array<{ code: string }>, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  fs.forEach((f, i) => {
    if (seen.has(f.code)) bilingual(ctx, `因子 ${f.code} 重复`, `factor ${f.code} is listed twice`, [i, 'code']);
    seen.add(f.code);
  });
};
const Factors = z.array(PointFactor).min(1).max(200).superRefine(uniqueCodes);

const editable = {
  pw: z.string().min(1).max(64),
  protocol: Protocol,
  name: z.string().trim().min(1).max(200),
  quantity: Quantity,
  intervalSeconds: z.number().int().min(1).max(86400),
  feeds: z.string().trim().min(1).max(64).nullable(),
  active: z.boolean(),
  factors: Factors,
};

export const PointCreate = z.object({
  /** the enterprise, by 统一社会信用代码 … */
  enterprise: CreditCode.optional(),
  /** … or by organisation id */
  organisationId: Id.optional(),
  mn: Mn,
  pw: editable.pw,
  protocol: Protocol.default('2017'),
  name: editable.name.optional(),
  quantity: Quantity.default('other'),
  intervalSeconds: editable.intervalSeconds.default(60),
  feeds: editable.feeds.optional(),
  active: z.boolean().default(true),
  factors: Factors,
}).superRefine((v, ctx) => {
  if ((v.enterprise === undefined) === (v.organisationId === undefined)) {
    bilingual(ctx, '请给出企业的统一社会信用代码（enterprise）或单位 id（organisationId），二者选一', 'give the enterprise by credit code (enterprise) or by organisationId, one of them', ['enterprise']);
  }
});
export type PointCreate = z.output<typeof PointCreate>;

export const PointUpdate = z.object({
  pw: editable.pw.optional(),
  protocol: editable.protocol.optional(),
  name: editable.name.optional(),
  quantity: editable.quantity.optional(),
  intervalSeconds: editable.intervalSeconds.optional(),
  feeds: editable.feeds.optional(),
  active: editable.active.optional(),
  factors: editable.factors.optional(),
});
export type PointUpdate = z.output<typeof PointUpdate>;

export const PointFactorOut = z.object({
  code: z.string(), unit: z.string(), multiplier: z.number(), offset: z.number(), min: z.number().nullable(), max: z.number().nullable(),
});

/** A point as the API shows it; the device password is never returned. */
export const PointOut = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
  mn: z.string(),
  protocol: Protocol,
  name: z.string(),
  quantity: z.string(),
  intervalSeconds: z.number().int(),
  feeds: z.string().nullable(),
  active: z.boolean(),
  factors: z.array(PointFactorOut),
  lastReadingAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PointOut = z.infer<typeof PointOut>;

export const PointListQuery = z.object({ organisationId: Id.optional() });
export const MnParams = z.object({ mn: Mn });

export const INTERVALS = ['raw', 'hour', 'day', 'month'] as const;
const Instant = z.string().trim().refine((s) => !Number.isNaN(Date.parse(s)), { params: { zh: '不是有效的时间（ISO 8601）', en: 'not a valid time (ISO 8601)' } });
export const ReadingsQuery = z.object({
  from: Instant,
  to: Instant,
  interval: z.enum(INTERVALS).default('raw'),
  factor: FactorCodeText.optional(),
  /** e.g. min-Cou, rt-Rtd */
  kind: z.string().trim().regex(/^[A-Za-z]+-[A-Za-z]+$/).optional(),
}).superRefine((v, ctx) => {
  if (Date.parse(v.to) <= Date.parse(v.from)) bilingual(ctx, 'to 须晚于 from', 'to must be later than from', ['to']);
});

export const RawReading = z.object({ time: Timestamp, factor: z.string(), kind: z.string(), value: z.number(), flag: z.string().nullable() });
export const RollupReading = z.object({
  bucket: z.string().describe('hour: ISO instant; day and month: YYYY-MM-DD in China Standard Time'),
  factor: z.string(), kind: z.string(), n: z.number().int(), sum: z.number(), min: z.number(), max: z.number(), avg: z.number(),
});
export const ReadingsOut = z.object({
  mn: z.string(),
  interval: z.enum(INTERVALS),
  /** raw series are cut at this many rows; `truncated` says when */
  limit: z.number().int(),
  truncated: z.boolean(),
  raw: z.array(RawReading),
  rollups: z.array(RollupReading),
});
export type ReadingsOut = z.infer<typeof ReadingsOut>;

const Day = z.string().trim().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), { params: { zh: '日期格式须为 YYYY-MM-DD', en: 'date must be YYYY-MM-DD' } });
export const QualityQuery = z.object({ from: Day, to: Day }).superRefine((v, ctx) => {
  const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
  if (!(days >= 0)) bilingual(ctx, 'to 不能早于 from', 'to cannot be before from', ['to']);
  else if (days > 366) bilingual(ctx, '一次最多查询 366 天', 'at most 366 days at a time', ['to']);
});

/** Completeness per day (China Standard Time): the national rule asks ≥ 90 % of the expected uploads. */
export const QualityDay = z.object({
  day: z.string(),
  factor: z.string(),
  kind: z.string(),
  received: z.number().int(),
  expected: z.number().int(),
  completeness: z.number(),
  ok: z.boolean(),
});
export const QualityOut = z.object({ mn: z.string(), intervalSeconds: z.number().int(), threshold: z.number(), days: z.array(QualityDay) });
export type QualityOut = z.infer<typeof QualityOut>;

export const EventOut = z.object({ at: Timestamp, code: z.string(), remote: z.string().nullable(), detail: z.string().nullable() });
