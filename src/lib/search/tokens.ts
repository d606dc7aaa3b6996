/**
 * Build-time Korean token expansion. Pagefind matches every query word as a
 * **prefix** of an indexed word and does not segment Korean, so 프로그램 would not
 * find 상생협력프로그램. Indexing the syllable suffixes of each Hangul run
 * (협력프로그램, 력프로그램, 프로그램, 로그램, 그램) makes every inner run of two or
 * more syllables the prefix of something indexed. The tokens go into a low-weight
 * meta field, never into the text a visitor sees.
 */
import { choseongOf, hangulRuns } from './hangul.ts';

/** Runs of complete Hangul syllables (a fresh `lastIndex` per call: see innerHangulTokens). */
const HANGUL_RUN_SOURCE = '[\\uAC00-\\uD7A3]+';
/** What `split(/\s+/)` splits words on. */
const SPACE = /\s/;
/** What starts a word for Pagefind (letters and numbers of any script). */
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Shortest inner run that becomes findable (one syllable would match nearly everything). */
export const MIN_TOKEN_SYLLABLES = 2;
/** Shortest inner 초성 run indexed (two initials alone match too much to be useful). */
export const MIN_INNER_CHOSEONG = 3;

/** Whitespace-separated words as Pagefind would start them (lower-cased, leading punctuation dropped). */
export function wordStarts(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => (startsWithWordChar(w) ? w : w.replace(/^[^\p{L}\p{N}]+/u, '')).toLowerCase())
    .filter(Boolean);
}

/** A Hangul syllable, ASCII letter or digit first: nothing to strip (the common case, without a regex). */
function startsWithWordChar(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/**
 * Every suffix of ≥ 2 syllables of every Hangul run that is not already the start
 * of a word: 상생협력프로그램 → 생협력프로그램 … 그램; 2018년도예산 → 년도예산, 도예산, 예산.
 */
export function innerHangulTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  // One pass over the text's runs (at 10,000 programs splitting every word first cost ~1 s).
  const runs = new RegExp(HANGUL_RUN_SOURCE, 'g');
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const run = m[0];
    // A run that starts the word is found by Pagefind's own prefix match.
    const first = startsWord(text, m.index) ? 1 : 0;
    for (let i = first; i <= run.length - MIN_TOKEN_SYLLABLES; i++) tokens.add(run.slice(i));
  }
  return tokens;
}

/** True when no letter or number comes before `at` in its whitespace-separated word. */
function startsWord(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && !SPACE.test(text[start - 1])) start--;
  for (let i = start; i < at; ) {
    const cp = text.codePointAt(i)!;
    if (LETTER_OR_NUMBER.test(String.fromCodePoint(cp))) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

/**
 * 초성 tokens of a name or title: each run's 초성 and its suffixes of three or more
 * (한국수자원공사 → ㅎㄱㅅㅈㅇㄱㅅ, ㄱㅅㅈㅇㄱㅅ, … ㅇㄱㅅ) plus the whole name's
 * 초성 without spaces (상생 누리 → ㅅㅅㄴㄹ), so ㅅㅈㅇ finds 수자원 inside the name.
 */
export function choseongTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const runs = hangulRuns(text).map(({ run }) => choseongOf(run));
  for (const cs of runs) {
    if (cs.length >= MIN_TOKEN_SYLLABLES) tokens.add(cs);
    for (let i = 1; i <= cs.length - MIN_INNER_CHOSEONG; i++) tokens.add(cs.slice(i));
  }
  const joined = runs.join('');
  if (runs.length > 1 && joined.length >= MIN_TOKEN_SYLLABLES) tokens.add(joined);
  return tokens;
}

/**
 * Drop tokens that are a prefix of another token or of a word already on the page:
 * a query matching them already matches the longer word. Sorting puts any word
 * starting with `t` right after `t`, so one look at the neighbour suffices.
 */
export function pruneByPrefix(tokens: Iterable<string>, pageWords: Iterable<string> = []): string[] {
  const own = new Set(tokens);
  const words = new Set(pageWords);
  // Only words sharing a token's first character can start with a token: the rest need no
  // place in the sort (at 10,000 programs the sort was the token layer's largest cost).
  const firsts = new Set<string>();
  for (const t of own) firsts.add(t[0]);
  const all = [...own];
  for (const w of words) if (!own.has(w) && firsts.has(w[0])) all.push(w);
  all.sort(codeUnitOrder);
  const kept: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (!own.has(t) || words.has(t)) continue;
    const next = all[i + 1];
    if (next !== undefined && next.startsWith(t)) continue;
    kept.push(t);
  }
  return kept;
}

/** What `sort()` does without a comparator for strings, without its conversions. */
function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The meta values of one page: inner tokens of its body and of its title. */
export interface KoreanTokenFields {
  /** Inner suffixes of the body text and 초성 of names shown on it (weighted low). */
  body: string;
  /** Inner suffixes and 초성 of the title (weighted like the title). */
  title: string;
}

/**
 * Korean tokens for a page from its indexed text, its title and names whose 초성
 * should find it (e.g. the program's company).
 */
export function koreanTokenFields(opts: { text: string; title: string; names?: string[] }): KoreanTokenFields {
  const titleWords = wordStarts(opts.title);
  const titleTokens = new Set([...innerHangulTokens(opts.title), ...choseongTokens(opts.title)]);
  const bodyTokens = innerHangulTokens(opts.text);
  for (const name of opts.names ?? []) for (const t of choseongTokens(name)) bodyTokens.add(t);
  // Body tokens the title field already carries would only be counted twice.
  for (const t of titleTokens) bodyTokens.delete(t);
  return {
    body: pruneByPrefix(bodyTokens, [...wordStarts(opts.text), ...titleTokens, ...titleWords]).join(' '),
    title: pruneByPrefix(titleTokens, titleWords).join(' '),
  };
}
