import { DomainError } from '../errors.ts';
import { formatDimension, multiplyDimensions, divideDimensions, sameDimension, type Dimension } from './dimensions.ts';
import { parseUnit, type ParsedUnit } from './parse.ts';

/** A number with its unit. The unit is kept as written; conversions go through the unit table. */
export interface Quantity {
  readonly value: number;
  readonly unit: string;
}

function at(field?: string) {
  return { zh: field ? `${field}：` : '', en: field ? `${field}: ` : '' };
}

export function incompatibleUnits(from: string, to: string, field?: string, fromDim?: Dimension, toDim?: Dimension): DomainError {
  const a = at(field);
  const dz = fromDim && toDim ? `（${formatDimension(fromDim, 'zh')} ≠ ${formatDimension(toDim, 'zh')}）` : '';
  const de = fromDim && toDim ? ` (${formatDimension(fromDim)} ≠ ${formatDimension(toDim)})` : '';
  return new DomainError('unit_incompatible', {
    field,
    zh: `${a.zh}单位“${from}”不能换算为“${to}”${dz}`,
    en: `${a.en}unit "${from}" cannot be converted to "${to}"${de}`,
  });
}

function checkValue(value: unknown, field?: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const a = at(field);
    throw new DomainError('value_invalid', { field, zh: `${a.zh}数值无效（${String(value)}）`, en: `${a.en}invalid number (${String(value)})` });
  }
  return value;
}

/** Builds a quantity, checking the value is a finite number and the unit is known. */
export function quantity(value: number, unit: string, field?: string): Quantity {
  checkValue(value, field);
  parseUnit(unit, field);
  return Object.freeze({ value, unit });
}

/** Validates an unknown object as a quantity ({value, unit}); a missing unit is an error, never assumed. */
export function asQuantity(x: unknown, field?: string): Quantity {
  if (typeof x !== 'object' || x === null) checkValue(x, field);
  const o = x as { value?: unknown; unit?: unknown };
  checkValue(o.value, field ? `${field}.value` : 'value');
  parseUnit(o.unit, field ? `${field}.unit` : 'unit');
  return Object.freeze({ value: o.value as number, unit: o.unit as string });
}

export function dimensionOf(unit: string, field?: string): Dimension {
  return parseUnit(unit, field).dimension;
}

export function areCompatible(a: string, b: string): boolean {
  return sameDimension(parseUnit(a).dimension, parseUnit(b).dimension);
}

function factorBetween(from: ParsedUnit, to: ParsedUnit, field?: string): number {
  if (!sameDimension(from.dimension, to.dimension)) throw incompatibleUnits(from.text, to.text, field, from.dimension, to.dimension);
  return from.scale / to.scale;
}

/** The value of `q` expressed in `unit`. */
export function valueIn(q: Quantity, unit: string, field?: string): number {
  checkValue(q.value, field);
  if (q.unit === unit) return q.value;
  return q.value * factorBetween(parseUnit(q.unit, field), parseUnit(unit, field), field);
}

/** `q` converted to `unit`. */
export function convert(q: Quantity, unit: string, field?: string): Quantity {
  return Object.freeze({ value: valueIn(q, unit, field), unit });
}

/** a × b expressed in `resultUnit`, which must have the product's dimension (e.g. t × GJ/t → GJ). */
export function multiply(a: Quantity, b: Quantity, resultUnit: string, field?: string): Quantity {
  const pa = parseUnit(a.unit, field);
  const pb = parseUnit(b.unit, field);
  const pr = parseUnit(resultUnit, field);
  const dim = multiplyDimensions(pa.dimension, pb.dimension);
  if (!sameDimension(dim, pr.dimension)) throw incompatibleUnits(`${a.unit}×${b.unit}`, resultUnit, field, dim, pr.dimension);
  return Object.freeze({ value: (checkValue(a.value, field) * checkValue(b.value, field) * pa.scale * pb.scale) / pr.scale, unit: resultUnit });
}

/** a ÷ b expressed in `resultUnit` (e.g. tce ÷ 万元 → tce/万元). */
export function divide(a: Quantity, b: Quantity, resultUnit: string, field?: string): Quantity {
  const pa = parseUnit(a.unit, field);
  const pb = parseUnit(b.unit, field);
  const pr = parseUnit(resultUnit, field);
  const dim = divideDimensions(pa.dimension, pb.dimension);
  if (!sameDimension(dim, pr.dimension)) throw incompatibleUnits(`${a.unit}÷${b.unit}`, resultUnit, field, dim, pr.dimension);
  const bv = checkValue(b.value, field);
  if (bv === 0) {
    const f = at(field);
    throw new DomainError('division_by_zero', { field, zh: `${f.zh}除数为零`, en: `${f.en}division by zero` });
  }
  return Object.freeze({ value: (checkValue(a.value, field) * pa.scale) / (bv * pb.scale) / pr.scale, unit: resultUnit });
}

/** Sum of compatible quantities, in `unit`. An empty list sums to zero in `unit`. */
export function sum(qs: readonly Quantity[], unit: string, field?: string): Quantity {
  parseUnit(unit, field);
  let total = 0;
  for (const q of qs) total += valueIn(q, unit, field);
  return Object.freeze({ value: total, unit });
}

export function add(a: Quantity, b: Quantity, field?: string): Quantity {
  return Object.freeze({ value: a.value + valueIn(b, a.unit, field), unit: a.unit });
}

export function subtract(a: Quantity, b: Quantity, field?: string): Quantity {
  return Object.freeze({ value: a.value - valueIn(b, a.unit, field), unit: a.unit });
}

export function scale(q: Quantity, k: number): Quantity {
  return Object.freeze({ value: q.value * k, unit: q.unit });
}

/** Checks that `q` has the dimension of `like` (a unit), e.g. requireDimension(amount, 't') for a solid fuel. */
export function requireCompatible(q: Quantity, like: string, field?: string): void {
  const pq = parseUnit(q.unit, field);
  const pl = parseUnit(like, field);
  if (!sameDimension(pq.dimension, pl.dimension)) throw incompatibleUnits(q.unit, like, field, pq.dimension, pl.dimension);
}
