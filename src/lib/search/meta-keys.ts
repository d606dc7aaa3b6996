/** Keys of the meta fields each indexed page carries (no schema import: the browser reads this). */

/**
 * Meta keys stored with each page and read by the search page. Meta values are
 * searchable in Pagefind, so dates are stored as day numbers (see `dayNumber`) that
 * no query for 2018 or 05 can match, and the content type, company and the like are
 * read from the page's filters instead.
 */
export const META = {
  /** Programs: applyStart applyEnd supportStart supportEnd as day numbers. */
  periods: 'periods',
  /** Notices, plans, programs: the date shown in the result (day number). */
  date: 'day',
  /** Korean inner tokens of the body (weighted low). */
  koreanBody: 'kb',
  /** Korean inner tokens and 초성 of the title (weighted like the title). */
  koreanTitle: 'kt',
} as const;

/** Ranking weights of the meta fields: title-like fields boost, body tokens barely count. */
export const META_WEIGHTS: Record<string, number> = {
  title: 10,
  [META.koreanTitle]: 10,
  [META.koreanBody]: 0.3,
  [META.periods]: 0,
  [META.date]: 0,
};

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01 (what the meta fields store). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
