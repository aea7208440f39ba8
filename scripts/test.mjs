#!/usr/bin/env node
// Runs every test tier with node:test (+ tsx). Node 20 has no globs in --test, so we list files here.
//   node scripts/test.mjs            typecheck + unit + db + api + browser
//   node scripts/test.mjs unit|db|api|browser   one tier
// Tiers: *.test.ts under src/ (pure, unit), test/db/*.test.ts (database; also against TEST_DATABASE_URL),
// test/api/*.test.ts (through the real HTTP server), test/browser/*.test.ts (Chromium via playwright-core).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
function find(dir, pred, out = []) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) find(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out.sort();
}
const isTest = (p) => p.endsWith('.test.ts');
const tiers = {
  unit: () => find(join(root, 'src'), isTest),
  db: () => find(join(root, 'test/db'), isTest),
  api: () => find(join(root, 'test/api'), isTest),
  browser: () => find(join(root, 'test/browser'), isTest),
};
const wanted = process.argv.slice(2);
const run = wanted.length ? wanted : ['typecheck', 'build', 'unit', 'db', 'api', 'browser'];
let failed = false;
for (const tier of run) {
  let r;
  if (tier === 'typecheck') {
    console.log('\n# typecheck (tsc --noEmit)');
    r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], { stdio: 'inherit', cwd: root });
  } else if (tier === 'build') {
    console.log('\n# web build (vite)');
    r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  } else {
    const files = tiers[tier]?.();
    if (!files) { console.error(`unknown tier ${tier}`); process.exit(2); }
    if (!files.length) { console.log(`\n# ${tier}: no test files`); continue; }
    console.log(`\n# ${tier} tests (${files.length} files)`);
    // Browser and API tests start servers; run files one at a time there.
    const conc = tier === 'unit' ? [] : ['--test-concurrency=1'];
    r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...conc, ...files], { stdio: 'inherit', cwd: root, env: process.env });
  }
  if (r.status !== 0) { failed = true; console.error(`\n# ${tier}: FAILED`); }
}
process.exit(failed ? 1 : 0);
