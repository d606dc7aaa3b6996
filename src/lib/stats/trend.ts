/**
 * 등록 프로그램 추이: programs registered per month and the running total (단위: 개, 누적),
 * from each program's 등록일 (registeredAt). Months without registrations are kept
 * (added 0), so the cumulative line has no gaps.
 */
import type { StatsProgram } from './types.ts';

export interface MonthPoint {
  /** `YYYY-MM`. */
  month: string;
  /** Programs registered that month. */
  added: number;
  /** Programs registered up to the end of that month. */
  total: number;
}

/** `2018-05` → `2018-06`; `2018-12` → `2019-01`. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `2018-05` → `2018년 5월`. */
export function formatMonth(month: string): string {
  return `${month.slice(0, 4)}년 ${Number(month.slice(5, 7))}월`;
}

/**
 * Cumulative registrations by month, from the first registration's month to the last
 * one's (or to `until`, `YYYY-MM`, when given and later). Empty input gives [].
 */
export function cumulativeByMonth(programs: Iterable<StatsProgram>, until?: string): MonthPoint[] {
  const perMonth = new Map<string, number>();
  for (const p of programs) {
    const month = p.data.registeredAt.slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  if (perMonth.size === 0) return [];
  const months = [...perMonth.keys()].sort();
  const last = until && until > months[months.length - 1] ? until : months[months.length - 1];
  const points: MonthPoint[] = [];
  let total = 0;
  for (let month = months[0]; month <= last; month = nextMonth(month)) {
    const added = perMonth.get(month) ?? 0;
    total += added;
    points.push({ month, added, total });
  }
  return points;
}
