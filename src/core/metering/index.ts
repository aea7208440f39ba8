export * from './items.ts';
export * from './channel.ts';
export * from './daily.ts';
export * from './method.ts';
export * from './compare.ts';
export * from './compute.ts';
export * from './region.ts';
