/** 동반성장 평가 상생누리 활용 실적: the rules as data, the point functions, and ①/④ from content. */
export * from './rules.ts';
export * from './score.ts';
export * from './from-content.ts';
