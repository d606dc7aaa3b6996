/**
 * Result order on top of Pagefind's score: a page whose title contains the query
 * comes before pages that only mention it, and a 종료 program never comes before an
 * open one that matched the same way.
 */
import { choseongOf, isChoseongWord } from './hangul.ts';

/** Score factor for pages found only through the particle-stripped query. */
export const STRIPPED_ONLY_FACTOR = 0.8;
/** Score factor for programs that were 종료 when the index was built. */
export const ENDED_FACTOR = 0.5;

export interface Candidate {
  id: string;
  /** Pagefind's relevance score. */
  score: number;
  /** Matched the words as typed (false: only their particle-stripped form). */
  exact: boolean;
  /** A 종료 program (as of the build until the page's dates are known). */
  ended: boolean;
  /** A query word matched the title or its Korean title tokens (known before the page is loaded). */
  titleHit?: boolean;
}

/** Score used to order the whole list before pages are loaded. */
export function adjustedScore(c: Candidate): number {
  return c.score * (c.exact ? 1 : STRIPPED_ONLY_FACTOR) * (c.ended ? ENDED_FACTOR : 1);
}

/**
 * Order candidates before any page is loaded: title hits first (over the whole list, not
 * only within a page of results), then by adjusted score (stable for equal scores).
 */
export function orderCandidates<T extends Candidate>(list: T[]): T[] {
  return list
    .map((c, i) => ({ c, i, t: c.titleHit ? 0 : 1, s: adjustedScore(c) }))
    .sort((a, b) => a.t - b.t || b.s - a.s || a.i - b.i)
    .map(({ c }) => c);
}

/** True when the title contains every term (초성 terms against the title's 초성). */
export function titleMatches(title: string, terms: string[]): boolean {
  if (terms.length === 0) return false;
  const lower = title.toLowerCase();
  const initials = choseongOf(title);
  return terms.every((t) => (isChoseongWord(t) ? initials.includes(t) : lower.includes(t.toLowerCase())));
}

export interface LoadedCandidate extends Candidate {
  title: string;
}

/**
 * Order a loaded window of results (one page of them): title matches first, then
 * open before 종료, then matches of the words as typed, then adjusted score.
 */
export function orderWindow<T extends LoadedCandidate>(list: T[], terms: string[]): T[] {
  return list
    .map((c, i) => ({ c, i, t: titleMatches(c.title, terms) ? 0 : 1, s: adjustedScore(c) }))
    .sort((a, b) => a.t - b.t || Number(a.c.ended) - Number(b.c.ended) || Number(b.c.exact) - Number(a.c.exact) || b.s - a.s || a.i - b.i)
    .map(({ c }) => c);
}
