import { Command } from 'commander';
import { DomainError } from '../core/errors.ts';
import { loadConfig } from '../server/config.ts';
import { serve } from '../server/serve.ts';
import { openPlatformDb, withContext } from '../server/platform.ts';
import { loadDemo } from '../demo/load.ts';
import { generatePassword } from '../server/bootstrap.ts';
import { verifyAudit } from '../server/audit/log.ts';
import { createUser } from '../server/users/service.ts';
import { parseInput } from '../core/validation.ts';
import { UserCreate } from '../contracts/users.ts';
import { ROLES } from '../core/access/policy.ts';
import { registerPlanCommands } from './commands/plan.ts';
import { registerScenarioCommands } from './commands/scenario.ts';
import { registerAccountingCommands } from './commands/accounting.ts';
import { registerMonitoringCommands } from './commands/monitoring.ts';
import { registerIngestKeyCommands } from './commands/ingest-keys.ts';

const program = new Command('shuangtan').description('Shuangtan 双碳 — carbon-peak plan platform').showHelpAfterError();

program.command('serve').description('start API + web UI (migrates, creates the admin, loads the demo on first start)')
  .action(async () => {
    const p = await serve(loadConfig(), console.log, { logger: true });
    const stop = async (sig: string) => {
      console.log(`\n${sig}: shutting down`);
      await p.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program.command('migrate').description('apply pending database migrations').action(async () => {
  const { db, release, applied } = await openPlatformDb(loadConfig());
  await db.close();
  release();
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
});

program.command('demo').description('demo data').command('load').description('load the demo regions, organisations and users (once)')
  .action(async () => {
    const config = loadConfig();
    const password = config.demoPassword ?? generatePassword();
    const r = await withContext(config, (ctx) => loadDemo(ctx.db, ctx.now(), password));
    console.log(r.loaded ? `demo loaded; users ${r.users.join(', ')}; password ${config.demoPassword ? '(SHUANGTAN_DEMO_PASSWORD)' : password}` : 'demo data already loaded');
  });

program.command('user').description('users').command('add')
  .description('add a user (password from --password or SHUANGTAN_NEW_PASSWORD)')
  .requiredOption('--username <name>').option('--name <displayName>')
  .option('--password <password>').option('--role <role>', `one of ${ROLES.join(', ')}`)
  .option('--region <code>', 'region code (GB/T 2260 or local)').option('--org <id>', 'organisation id')
  .action(async (o: { username: string; name?: string; password?: string; role?: string; region?: string; org?: string }) => {
    const body = parseInput(UserCreate, {
      username: o.username, displayName: o.name ?? o.username, password: o.password ?? process.env.SHUANGTAN_NEW_PASSWORD ?? '',
      roles: o.role ? [{ role: o.role, regionCode: o.region ?? null, organisationId: o.org ? Number(o.org) : null }] : [],
    });
    const u = await withContext(loadConfig(), (ctx) => createUser(ctx, { userId: null, username: 'cli' }, body));
    console.log(`created user ${u.username} (id ${u.id}) with roles ${u.roles.map((r) => `${r.role}@${r.regionCode ?? r.organisationName ?? '*'}`).join(', ') || '(none)'}`);
  });

program.command('audit').description('audit log').command('verify').description('recompute the hash chain; exit 1 if it was tampered with')
  .action(async () => {
    const r = await withContext(loadConfig(), (ctx) => verifyAudit(ctx.db));
    if (r.firstBreak) {
      console.error(`审计日志已被篡改 / audit log TAMPERED: entry ${r.firstBreak.seq} (${r.firstBreak.reason}); ${r.entries} entries verified before it`);
      process.exitCode = 1;
    } else {
      console.log(`审计日志完整 / audit log intact: ${r.entries} entries`);
    }
  });

registerPlanCommands(program);
registerScenarioCommands(program);
registerAccountingCommands(program);
registerMonitoringCommands(program);
registerIngestKeyCommands(program);

export async function main(argv = process.argv) {
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`错误：${e.zh}\nError: ${e.en}`);
      for (const i of e.issues.length > 1 ? e.issues : []) console.error(`  - ${i.zh} / ${i.en}`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}

await main();
