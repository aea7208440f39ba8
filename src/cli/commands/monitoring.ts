import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import { PointCreate, type PointOut } from '../../contracts/monitoring.ts';
import { createPoint } from '../../server/monitoring/points.ts';
import { CLI_CALLER, createViaServerOrDb } from '../via-server.ts';
import { simulate, type SimDevice } from '../../ingest/simulate.ts';

const int = (name: string, min = 0) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new DomainError('invalid_option', { field: name, zh: `${name} 须为不小于 ${min} 的整数：“${v}”`, en: `${name} must be an integer ≥ ${min}: "${v}"` });
  return Number(v);
};
const num = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new DomainError('invalid_option', { field: name, zh: `${name} 须为非负数：“${v}”`, en: `${name} must be a non-negative number: "${v}"` });
  return n;
};

export function registerMonitoringCommands(program: Command) {
  program.command('point').description('monitoring points (在线监测点)').command('add')
    .description('register an HJ 212 monitoring point of an enterprise. With SHUANGTAN_URL set it goes through that running server\'s API '
      + '(SHUANGTAN_USER, SHUANGTAN_PASSWORD); otherwise it opens the database (refused while a server holds the embedded one)')
    .requiredOption('--enterprise <CREDIT_CODE>', '统一社会信用代码 of the enterprise')
    .requiredOption('--mn <MN>').requiredOption('--pw <PW>')
    .requiredOption('--factors <codes>', 'comma-separated HJ 212 factor codes, e.g. a05001,a00000')
    .option('--protocol <version>', '2005 | 2017 | 2025', '2017')
    .option('--name <name>').option('--quantity <q>', 'electricity, natural_gas, steam, co2_concentration, …')
    .option('--interval <seconds>', 'upload interval', int('--interval', 1))
    .action(async (o: { enterprise: string; mn: string; pw: string; factors: string; protocol: string; name?: string; quantity?: string; interval?: number }) => {
      const raw = {
        enterprise: o.enterprise, mn: o.mn, pw: o.pw, protocol: o.protocol, name: o.name, quantity: o.quantity, intervalSeconds: o.interval,
        factors: o.factors.split(',').map((c) => c.trim()).filter(Boolean).map((code) => ({ code })),
      };
      const body = parseInput(PointCreate, raw);
      const out = await createViaServerOrDb<PointOut>('/api/points', raw, (ctx) => createPoint(ctx, CLI_CALLER, body));
      console.log(`已登记监测点 / registered point ${out.mn} (${out.enterpriseName}): ${out.factors.map((f) => `${f.code}${f.unit ? ` [${f.unit}]` : ''}`).join(', ')}`);
    });

  program.command('simulate').description('HJ 212 device simulator: N devices upload minute data over TCP and wait for each 9014')
    .option('--host <host>', 'listener host', '127.0.0.1')
    .option('--port <port>', 'listener port (HJ212_PORT)', int('--port', 1), 9212)
    .option('--devices <N>', 'number of devices', int('--devices', 1), 1)
    .option('--interval <S>', 'real seconds between uploads (0: as fast as acks come)', num('--interval'), 1)
    .option('--duration <S>', 'seconds to run', num('--duration'), 10)
    .option('--mn <list>', 'comma-separated MNs (registered points); default: the demo points')
    .option('--mn-prefix <P>', 'MNs P0001…PNNNN instead (register them first)')
    .option('--pw <PW>', 'device password', '123456')
    .option('--factors <codes>', 'factor codes in each upload', 'e10001,e10002')
    .option('--window <W>', 'packets in flight per device', int('--window', 1), 1)
    .option('--faults', 'inject faults: bad CRCs, junk, resends, negative values, dropped lines')
    .option('--seed <S>', 'seed of the fault mix', int('--seed'), 1)
    .action(async (o: { host: string; port: number; devices: number; interval: number; duration: number; mn?: string; mnPrefix?: string; pw: string; factors: string; window: number; faults?: boolean; seed: number }) => {
      const { DEMO_POINTS } = await import('../../demo/monitoring.ts');
      const factors = o.factors.split(',').map((c) => c.trim()).filter(Boolean);
      const mns = o.mn ? o.mn.split(',').map((m) => m.trim()).filter(Boolean)
        : o.mnPrefix ? Array.from({ length: o.devices }, (_, i) => `${o.mnPrefix}${String(i + 1).padStart(4, '0')}`)
          : DEMO_POINTS.filter((p) => p.factors.some((f) => f.code === 'e10001')).map((p) => p.mn);
      const devices: SimDevice[] = Array.from({ length: o.devices }, (_, i) => ({ mn: mns[i % mns.length], pw: o.pw, factors }));
      console.log(`simulating ${devices.length} device(s) → ${o.host}:${o.port} for ${o.duration} s${o.faults ? ' with faults' : ''}`);
      let r;
      try {
        r = await simulate({ host: o.host, port: o.port, devices, intervalSeconds: o.interval, durationSeconds: o.duration, window: o.window, faults: o.faults, seed: o.seed });
      } catch (e) {
        throw new DomainError('connect_failed', { field: '--port', zh: `无法连接 ${o.host}:${o.port}：${(e as Error).message}`, en: `cannot connect to ${o.host}:${o.port}: ${(e as Error).message}` });
      }
      console.log(JSON.stringify(r, null, 2));
      if (r.failedDevices) process.exitCode = 1;
    });
}
