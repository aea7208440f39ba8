import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import { PointCreate, type PointOut } from '../../contracts/monitoring.ts';
import { loadConfig } from '../../server/config.ts';
import { withContext } from '../../server/platform.ts';
import { createPoint } from '../../server/monitoring/points.ts';
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

/**
 * Through the HTTP API of a running server (SHUANGTAN_URL + SHUANGTAN_USER/SHUANGTAN_PASSWORD): the only way
 * while a server holds the embedded database. Errors come back in the API's bilingual shape.
 */
async function viaApi(url: string, body: unknown): Promise<PointOut> {
  const user = process.env.SHUANGTAN_USER ?? 'admin';
  const password = process.env.SHUANGTAN_PASSWORD;
  if (!password) {
    throw new DomainError('missing_credentials', { field: 'SHUANGTAN_PASSWORD', zh: 'SHUANGTAN_PASSWORD：通过 SHUANGTAN_URL 登记时需要登录密码（用户名 SHUANGTAN_USER，默认 admin）', en: 'SHUANGTAN_PASSWORD: registering through SHUANGTAN_URL needs a password (user SHUANGTAN_USER, default admin)' });
  }
  const fail = (e: { error?: { code: string; zh: string; en: string; field?: string } }, status: number) =>
    new DomainError(e.error?.code ?? 'http_error', { field: e.error?.field, zh: e.error?.zh ?? `服务器返回 ${status}`, en: e.error?.en ?? `server answered ${status}` });
  let login: Response;
  try {
    login = await fetch(new URL('/api/auth/login', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
  } catch (e) {
    throw new DomainError('server_unreachable', { field: 'SHUANGTAN_URL', zh: `无法连接 ${url}：${(e as Error).message}`, en: `cannot reach ${url}: ${(e as Error).message}` });
  }
  if (login.status !== 200) throw fail(await login.json().catch(() => ({})), login.status);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(new URL('/api/points', url), { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  const out = await res.json().catch(() => ({}));
  if (res.status !== 201) throw fail(out, res.status);
  return out as PointOut;
}

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
      const url = process.env.SHUANGTAN_URL;
      let out: PointOut;
      if (url) out = await viaApi(url, raw);
      else {
        try {
          out = await withContext(loadConfig(), (ctx) => createPoint(ctx, { userId: null, username: 'cli', grants: [{ role: 'admin', regionId: null, organisationId: null }] }, body));
        } catch (e) {
          if (e instanceof DomainError && e.code === 'data_dir_locked') {
            throw new DomainError('data_dir_locked', {
              zh: `${e.zh}\n服务器正在运行：请设置 SHUANGTAN_URL（如 http://localhost:8080）和 SHUANGTAN_USER/SHUANGTAN_PASSWORD，通过其 API 登记`,
              en: `${e.en}\nA server is running: set SHUANGTAN_URL (e.g. http://localhost:8080) and SHUANGTAN_USER/SHUANGTAN_PASSWORD to register through its API`,
            });
          }
          throw e;
        }
      }
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
