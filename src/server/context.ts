import type { Db, Queryable } from '../db/index.ts';
import type { Config } from './config.ts';
import { RegionTree } from '../core/regions/tree.ts';
import { IngestPipeline } from '../ingest/pipeline.ts';

/** What every service and route receives: the database, the configuration, the clock. */
export interface AppContext {
  db: Db;
  config: Config;
  /** The only clock of the server side; tests replace it. */
  now: () => Date;
  regions: RegionCache;
  /** The ingest pipeline shared with the HJ 212 listener and MQTT (set by serve.ts); see ingestOf. */
  ingest?: IngestPipeline;
}

/** The platform's ingest pipeline; a platform started without one (tests, a CLI) gets one on first use. */
export function ingestOf(ctx: AppContext): IngestPipeline {
  return (ctx.ingest ??= new IngestPipeline(ctx.db, { now: ctx.now }));
}

/** The region tree changes rarely; it is loaded once and reloaded after a region write. */
export class RegionCache {
  private tree: RegionTree | null = null;
  constructor(private readonly db: Db) {}

  /** Inside a transaction pass its handle: PGlite has one connection, and the transaction holds it. */
  async get(q: Queryable = this.db): Promise<RegionTree> {
    if (!this.tree) {
      const rows = (await q.query<{ id: number; parent_id: number | null; members: number[] | null }>(
        `select r.id, r.parent_id, (select array_agg(member_id) from region_members m where m.region_id = r.id) as members
           from regions r`,
      )).rows;
      this.tree = new RegionTree(rows.map((r) => ({ id: r.id, parentId: r.parent_id, memberIds: r.members ?? [] })));
    }
    return this.tree;
  }

  invalidate() {
    this.tree = null;
  }
}

export function createContext(db: Db, config: Config, now: () => Date = () => new Date()): AppContext {
  return { db, config, now, regions: new RegionCache(db) };
}
