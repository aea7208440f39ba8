import type { Queryable } from '../db/index.ts';
import { appendAudit, type Actor } from '../server/audit/log.ts';

/**
 * Registered monitoring points of the demo enterprises, so that `npx shuangtan simulate` has devices to play.
 * HJ 212 defines no codes for energy meters; the e1xxxx codes (active energy, gas, steam) are this platform's
 * local codes, the a-codes are HJ 212-2017's. Every demo point has the HJ 212 default password 123456.
 */
export const DEMO_PASSWORD_HJ212 = '123456';

interface DemoPoint {
  org: string;
  mn: string;
  name: string;
  quantity: string;
  feeds: string | null;
  interval: number;
  factors: Array<{ code: string; unit: string; multiplier?: number; min?: number; max?: number }>;
}

const ELECTRICITY = [{ code: 'e10001', unit: 'kWh', multiplier: 200, min: 0 }, { code: 'e10002', unit: 'kW', multiplier: 200, min: 0 }];

export const DEMO_POINTS: readonly DemoPoint[] = [
  { org: '泸州江南水泥有限公司（演示）', mn: 'DEMO510502JNSN01', name: '总进线电能表', quantity: 'electricity', feeds: 'purchased_electricity', interval: 60, factors: ELECTRICITY },
  {
    org: '泸州江南水泥有限公司（演示）', mn: 'DEMO510502JNSN02', name: '窑尾烟气CEMS', quantity: 'co2_concentration', feeds: 'process_co2', interval: 60,
    factors: [{ code: 'a05001', unit: '%', min: 0, max: 40 }, { code: 'a00000', unit: 'm³/s', min: 0 }, { code: 'a19001', unit: '%', min: 0, max: 21 }],
  },
  { org: '泸州龙马酿酒有限公司（演示）', mn: 'DEMO510504LMNJ01', name: '总进线电能表', quantity: 'electricity', feeds: 'purchased_electricity', interval: 60, factors: ELECTRICITY },
  { org: '泸州龙马酿酒有限公司（演示）', mn: 'DEMO510504LMNJ02', name: '蒸汽流量计', quantity: 'steam', feeds: 'purchased_heat', interval: 60, factors: [{ code: 'e30001', unit: 't', min: 0 }] },
  { org: '纳溪化工有限公司（演示）', mn: 'DEMO510503NXHG01', name: '天然气流量计', quantity: 'natural_gas', feeds: 'natural_gas_combustion', interval: 60, factors: [{ code: 'e20001', unit: 'm³', min: 0 }] },
  { org: '泸州云谷数据中心有限公司（演示）', mn: 'DEMO510502YGSJ01', name: '总进线电能表', quantity: 'electricity', feeds: 'purchased_electricity', interval: 60, factors: ELECTRICITY },
];

export async function loadMonitoringDemo(q: Queryable, actor: Actor, now: Date): Promise<void> {
  for (const p of DEMO_POINTS) {
    const org = (await q.query<{ id: number; region_id: number }>("select id, region_id from organisations where name = $1 and kind = 'enterprise'", [p.org])).rows[0];
    if (!org) continue;
    const ins = await q.query<{ id: number }>(
      `insert into monitoring_points (organisation_id, mn, pw, protocol, name, quantity, interval_seconds, feeds, active, created_at, updated_at)
       values ($1, $2, $3, '2017', $4, $5, $6, $7, true, $8, $8) on conflict (mn) do nothing returning id`,
      [org.id, p.mn, DEMO_PASSWORD_HJ212, p.name, p.quantity, p.interval, p.feeds, now],
    );
    if (!ins.rows[0]) continue;
    for (const f of p.factors) {
      await q.query(
        'insert into monitoring_point_factors (point_id, code, unit, multiplier, min_value, max_value) values ($1, $2, $3, $4, $5, $6)',
        [ins.rows[0].id, f.code, f.unit, f.multiplier ?? 1, f.min ?? null, f.max ?? null],
      );
    }
    await appendAudit(q, actor, { action: 'create', entityType: 'monitoring_point', entityId: p.mn, regionId: org.region_id, organisationId: org.id, after: p }, now);
  }
}
