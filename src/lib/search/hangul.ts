/**
 * Hangul character classes and 초성 (initial consonant) helpers shared by the
 * build-time token expansion and the browser-side query rewriting.
 */
import { getChoseong } from 'es-hangul';

/** A complete Hangul syllable (가–힣). */
export const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/;
/** Maximal runs of complete Hangul syllables. */
const HANGUL_RUNS = /[\uAC00-\uD7A3]+/g;
/** Compatibility jamo consonants as typed on a Korean keyboard (ㄱ–ㅎ). */
const CHOSEONG_ONLY = /^[\u3131-\u314E]+$/;

/** True when every character is a complete Hangul syllable (and there is at least one). */
export function isAllSyllables(text: string): boolean {
  return text.length > 0 && /^[\uAC00-\uD7A3]+$/.test(text);
}

/** Number of complete Hangul syllables in `text`. */
export function syllableCount(text: string): number {
  return text.match(/[\uAC00-\uD7A3]/g)?.length ?? 0;
}

/** True for a word typed as initial consonants only, e.g. ㅅㅅㄴㄹ. */
export function isChoseongWord(word: string): boolean {
  return CHOSEONG_ONLY.test(word);
}

/** Each maximal run of Hangul syllables in `text` with its start offset. */
export function hangulRuns(text: string): { run: string; index: number }[] {
  return [...text.matchAll(HANGUL_RUNS)].map((m) => ({ run: m[0], index: m.index ?? 0 }));
}

/** 초성 of a run of syllables: 상생누리 → ㅅㅅㄴㄹ (non-Hangul characters are dropped). */
export function choseongOf(text: string): string {
  return getChoseong(text).replace(/\s+/g, '');
}
