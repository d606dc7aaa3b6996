/**
 * 전체 오픈 비율 against the policy target of 001 (대·중소기업 상생협력 생태계 구축방안, 2018.5):
 * "미거래 중소기업에 대한 지원사업 개방비율 확대('18년, 20% → '20년, 50%)".
 * The ratio per year is cumulative: 전체 오픈 programs among all programs registered up to
 * the end of that year (the way 001 reports 681 of 1,114), so the current year's value equals
 * the headline ratio. The target exists for 2018 and 2020 only; 2019 is left without one
 * rather than interpolated, because the source names none.
 */
import { OPEN_AUDIENCE, ratio } from './counts.ts';
import type { StatsProgram } from './types.ts';

/** The policy targets as data: year → share (0–1). */
export const OPEN_RATIO_TARGETS: readonly { year: number; ratio: number }[] = [
  { year: 2018, ratio: 0.2 },
  { year: 2020, ratio: 0.5 },
];

/** The source sentence of the target, quoted on the page. */
export const OPEN_RATIO_TARGET_SOURCE = "미거래 중소기업에 대한 지원사업 개방비율 확대('18년, 20% → '20년, 50%)";

export interface YearRatio {
  year: number;
  /** Programs registered up to the end of the year (or up to today in the current year). */
  total: number;
  /** Of which 전체 오픈. */
  open: number;
  /** open / total, or undefined for a year after today (no data yet). */
  ratio?: number;
  /** Policy target for the year, when the source sets one. */
  target?: number;
}

/**
 * One row per year from the first registration year (or 2018, if earlier) to the later of
 * today's year and the last target year. `today` is `YYYY-MM-DD`.
 */
export function openRatioByYear(programs: readonly StatsProgram[], today: string): YearRatio[] {
  const thisYear = Number(today.slice(0, 4));
  const perYear = new Map<number, { total: number; open: number }>();
  let first = Math.min(...OPEN_RATIO_TARGETS.map((t) => t.year));
  for (const p of programs) {
    const year = Number(p.data.registeredAt.slice(0, 4));
    if (year < first) first = year;
    const bucket = perYear.get(year) ?? { total: 0, open: 0 };
    bucket.total += 1;
    if (p.data.audience === OPEN_AUDIENCE) bucket.open += 1;
    perYear.set(year, bucket);
  }
  const last = Math.max(thisYear, ...OPEN_RATIO_TARGETS.map((t) => t.year));
  const rows: YearRatio[] = [];
  let total = 0;
  let open = 0;
  for (let year = first; year <= last; year++) {
    total += perYear.get(year)?.total ?? 0;
    open += perYear.get(year)?.open ?? 0;
    const target = OPEN_RATIO_TARGETS.find((t) => t.year === year)?.ratio;
    const future = year > thisYear;
    rows.push({
      year,
      total: future ? 0 : total,
      open: future ? 0 : open,
      ...(future ? {} : { ratio: ratio(open, total) }),
      ...(target === undefined ? {} : { target }),
    });
  }
  return rows;
}

/** The target that applies now: the first target year ≥ today's year, else the last one. */
export function currentTarget(today: string): { year: number; ratio: number } {
  const year = Number(today.slice(0, 4));
  return OPEN_RATIO_TARGETS.find((t) => t.year >= year) ?? OPEN_RATIO_TARGETS[OPEN_RATIO_TARGETS.length - 1];
}
