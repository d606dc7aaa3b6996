/**
 * Prefix matches that cross Pagefind's index chunks.
 *
 * Pagefind (1.6) splits its word list into chunks by word order and, for each query word,
 * loads only the chunk whose range holds the word itself. Every query word matches as a
 * prefix, but the longer words that start with it can fill the next chunks too: on the
 * 10,000-program corpus the words starting with 지원 span ten chunks and a fresh search for
 * 지원 read only the first, so it found only pages holding the bare word. The result count
 * then depended on which chunks earlier searches happened to load.
 *
 * The build writes, next to Pagefind's metadata, the first word of every chunk
 * (`prefix-chunks.<language hash>.json`); before each search the site asks Pagefind to
 * preload every chunk whose first word starts with a query word, with a word Pagefind
 * files under that chunk (its probe). Pagefind then searches every word the prefix can
 * reach, on a first search as after a hundred.
 */
import type { PagefindApi } from './engine.ts';
import { languageIndexHash } from './bundle.ts';
import type { IndexChunk } from './pagefind-meta.ts';

/** The map shipped to the browser. Words are NFC (a third of Pagefind's decomposed form). */
export interface PrefixChunkMap {
  version: 1;
  /** Characters Pagefind keeps in words though they are punctuation (from pagefind-entry.json). */
  includeCharacters: string[];
  /** First word of each index chunk, in chunk order. */
  starts: string[];
  /**
   * The word to preload a chunk with, by chunk number, where it is not the chunk's first
   * word; null where no word survives Pagefind's query clean-up unchanged (the chunk is
   * then left to Pagefind's own choice).
   */
  probes: Record<string, string | null>;
}

/** Punctuation Pagefind drops from a query (its own expression, kept as written). */
const PAGEFIND_PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;
const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });

/** Pagefind's diacritic folding: decomposed, combining marks dropped (kana voicing marks kept). */
function foldDiacritics(word: string): string {
  const stripped = word.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/**
 * The words Pagefind looks up for a query, cleaned up the way pagefind.js 1.6 does for a
 * language it does not segment (Korean): punctuation dropped, lower case, decomposed.
 */
export function pagefindWords(term: string, includeCharacters: readonly string[] = []): string[] {
  let kept = '';
  for (const { segment } of graphemes.segment(term)) {
    if (includeCharacters.includes(segment)) kept += segment;
    else if (!PAGEFIND_PUNCTUATION.test(segment)) kept += segment.toLocaleLowerCase();
  }
  return kept.replace(/\s{2,}/g, ' ').trim().split(' ').map(foldDiacritics).filter(Boolean);
}

/** True when Pagefind would look `word` up exactly as written (so it selects `word`'s chunk). */
function survivesCleanUp(word: string, includeCharacters: readonly string[]): boolean {
  const words = pagefindWords(word, includeCharacters);
  return words.length === 1 && words[0] === word;
}

export interface PrefixChunkReport {
  map: PrefixChunkMap;
  /** Chunks no word can make Pagefind load (left to Pagefind's own choice). */
  unreachable: number;
}

/** Build the map from the chunk list of Pagefind's metadata. */
export function buildPrefixChunkMap(chunks: IndexChunk[], includeCharacters: string[]): PrefixChunkReport {
  const starts: string[] = [];
  const probes: Record<string, string | null> = {};
  let unreachable = 0;
  // Pagefind stores words decomposed; one that is not would not survive the composed round trip.
  const roundTrips = (w: string) => w.normalize('NFC').normalize('NFD') === w;
  chunks.forEach((chunk, i) => {
    const stable = roundTrips(chunk.from);
    const probe = [chunk.from, chunk.to].find((w) => survivesCleanUp(w, includeCharacters) && roundTrips(w));
    starts.push(stable ? chunk.from.normalize('NFC') : '');
    if (!stable || probe === undefined) unreachable++;
    if (probe !== chunk.from) probes[i] = probe === undefined ? null : probe.normalize('NFC');
  });
  return { map: { version: 1, includeCharacters, starts, probes }, unreachable };
}

/** The map file's name for a language index of the Pagefind bundle. */
export function prefixChunkFile(languageHash: string): string {
  return `prefix-chunks.${languageHash}.json`;
}

/**
 * Fetch the map of a Pagefind bundle (`base` ends in `/`) for the language index Pagefind
 * picks for `lang`. Undefined when the bundle has none.
 */
export async function loadPrefixChunkMap(base: string, lang: string, fetcher: typeof fetch = fetch): Promise<PrefixChunkMap | undefined> {
  const hash = await languageIndexHash(base, lang, fetcher);
  if (!hash) return undefined;
  const response = await fetcher(`${base}${prefixChunkFile(hash)}`);
  return response.ok ? parsePrefixChunkMap(await response.json()) : undefined;
}

/** A map from JSON, checked (undefined when it is not one). */
export function parsePrefixChunkMap(value: unknown): PrefixChunkMap | undefined {
  const v = value as Partial<PrefixChunkMap> | null;
  if (!v || v.version !== 1 || !Array.isArray(v.starts) || !Array.isArray(v.includeCharacters) || typeof v.probes !== 'object' || !v.probes) return undefined;
  if (!v.starts.every((s) => typeof s === 'string')) return undefined;
  return v as PrefixChunkMap;
}

/** The word that makes Pagefind load chunk `i` (undefined when none does). */
function chunkProbe(map: PrefixChunkMap, i: number): string | undefined {
  return (i in map.probes ? map.probes[i] : map.starts[i]) || undefined;
}

/** A word for every chunk Pagefind can be made to load (to load the whole index). */
export function chunkProbes(map: PrefixChunkMap): string[] {
  return map.starts.flatMap((_, i) => chunkProbe(map, i) ?? []);
}

/**
 * Words that make Pagefind load every chunk past a query word's own that holds words
 * starting with it (one word per chunk; the chunk holding the word itself Pagefind finds).
 */
export function extensionProbes(map: PrefixChunkMap, words: string[], decomposed = map.starts.map((s) => s.normalize('NFD'))): string[] {
  const out = new Set<string>();
  decomposed.forEach((start, i) => {
    if (!start || !words.some((w) => start.length > w.length && start.startsWith(w))) return;
    const probe = chunkProbe(map, i);
    if (probe) out.add(probe);
  });
  return [...out];
}

/**
 * Shortest query word (in characters, a Hangul syllable counting one) whose extension chunks
 * are loaded. A one-character word reaches up to 23 chunks (~460 KB) at 10,000 programs, and
 * a search-as-you-type pause after the first syllable would fetch them all; such a word
 * matches nearly everything anyway, so it is left to Pagefind's own chunk.
 */
export const MIN_PREFIX_CHARS = 2;

/** The query words worth loading extension chunks for. */
export function prefixWords(term: string, includeCharacters: readonly string[]): string[] {
  return pagefindWords(term, includeCharacters).filter((w) => [...w.normalize('NFC')].length >= MIN_PREFIX_CHARS);
}

/** The part of Pagefind's API the prefix loading needs. */
export interface PreloadingPagefind extends PagefindApi {
  preload(term: string): Promise<unknown>;
}

/**
 * Pagefind with every chunk a query's prefixes reach loaded before it searches, and a
 * `preload` that fetches those chunks without searching (while the visitor types). Without a
 * map (an old index, a failed fetch) it searches and preloads as Pagefind alone would.
 */
export function withPrefixChunks(pf: PreloadingPagefind, map: Promise<PrefixChunkMap | undefined>): PagefindApi & { preload(term: string): Promise<void> } {
  // The first words decomposed once, as the query words are.
  const ready = map.catch(() => undefined).then((m) => m && { m, decomposed: m.starts.map((s) => s.normalize('NFD')) });
  /** The query's own chunks and its extension chunks, in one preload (fetched together). */
  const load = async (term: string, always: boolean): Promise<void> => {
    const loaded = await ready;
    const probes = loaded ? extensionProbes(loaded.m, prefixWords(term, loaded.m.includeCharacters), loaded.decomposed) : [];
    if (probes.length > 0 || always) await pf.preload([term, ...probes].join(' '));
  };
  return {
    filters: pf.filters ? () => pf.filters!() : undefined,
    async search(term, options) {
      // With no extension chunk, Pagefind's search loads the query's own chunk itself.
      if (term) await load(term, false);
      return pf.search(term, options);
    },
    preload: (term) => (term.trim() ? load(term, true) : Promise.resolve()),
  };
}
