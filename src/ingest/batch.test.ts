import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvReadings, splitCsv } from './batch.ts';
import { isoInstant } from '../contracts/ingest.ts';
import { DomainError } from '../core/errors.ts';

test('splitCsv: BOM, CRLF and LF, blank lines, quotes with commas, doubled quotes and line breaks; records keep their first line', () => {
  const text = '\uFEFFa,b\r\n 1 , "x, y" \r\n\r\n2,"say ""hi"""\n3,"two\nlines"\n4,last';
  assert.deepEqual(splitCsv(text), [
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['1', 'x, y'] },
    { line: 4, cells: ['2', 'say "hi"'] },
    { line: 5, cells: ['3', 'two\nlines'] },
    { line: 7, cells: ['4', 'last'] },
  ]);
});

test('csvReadings: columns in any order, numbers read, empty kind/flag left out; header problems named', () => {
  const r = csvReadings('value,factor,mn,time,kind,flag\n12.5,e10001,MN1,2026-03-01T08:00:00+08:00,,N\n-1e3,e10001,MN1,2026-03-01T08:01:00Z,min-Cou,\nabc,e10001,MN1,t,,\n');
  assert.deepEqual(r.lines, [2, 3, 4]);
  assert.deepEqual(r.readings, [
    { value: 12.5, factor: 'e10001', mn: 'MN1', time: '2026-03-01T08:00:00+08:00', flag: 'N' },
    { value: -1000, factor: 'e10001', mn: 'MN1', time: '2026-03-01T08:01:00Z', kind: 'min-Cou' },
    { value: 'abc', factor: 'e10001', mn: 'MN1', time: 't' }, // left to the schema to name
  ]);
  const fields = (text: string) => {
    try {
      csvReadings(text);
      return [];
    } catch (e) {
      return (e as DomainError).issues.map((i) => i.field);
    }
  };
  assert.deepEqual(fields('mn,time,factor,value,value,colour\n'), ['header.4', 'header.5', 'readings']);
  assert.deepEqual(fields('mn,factor,value\nMN1,e10001,1\n'), ['header']);
  assert.deepEqual(fields('mn,time,factor,value\nMN1,2026-03-01T08:00:00Z,e10001\n'), ['line.2']);
  assert.deepEqual(fields('mn,time,factor,value\nMN1,2026-03-01T08:00:00Z,e10001,1\n\uFFFD'), ['body']);
});

test('isoInstant: an offset is required, calendar fields must be real', () => {
  assert.equal(isoInstant('2026-03-01T08:00:00+08:00'), Date.UTC(2026, 2, 1, 0, 0, 0));
  assert.equal(isoInstant('2026-03-01T08:00+0800'), Date.UTC(2026, 2, 1, 0, 0, 0));
  assert.equal(isoInstant('2026-03-01 00:00:00.250Z'), Date.UTC(2026, 2, 1, 0, 0, 0, 250));
  assert.equal(isoInstant('2026-02-28T23:00:00-05:00'), Date.UTC(2026, 2, 1, 4, 0, 0));
  for (const bad of ['2026-03-01T08:00:00', '2026-02-30T00:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01', 'yesterday', '2026-03-01T08:00:00+15:00']) {
    assert.equal(isoInstant(bad), null, bad);
  }
});
