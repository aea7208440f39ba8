import type { Issue } from '../core/errors.ts';
import { issuesError } from '../core/validation.ts';
import { isoInstant, type IngestReading, type IngestResult } from '../contracts/ingest.ts';
import type { IngestPipeline } from './pipeline.ts';
import { checkValues, noter, type PointInfo, type ValueIn } from './validate.ts';
import type { IngestEvent, ReadingRow } from './store.ts';

/** Who sends the batch: the enterprise an API key belongs to. */
export interface BatchSource {
  organisationId: number;
  keyId: number;
  /** how the events name the sender, e.g. `http 10.0.0.5 stk_…` */
  remote: string;
}

/** Extra words naming a row in messages, e.g. “（CSV 第 5 行）”. */
export type RowHint = (index: number) => { zh: string; en: string };

const MAX_ISSUES = 100;

/**
 * A validated batch (schema already checked) of one enterprise → stored readings, through the platform's
 * shared registry, the one value check (checkValues) and the group-commit writer. All or nothing on the
 * rows' identity: an MN that is not this enterprise's registered, active point refuses the whole batch
 * (400 naming each row) before anything is written. Resolves after the batch committed.
 */
export async function ingestBatch(pipeline: IngestPipeline, src: BatchSource, readings: IngestReading[], hint: RowHint = () => ({ zh: '', en: '' })): Promise<IngestResult> {
  const now = pipeline.now();
  const mns = [...new Set(readings.map((r) => r.mn))];
  const owners = new Map((await pipeline.db.query<{ mn: string; organisation_id: number; active: boolean }>(
    'select mn, organisation_id, active from monitoring_points where mn = any($1::text[])', [mns],
  )).rows.map((r) => [r.mn, r]));
  const points = new Map<string, PointInfo>();
  for (const mn of mns) {
    const o = owners.get(mn);
    const p = o && o.organisation_id === src.organisationId && o.active ? await pipeline.registry.get(mn) : null;
    if (p) points.set(mn, p);
  }
  const issues: Issue[] = [];
  let more = 0;
  readings.forEach((r, i) => {
    if (points.has(r.mn)) return;
    if (issues.length >= MAX_ISSUES) return void more++;
    const o = owners.get(r.mn);
    // Another enterprise's MN reads as unknown: a key must not reveal which MNs exist elsewhere.
    const [zh, en] = o && o.organisation_id === src.organisationId
      ? [`监测点 ${r.mn} 已停用`, `point ${r.mn} is inactive`]
      : [`MN ${r.mn} 不是本企业已登记的监测点`, `MN ${r.mn} is not a registered point of this enterprise`];
    const field = `readings.${i}.mn`;
    const h = hint(i);
    issues.push({ field, zh: `${field}${h.zh}：${zh}`, en: `${field}${h.en}: ${en}` });
  });
  if (more) issues.push({ field: 'readings', zh: `另有 ${more} 行同样的问题`, en: `${more} more rows with the same problem` });
  if (issues.length) throw issuesError('invalid_rows', issues, { zh: '批量数据', en: 'batch' });

  const rows: ReadingRow[] = [];
  const found: IngestEvent[] = [];
  const byMn = new Map<string, ValueIn[]>();
  for (const r of readings) {
    let vs = byMn.get(r.mn);
    if (!vs) byMn.set(r.mn, (vs = []));
    vs.push({ time: isoInstant(r.time)!, factor: r.factor, kind: r.kind, raw: r.value, flag: r.flag || null });
  }
  for (const [mn, values] of byMn) {
    const point = points.get(mn)!;
    rows.push(...checkValues(point, values, now, noter(found, point, now, src.remote)));
  }
  const unique = new Map<string, ReadingRow>();
  for (const r of rows) if (!unique.has(keyOf(r))) unique.set(keyOf(r), r);
  const already = await alreadyStored(pipeline, [...unique.values()]);
  const events = pipeline.budget(`key:${src.keyId}`, found);
  if (rows.length || events.length) await pipeline.writer.submit(rows, events);
  return {
    received: readings.length,
    stored: unique.size - already,
    duplicates: rows.length - unique.size + already,
    skipped: readings.length - rows.length,
    events: events.length,
    warnings: events.slice(0, 100).map((e) => ({ mn: e.mn ?? '', code: e.code, detail: e.detail })),
  };
}

const keyOf = (r: ReadingRow) => `${r.pointId}|${r.time}|${r.factor}|${r.kind}`;

/**
 * How many of these readings are stored already (to tell new from resent in the answer). Two identical
 * batches sent at the same moment may both count their rows as new; storage itself stays exactly-once.
 */
async function alreadyStored(pipeline: IngestPipeline, rows: ReadingRow[]): Promise<number> {
  if (!rows.length) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.time);
    hi = Math.max(hi, r.time);
  }
  const res = await pipeline.db.query<{ n: number }>(
    `select count(*)::int as n from readings r
       join unnest($1::int[], $2::timestamptz[], $3::text[], $4::text[]) as u(point_id, time, factor, kind)
         on r.point_id = u.point_id and r.time = u.time and r.factor = u.factor and r.kind = u.kind
      where r.time >= $5 and r.time <= $6`,
    [rows.map((r) => r.pointId), rows.map((r) => new Date(r.time).toISOString()), rows.map((r) => r.factor), rows.map((r) => r.kind),
      new Date(lo).toISOString(), new Date(hi).toISOString()],
  );
  return res.rows[0].n;
}
