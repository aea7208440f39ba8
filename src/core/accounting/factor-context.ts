import { refOf, selectFactor, type FactorPolicy, type FactorQuery, type FactorRecord, type FactorSet, type FactorStatus } from '../factors/index.ts';
import type { Label } from './lineage.ts';

/** One factor record as a result reports it. */
export interface FactorUse {
  readonly ref: string;
  readonly kind: string;
  readonly key: string;
  readonly series: string;
  readonly value: number;
  readonly unit: string;
  readonly status: FactorStatus;
  readonly disputed: boolean;
  readonly confirmations: number;
  readonly sources: readonly string[];
  /** input fields that needed it */
  readonly usedFor: readonly string[];
}

export interface QualityFlag extends Label {
  readonly ref?: string;
  readonly field?: string;
}

/**
 * Factor selection for one calculation: applies the calculation's policy, remembers every record used
 * (for `factorsUsed` and the data-quality flags) and never substitutes anything.
 */
export class FactorContext {
  private readonly used = new Map<string, { rec: FactorRecord; fields: Set<string> }>();

  constructor(readonly set: FactorSet, readonly policy: FactorPolicy = {}) {}

  get(q: FactorQuery, field: string): FactorRecord {
    const rec = selectFactor(this.set, q, this.policy, field);
    const ref = refOf(rec);
    const u = this.used.get(ref) ?? { rec, fields: new Set<string>() };
    u.fields.add(field);
    this.used.set(ref, u);
    return rec;
  }

  factorsUsed(): FactorUse[] {
    return [...this.used.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ref, { rec, fields }]) => ({
        ref, kind: rec.kind, key: rec.key, series: rec.series, value: rec.value, unit: rec.unit, status: rec.status,
        disputed: rec.disputed, confirmations: rec.confirmations, sources: rec.sources, usedFor: [...fields].sort(),
      }));
  }

  /** Every weakly supported factor actually used (single-source, disputed, local or measured), one flag each. */
  qualityFlags(): QualityFlag[] {
    const out: QualityFlag[] = [];
    for (const u of this.factorsUsed()) {
      const zh: string[] = [];
      const en: string[] = [];
      if (u.status === 'single-source') { zh.push('单一来源'); en.push('single-source'); }
      if (u.disputed) { zh.push('有争议'); en.push('disputed'); }
      if (u.status === 'local') { zh.push('本地'); en.push('local'); }
      if (u.status === 'measured') { zh.push('实测'); en.push('measured'); }
      if (!zh.length) continue;
      out.push({ ref: u.ref, zh: `使用了${zh.join('、')}因子 ${u.key}（${u.kind}）= ${u.value} ${u.unit}`, en: `${en.join(', ')} factor used: ${u.key} (${u.kind}) = ${u.value} ${u.unit}` });
    }
    return out;
  }
}
