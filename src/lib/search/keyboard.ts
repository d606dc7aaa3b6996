/**
 * Queries typed with the keyboard left in English mode: tkdtodsnfl is what the
 * keys of 상생누리 produce. Converted back only when the result is plain Hangul.
 */
import { convertQwertyToHangul } from 'es-hangul';
import { isAllSyllables } from './hangul.ts';

const LATIN_WORD = /^[A-Za-z]+$/;

/**
 * The Hangul a word of Latin letters was meant to be, or `undefined` when the keys
 * do not spell complete syllables (test → ㅅㄷㄴㅅ is not a word, smart → 늠ㄱㅅ neither).
 * Shifted keys make double consonants (T → ㅆ), so an all-caps word (caps lock)
 * is read in lower case.
 */
export function qwertyWordToHangul(word: string): string | undefined {
  if (!LATIN_WORD.test(word)) return undefined;
  const keys = word === word.toUpperCase() ? word.toLowerCase() : word;
  const converted = convertQwertyToHangul(keys);
  return isAllSyllables(converted) && converted.length >= 2 ? converted : undefined;
}

/** The whole query converted word by word, or `undefined` when any word does not convert. */
export function qwertyToHangul(query: string): string | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const converted = words.map(qwertyWordToHangul);
  return converted.every((w): w is string => w !== undefined) ? converted.join(' ') : undefined;
}
