/**
 * Statistics over the site's programs and companies: pure functions over plain data
 * (a site ProgramView or company entry fits). /stats/ and the home page counters use them.
 */
export * from './types.ts';
export * from './counts.ts';
export * from './trend.ts';
export * from './open-target.ts';
export * from './chart.ts';
