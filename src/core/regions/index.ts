export * from './codes.ts';
export * from './tree.ts';
