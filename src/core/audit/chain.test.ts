import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH, hashEntry, verifyRun, type AuditEntry, type ChainedEntry } from './chain.ts';

test('canonical JSON sorts keys at every level and drops undefined', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } }), '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}');
  assert.equal(canonicalJson('泸州'), '"泸州"');
});

const entry = (seq: number, after: unknown): AuditEntry => ({
  seq, at: '2026-01-01T00:00:00.000Z', actorId: 1, actorName: 'admin', action: 'update',
  entityType: 'organisation', entityId: '7', regionId: 2, organisationId: 7, before: null, after,
});

function chain(items: AuditEntry[]): ChainedEntry[] {
  let prev = GENESIS_HASH;
  return items.map((e) => {
    const hash = hashEntry(e, prev);
    const out = { ...e, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}

test('hash is sha-256 over prev hash, a newline and the canonical entry', () => {
  const e = entry(1, { name: 'x' });
  const expected = createHash('sha256').update(`${GENESIS_HASH}\n${canonicalJson(e)}`).digest('hex');
  assert.equal(hashEntry(e, GENESIS_HASH), expected);
});

test('an intact chain verifies; edits, reordering and deletions are caught', () => {
  const c = chain([entry(1, { v: 1 }), entry(2, { v: 2 }), entry(3, { v: 3 })]);
  assert.equal(verifyRun(c, null), null);
  const edited = c.map((e) => (e.seq === 2 ? { ...e, after: { v: 20 } } : e));
  assert.deepEqual(verifyRun(edited, null), { seq: 2, reason: 'hash' });
  assert.deepEqual(verifyRun([c[0], c[2]], null), { seq: 3, reason: 'gap' });
  // rehashing an edited entry still breaks the link of the next one
  const rehashed = [...c];
  rehashed[1] = { ...c[1], after: { v: 20 }, hash: hashEntry({ ...entry(2, { v: 20 }) }, c[0].hash) };
  assert.deepEqual(verifyRun(rehashed, null), { seq: 3, reason: 'link' });
  // a run continues from a verified prefix
  assert.equal(verifyRun(c.slice(2), { seq: 2, hash: c[1].hash }), null);
});
