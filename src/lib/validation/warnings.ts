/** Advice that does not stop the build: a 프로그램명 should name its period (001). */
import type { Problem } from './problem.ts';
import type { ValidEntry } from './cross-checks.ts';

/** A four-digit year (2018), or the short form '18 / 18년. */
const YEAR = /(?:19|20)\d{2}|'\d{2}|\d{2}년/;

/** True when a title names its period the way the registration form asks. */
export function titleHasYear(title: string): boolean {
  return YEAR.test(title);
}

export function titleWarnings(entries: ValidEntry[]): Problem[] {
  return entries
    .filter((e) => e.collection === 'programs' && !titleHasYear(String(e.data.title)))
    .map((e) => ({
      file: e.file, field: 'title', label: '프로그램명', value: e.data.title, severity: 'warning' as const,
      message: '프로그램명에 시기(연도)가 없습니다 — 예: "2018년 …" (경고, 빌드는 계속됩니다)',
    }));
}
