/** 변경 이력: pure diff and timeline logic (git reading lives in git-log.ts, the build entry in load.ts). */
export * from './diff.ts';
export * from './timeline.ts';
export * from './parse.ts';
