import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openPglite } from '../../src/db/pglite.ts';
import { migrate } from '../../src/db/index.ts';
import { lockDataDir } from '../../src/db/lock.ts';
import { DomainError } from '../../src/core/errors.ts';

test('embedded data survives close and reopen', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-pgl-'));
  try {
    let db = await openPglite(dir);
    await migrate(db);
    await db.query("insert into regions (code, code_kind, name, name_en, level) values ('640000', 'gbt2260', '宁夏回族自治区', 'Ningxia', 'province')");
    await db.close();
    db = await openPglite(dir);
    assert.deepEqual(await migrate(db), []);
    assert.equal((await db.query<{ name: string }>("select name from regions where code = '640000'")).rows[0].name, '宁夏回族自治区');
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a data directory locked by a live process is refused; a stale lock is taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-lock-'));
  try {
    // A live foreign process: the parent of this test runner stands in for "another server".
    const other = process.ppid;
    spawnSync('sh', ['-c', `echo ${other} > ${join(dir, 'shuangtan.lock')}`]);
    assert.throws(() => lockDataDir(dir), (e: unknown) => e instanceof DomainError && e.code === 'data_dir_locked' && /另一个/.test(e.zh) && /another Shuangtan process/.test(e.en));
    // A dead pid (pid_max is below 2^22 on Linux): stale, taken over.
    spawnSync('sh', ['-c', `echo 4194999 > ${join(dir, 'shuangtan.lock')}`]);
    const release = lockDataDir(dir);
    release();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
