import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { freshDb } from '../helpers/db.ts';
import { startHj212Listener } from '../../src/ingest/listener.ts';

/**
 * Interoperability: an HJ 212 field unit written independently in Python from the standard's text
 * (test/interop/hj212_device.py, its own framing and CRC) uploads to the platform's listener and checks every
 * 9014 it gets back. If our CRC or framing were the MODBUS variant or off by a byte, one side would refuse.
 */
const DEVICE = fileURLToPath(new URL('../interop/hj212_device.py', import.meta.url));
const python = spawnSync('python3', ['--version']).status === 0;

test('an independent Python HJ 212 client is acknowledged and its readings stored', async (t) => {
  if (!python) {
    if (process.env.CI) assert.fail('python3 not found (needed for the HJ 212 interoperability test)');
    t.skip('python3 not found');
    return;
  }
  const { db, drop } = await freshDb('pglite');
  try {
    const region = (await db.query<{ id: number }>(`insert into regions (code, code_kind, name, name_en, level) values ('510500', 'gbt2260', '泸州市', 'Luzhou', 'city') returning id`)).rows[0].id;
    const org = (await db.query<{ id: number }>(`insert into organisations (region_id, kind, name, credit_code) values ($1, 'enterprise', '测试', '91510500MA000001XX') returning id`, [region])).rows[0].id;
    const point = (await db.query<{ id: number }>(`insert into monitoring_points (organisation_id, mn, pw, name, quantity) values ($1, 'PYDEV0001', 'py-secret', 'p', 'electricity') returning id`, [org])).rows[0].id;
    await db.query(`insert into monitoring_point_factors (point_id, code, unit, multiplier) values ($1, 'e10001', 'kWh', 10)`, [point]);
    const L = await startHj212Listener(db, { port: 0, host: '127.0.0.1' });
    try {
      const { stdout } = await promisify(execFile)('python3', [DEVICE, '127.0.0.1', String(L.port), 'PYDEV0001', 'py-secret', '5'], { timeout: 30_000 });
      const seen = JSON.parse(stdout) as { sent: number; acked: number };
      assert.deepEqual([seen.sent, seen.acked], [5, 5]);
      // The device sent e10001-Cou = 1.5, 2.5 … 5.5; stored × the meter constant 10: 15 + 25 + 35 + 45 + 55 = 175.
      const rows = (await db.query<{ n: number; sum: number }>(`select count(*)::int as n, sum(value) as sum from readings where point_id = $1 and kind = 'min-Cou'`, [point])).rows[0];
      assert.deepEqual([rows.n, rows.sum], [5, 175]);
      // A wrong password from the same client is refused: no 9014, the connection closed.
      await assert.rejects(promisify(execFile)('python3', [DEVICE, '127.0.0.1', String(L.port), 'PYDEV0001', 'wrong', '1'], { timeout: 30_000 }), /closed the connection/);
    } finally {
      await L.close();
    }
  } finally {
    await drop();
  }
});
