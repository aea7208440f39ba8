import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prng } from './prng.ts';
import { convert, valueIn, multiply } from './quantity.ts';
import { ATOMIC_UNITS } from './unit-table.ts';
import { parseUnit } from './parse.ts';
import { sameDimension } from './dimensions.ts';

/** Groups of mutually convertible unit spellings, including prefixed and compound forms. */
const FAMILIES: string[][] = [
  ['t', 'kg', '万吨', '千吨', 'Gg', 'Mt', '吨', '公斤'],
  ['m3', '万立方米', '亿立方米', '10^4 Nm3', 'L', '标方'],
  ['GJ', 'MJ', 'kJ', 'TJ', 'kWh', '万千瓦时', '亿千瓦时', 'MWh', 'kcal', '百万千焦'],
  ['tce', 'kgce', '万吨标准煤', '吨标准煤', '万tce'],
  ['tCO2', 'kgCO2', '万吨CO2', '万吨二氧化碳', 'MtCO2'],
  ['tCO2e', '万吨CO2e', 'kgCO2e'],
  ['GJ/t', 'MJ/kg', 'kJ/kg', 'TJ/Gg'],
  ['tC/TJ', 'tC/GJ', 'kgC/GJ'],
  ['kgCO2/kWh', 'tCO2/MWh', 'tCO2/万千瓦时', 'kgCO2/TJ'],
  ['tce/万元', 'kgce/元', '吨标准煤/亿元'],
  ['%', 'fraction', '‰'],
  ['hm2', '亩', 'km2', 'm2'],
];

test('property: every conversion round-trips (seeded, 2 000 cases)', () => {
  const r = prng(20260101);
  for (let i = 0; i < 2000; i++) {
    const fam = r.pick(FAMILIES);
    const a = r.pick(fam);
    const b = r.pick(fam);
    const v = r.magnitude(1e-6, 1e12) * (r.next() < 0.2 ? -1 : 1);
    const there = convert({ value: v, unit: a }, b);
    const back = valueIn(there, a);
    assert.ok(Math.abs(back - v) <= 1e-12 * Math.abs(v), `${v} ${a} → ${there.value} ${b} → ${back}`);
  }
});

test('property: conversion is linear (scaling the input scales the output)', () => {
  const r = prng(7);
  for (let i = 0; i < 1000; i++) {
    const fam = r.pick(FAMILIES);
    const [a, b] = [r.pick(fam), r.pick(fam)];
    const v = r.magnitude(1e-3, 1e9);
    const k = r.magnitude(1e-3, 1e3);
    const one = valueIn({ value: v, unit: a }, b);
    const scaled = valueIn({ value: v * k, unit: a }, b);
    assert.ok(Math.abs(scaled - one * k) <= 1e-12 * Math.abs(one * k));
  }
});

test('property: conversion is transitive (a→b→c equals a→c)', () => {
  const r = prng(99);
  for (let i = 0; i < 1000; i++) {
    const fam = r.pick(FAMILIES);
    const [a, b, c] = [r.pick(fam), r.pick(fam), r.pick(fam)];
    const v = r.magnitude(1e-3, 1e9);
    const direct = valueIn({ value: v, unit: a }, c);
    const via = valueIn(convert({ value: v, unit: a }, b), c);
    assert.ok(Math.abs(direct - via) <= 1e-12 * Math.abs(direct));
  }
});

test('property: multiply agrees with converting first (t × GJ/t in any spelling)', () => {
  const r = prng(4242);
  for (let i = 0; i < 500; i++) {
    const amount = { value: r.magnitude(1e-2, 1e7), unit: r.pick(['t', '万吨', 'kg']) };
    const ncv = { value: r.range(5, 60), unit: r.pick(['GJ/t', 'MJ/kg', 'kJ/kg', 'TJ/Gg']) };
    const gj = multiply(amount, ncv, 'GJ').value;
    const expected = valueIn(amount, 't') * valueIn(ncv, 'GJ/t');
    assert.ok(Math.abs(gj - expected) <= 1e-12 * expected);
  }
});

test('every name in the unit table parses to its own unit', () => {
  for (const u of ATOMIC_UNITS) {
    for (const n of u.names) {
      const p = parseUnit(n);
      assert.equal(p.scale, u.scale, n);
      assert.ok(sameDimension(p.dimension, parseUnit(u.symbol).dimension), n);
    }
  }
});
