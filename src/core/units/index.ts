export * from './dimensions.ts';
export * from './unit-table.ts';
export * from './parse.ts';
export * from './quantity.ts';
export * from './english.ts';
