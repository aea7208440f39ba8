#!/usr/bin/env node
// Runs every test tier with node:test (+ tsx). Node 20 has no globs in --test, so we list files here.
//   node scripts/test.mjs            typecheck + unit + db + api + browser
//   node scripts/test.mjs unit|db|api|browser   one tier
// Tiers: *.test.ts under src/ (pure, unit), test/db/*.test.ts (database; also against TEST_DATABASE_URL),
// test/api/*.test.ts (through the real HTTP server), test/browser/*.test.ts (Chromium via playwright-core).
import { spawn, spawnSync } from 'node:child_process';
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

/** Runs node:test on files, echoing its output and reading its summary lines. */
function nodeTest(files, concurrency) {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', '--test', ...(concurrency ? [`--test-concurrency=${concurrency}`] : []), ...files];
    const child = spawn(process.execPath, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    const counts = { pass: 0, fail: 0, skipped: 0 };
    let tail = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      const text = tail + d.toString();
      const lines = text.split('\n');
      tail = lines.pop();
      for (const line of lines) {
        const m = /^# (pass|fail|skipped) (\d+)$/.exec(line);
        if (m) counts[m[1]] = Number(m[2]);
      }
    });
    child.on('close', (status) => resolve({ status, counts }));
  });
}

let failed = false;
const total = { pass: 0, fail: 0, skipped: 0 };
for (const tier of run) {
  let status;
  if (tier === 'typecheck') {
    console.log('\n# typecheck (tsc --noEmit)');
    status = spawnSync('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], { stdio: 'inherit', cwd: root }).status;
  } else if (tier === 'build') {
    console.log('\n# web build (vite)');
    status = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root }).status;
  } else {
    const files = tiers[tier]?.();
    if (!files) { console.error(`unknown tier ${tier}`); process.exit(2); }
    if (!files.length) { console.log(`\n# ${tier}: no test files`); continue; }
    console.log(`\n# ${tier} tests (${files.length} files)`);
    // API and browser tests start servers and child processes: one file at a time on two cores.
    const r = await nodeTest(files, tier === 'api' || tier === 'browser' ? 1 : 0);
    status = r.status;
    for (const k of Object.keys(total)) total[k] += r.counts[k];
    if (r.status !== 0 && r.counts.fail === 0) total.fail += 1; // a crash without a failing test still fails
  }
  if (status !== 0) { failed = true; console.error(`\n# ${tier}: FAILED`); }
}
console.log(`\n${total.pass} passed, ${total.fail} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
