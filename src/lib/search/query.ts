/**
 * What to ask the index for a visitor's query: the words as typed, the words with
 * trailing particles stripped, and the Hangul an English-mode query was meant to be.
 */
import { isChoseongWord } from './hangul.ts';
import { qwertyToHangul } from './keyboard.ts';
import { stripParticle } from './particles.ts';

/** Longest query kept (longer input is cut, the index has no use for it). */
export const MAX_QUERY_LENGTH = 100;

export interface QueryPlan {
  /** The query as typed: NFC, single spaces, trimmed. Empty when nothing to search. */
  text: string;
  /** The words with a trailing particle removed (중소기업을 → 중소기업), when any had one. */
  stripped?: string;
  /** The Hangul meant when typed in English mode (tkdtodsnfl → 상생누리), tried when nothing is found. */
  keyboard?: string;
  /** Some word is 초성 only (ㅅㅅㄴㄹ). */
  choseong: boolean;
}

/** Normalise what the visitor typed. */
export function normalizeQuery(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/** Split a query into its words. */
export function queryWords(query: string): string[] {
  return query.split(' ').filter(Boolean);
}

/** Plan the searches for one query. */
export function planQuery(raw: string): QueryPlan {
  const text = normalizeQuery(raw);
  const words = queryWords(text);
  const strippedWords = words.map((w) => stripParticle(w) ?? w);
  const stripped = strippedWords.join(' ');
  return {
    text,
    stripped: stripped !== text ? stripped : undefined,
    keyboard: qwertyToHangul(text),
    choseong: words.some(isChoseongWord),
  };
}

/**
 * A plan for the Hangul of an English-mode query (its particles stripped too),
 * or `undefined` when the query is not one.
 */
export function keyboardPlan(plan: QueryPlan): QueryPlan | undefined {
  return plan.keyboard ? { ...planQuery(plan.keyboard), keyboard: undefined } : undefined;
}

/** Words to highlight and to look for in titles: the broadest form searched. */
export function matchTerms(plan: QueryPlan): string[] {
  return queryWords(plan.stripped ?? plan.text);
}
