export * from './credit-code.ts';
export * from './industry.ts';
