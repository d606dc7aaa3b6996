/**
 * The prefix chunk map (src/lib/search/prefix-chunks.ts): which Pagefind index chunks a
 * query word's prefix reaches, the words that make Pagefind load them, and the search
 * wrapper that loads them before searching. (Against a real Pagefind index:
 * tests/build/search-prefix-chunks.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { PagefindResponse } from '../../src/lib/search/engine.ts';
import { readIndexChunks, type IndexChunk } from '../../src/lib/search/pagefind-meta.ts';
import { buildPrefixChunkMap, chunkProbes, extensionProbes, loadPrefixChunkMap, pagefindWords, parsePrefixChunkMap, prefixChunkFile, prefixWords, withPrefixChunks, type PrefixChunkMap } from '../../src/lib/search/prefix-chunks.ts';

const d = (s: string) => s.normalize('NFD');
const chunk = (from: string, to: string, hash: string): IndexChunk => ({ from: d(from), to: d(to), hash });

/** Chunks as Pagefind cuts them at 10,000 programs: the words starting with 지원 fill four. */
const CHUNKS: IndexChunk[] = [
  chunk('가', '지역경제', 'a'),
  chunk('지역경제사', '지원', 'b'),
  chunk('지원가', '지원금으', 'c'),
  chunk('지원금이', '지원기간', 'd'),
  chunk('지원대상', '지원분야', 'e'),
  chunk('지원사업·', '지원서', 'f'),
  chunk('지정', '하하', 'g'),
];

describe('pagefindWords', () => {
  it('cleans a query the way pagefind.js does: punctuation dropped, lower case, Hangul decomposed', () => {
    expect(pagefindWords('중소기업을, 지원!')).toEqual([d('중소기업을'), d('지원')]);
    expect(pagefindWords('한전KDN  (주)')).toEqual([d('한전kdn'), d('주')]);
    expect(pagefindWords('대·중소기업')).toEqual([d('대중소기업')]);
  });

  it('keeps the characters Pagefind counts as part of a word', () => {
    expect(pagefindWords('C#', ['#'])).toEqual(['c#']);
    expect(pagefindWords('C#')).toEqual(['c']);
  });
});

describe('buildPrefixChunkMap', () => {
  it('lists each chunk’s first word, composed, and a probe where the first word would be cleaned up', () => {
    const { map, unreachable } = buildPrefixChunkMap(CHUNKS, []);
    expect(map.starts).toEqual(['가', '지역경제사', '지원가', '지원금이', '지원대상', '지원사업·', '지정']);
    // 지원사업· loses its middle dot in a query and would select the chunk before: its last word is used.
    expect(map.probes).toEqual({ 5: '지원서' });
    expect(unreachable).toBe(0);
  });

  it('counts a chunk no word can reach', () => {
    const { map, unreachable } = buildPrefixChunkMap([chunk('가', '나', 'a'), chunk('다·', '라·', 'b')], []);
    expect(map.probes).toEqual({ 1: null });
    expect(unreachable).toBe(1);
    expect(extensionProbes(map, [d('다')])).toEqual([]);
  });

  it('gives a word for every chunk it can reach (to load the whole index)', () => {
    expect(chunkProbes(buildPrefixChunkMap(CHUNKS, []).map)).toEqual(['가', '지역경제사', '지원가', '지원금이', '지원대상', '지원서', '지정']);
    expect(chunkProbes(buildPrefixChunkMap([chunk('가', '나', 'a'), chunk('다·', '라·', 'b')], []).map)).toEqual(['가']);
  });
});

describe('extensionProbes', () => {
  const { map } = buildPrefixChunkMap(CHUNKS, []);

  it('reaches every chunk after the word’s own that starts with it', () => {
    expect(extensionProbes(map, pagefindWords('지원'))).toEqual(['지원가', '지원금이', '지원대상', '지원서']);
    expect(extensionProbes(map, pagefindWords('지원금'))).toEqual(['지원금이']);
  });

  it('leaves a word whose extensions sit in its own chunk to Pagefind', () => {
    expect(extensionProbes(map, pagefindWords('지역'))).toEqual(['지역경제사']);
    expect(extensionProbes(map, pagefindWords('하'))).toEqual([]);
    expect(extensionProbes(map, pagefindWords('지원대상'))).toEqual([]);
  });

  it('takes every word of the query', () => {
    expect(extensionProbes(map, pagefindWords('지원금 지정'))).toEqual(['지원금이']);
    expect(extensionProbes(map, pagefindWords('지원금 지역'))).toEqual(['지역경제사', '지원금이']);
  });
});

describe('withPrefixChunks', () => {
  const { map } = buildPrefixChunkMap(CHUNKS, []);
  const response: PagefindResponse = { results: [], filters: {} };
  function fake() {
    const calls: string[] = [];
    return {
      calls,
      pf: {
        preload: async (term: string) => void calls.push(`preload ${term}`),
        search: async (term: string | null) => (calls.push(`search ${term}`), response),
      },
    };
  }

  it('preloads the query and the chunks its prefixes reach, then searches', async () => {
    const { pf, calls } = fake();
    const wrapped = withPrefixChunks(pf, Promise.resolve(map));
    expect(await wrapped.search('지원금', {})).toBe(response);
    expect(calls).toEqual(['preload 지원금 지원금이', 'search 지원금']);
  });

  it('leaves one-character words to Pagefind’s own chunk (they would reach nearly every chunk)', async () => {
    const oneSyllable: IndexChunk[] = [chunk('가', '지', 'a'), chunk('지가', '지나', 'b'), chunk('지다', '지하', 'c'), chunk('차', '하', 'd')];
    const wide = buildPrefixChunkMap(oneSyllable, []).map;
    expect(extensionProbes(wide, pagefindWords('지'))).toEqual(['지가', '지다']);
    expect(prefixWords('지 지가 ㅅ a 20', [])).toEqual([d('지가'), '20']);
    const { pf, calls } = fake();
    await withPrefixChunks(pf, Promise.resolve(wide)).search('지', {});
    expect(calls).toEqual(['search 지']);
  });

  it('preloads what is typed without searching: the query’s chunk and the chunks its prefixes reach', async () => {
    const { pf, calls } = fake();
    const wrapped = withPrefixChunks(pf, Promise.resolve(map));
    await wrapped.preload('지원금');
    await wrapped.preload('하나');
    await wrapped.preload(' ');
    await withPrefixChunks(pf, Promise.resolve(undefined)).preload('지원');
    expect(calls).toEqual(['preload 지원금 지원금이', 'preload 하나', 'preload 지원']);
  });

  it('searches straight away when nothing is past the word’s chunk, for filter-only searches and without a map', async () => {
    for (const [m, term] of [[map, '하나'], [map, null], [undefined, '지원'], [Promise.reject(new Error('404')), '지원']] as const) {
      const { pf, calls } = fake();
      const loaded = m instanceof Promise ? m : Promise.resolve(m);
      await withPrefixChunks(pf, loaded).search(term, {});
      expect(calls).toEqual([`search ${term}`]);
    }
  });
});

describe('loading the map', () => {
  const map: PrefixChunkMap = { version: 1, includeCharacters: ['_'], starts: ['가'], probes: {} };
  const files: Record<string, unknown> = {
    '/pagefind/pagefind-entry.json': { languages: { en: { hash: 'en_1', page_count: 3 }, ko: { hash: 'ko_2', page_count: 1 } } },
    [`/pagefind/${prefixChunkFile('ko_2')}`]: map,
  };
  const fetcher = (async (url: string) => {
    const body = files[url.split('?')[0]];
    return { ok: body !== undefined, json: async () => body };
  }) as unknown as typeof fetch;

  it('finds the map of the page’s language through Pagefind’s entry file', async () => {
    expect(await loadPrefixChunkMap('/pagefind/', 'ko', fetcher)).toEqual(map);
    expect(await loadPrefixChunkMap('/pagefind/', 'en', fetcher)).toBeUndefined();
  });

  it('refuses what is not a map', () => {
    expect(parsePrefixChunkMap({ version: 2, starts: [], includeCharacters: [], probes: {} })).toBeUndefined();
    expect(parsePrefixChunkMap({ version: 1, starts: [1], includeCharacters: [], probes: {} })).toBeUndefined();
    expect(parsePrefixChunkMap(map)).toEqual(map);
  });

  it('refuses a metadata file without Pagefind’s signature', () => {
    expect(() => readIndexChunks(new TextEncoder().encode('not pagefind at all'))).toThrow(/Pagefind 메타데이터가 아닙니다/);
  });
});
