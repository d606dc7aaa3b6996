/** The facet index across a message port (src/lib/search/facet-channel.ts), over a real MessageChannel. */
import { afterEach, describe, expect, it } from 'vitest';
import type { PagefindApi, PagefindFilters } from '../../src/lib/search/engine.ts';
import { FacetWorkerUnavailable, facetIndexOverPort, serveFacetIndex, withFallback, type FacetWorkerInit, type Port } from '../../src/lib/search/facet-channel.ts';
import { facetIndexOf, type FacetIndex } from '../../src/lib/search/facet-index.ts';

const init: FacetWorkerInit = { bundle: '/pagefind/', lang: 'ko' };
const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

/** The page's and the worker's ends of a new channel. */
function channel(): [Port, Port] {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  return [port1 as unknown as Port, port2 as unknown as Port];
}

/** A Pagefind whose results carry a data() function, as Pagefind's do (a function cannot be posted). */
function fakePagefind(pages: { id: string; words: string[]; 진행단계: string }[]): PagefindApi & { filtersLoaded: number } {
  const pf = {
    filtersLoaded: 0,
    async filters() {
      pf.filtersLoaded++;
      return {};
    },
    async search(term: string | null, options: { filters?: PagefindFilters } = {}) {
      if (term === '오류') throw new Error('색인 조각을 읽지 못했습니다');
      const hits = pages.filter((p) => (term === null || p.words.some((w) => w.startsWith(term))) && (options.filters?.['진행단계']?.any.includes(p.진행단계) ?? true));
      const counts: Record<string, number> = {};
      for (const p of hits) counts[p.진행단계] = (counts[p.진행단계] ?? 0) + 1;
      return { filters: { 진행단계: counts }, results: hits.map((p) => ({ id: p.id, score: 1, data: async () => ({ url: `/${p.id}/`, content: '', meta: {}, filters: {} }) })) };
    },
  };
  return pf;
}

const pages = [
  { id: 'a', words: ['중소기업의'], 진행단계: '모집중' },
  { id: 'b', words: ['중소기업'], 진행단계: '종료' },
  { id: 'c', words: ['상생'], 진행단계: '종료' },
];

describe('facet index over a message port', () => {
  it('answers counts, ids and filter loading from the other end, with only counts and ids crossing', async () => {
    const [page, worker] = channel();
    const pf = fakePagefind(pages);
    let opened: FacetWorkerInit | undefined;
    serveFacetIndex(worker, async (given) => ((opened = given), facetIndexOf(pf)));
    const facets = facetIndexOverPort(page, init);
    await facets.loadFilters();
    expect(opened).toEqual(init);
    expect(pf.filtersLoaded).toBe(1);
    expect(await facets.counts('중소기업', {})).toEqual({ 진행단계: { 모집중: 1, 종료: 1 } });
    expect(await facets.ids(null, { 진행단계: { any: ['종료'] } })).toEqual(['b', 'c']);
  });

  it('gives each of several requests in flight its own answer, whatever order they finish in', async () => {
    const [page, worker] = channel();
    const slow: FacetIndex = {
      counts: (term) => new Promise((ok) => setTimeout(() => ok({ 글자수: { [String(term)]: term?.length ?? 0 } }), term === '느린검색어' ? 30 : 1)),
      ids: async (term) => [String(term)],
      loadFilters: async () => undefined,
    };
    serveFacetIndex(worker, async () => slow);
    const facets = facetIndexOverPort(page, init);
    const [first, second, third] = await Promise.all([facets.counts('느린검색어', {}), facets.counts('빠름', {}), facets.ids('상생', {})]);
    expect(first).toEqual({ 글자수: { 느린검색어: 5 } });
    expect(second).toEqual({ 글자수: { 빠름: 2 } });
    expect(third).toEqual(['상생']);
  });

  it('rejects a search that failed with its message and goes on answering the next ones', async () => {
    const [page, worker] = channel();
    serveFacetIndex(worker, async () => facetIndexOf(fakePagefind(pages)));
    const facets = facetIndexOverPort(page, init);
    const failed = facets.counts('오류', {});
    await expect(failed).rejects.toThrow('색인 조각을 읽지 못했습니다');
    await expect(failed).rejects.not.toBeInstanceOf(FacetWorkerUnavailable);
    expect(await facets.ids('상생', {})).toEqual(['c']);
  });

  it('reports the worker unavailable when it cannot open Pagefind, and the fallback counts instead (made once)', async () => {
    const [page, worker] = channel();
    serveFacetIndex(worker, async () => {
      throw new Error('pagefind.js 를 불러오지 못했습니다');
    });
    const direct = facetIndexOverPort(page, init);
    await expect(direct.ids(null, {})).rejects.toBeInstanceOf(FacetWorkerUnavailable);
    await expect(direct.ids(null, {})).rejects.toThrow('pagefind.js 를 불러오지 못했습니다');

    const [page2, worker2] = channel();
    serveFacetIndex(worker2, async () => {
      throw new Error('pagefind.js 를 불러오지 못했습니다');
    });
    let made = 0;
    const facets = withFallback(facetIndexOverPort(page2, init), () => (made++, facetIndexOf(fakePagefind(pages))));
    // The worker answers off the page's thread; the fallback on the page does not (searches filter in Pagefind).
    expect(facets.offThread).toBe(true);
    expect(await facets.counts('중소기업', {})).toEqual({ 진행단계: { 모집중: 1, 종료: 1 } });
    expect(facets.offThread).toBe(false);
    expect(await facets.ids('상생', {})).toEqual(['c']);
    expect(made).toBe(1);
  });

  it('fails the requests in flight and later ones when the worker itself fails (a script that cannot load)', async () => {
    const target = new EventTarget();
    const posted: unknown[] = [];
    const port: Port = {
      postMessage: (message) => void posted.push(message),
      addEventListener: (type, listener) => target.addEventListener(type, listener as EventListener),
    };
    const facets = facetIndexOverPort(port, init);
    const inFlight = facets.counts('중소기업', {});
    target.dispatchEvent(Object.assign(new Event('error'), { message: '404 facet-worker.js' }));
    await expect(inFlight).rejects.toBeInstanceOf(FacetWorkerUnavailable);
    await expect(facets.loadFilters()).rejects.toThrow('404 facet-worker.js');
    // The start message and the one request, nothing after the failure.
    expect(posted).toHaveLength(2);
    expect(posted[0]).toEqual({ init });
  });

  it('lets a search error through the fallback wrapper without switching', async () => {
    let made = 0;
    const failing: FacetIndex = { counts: async () => Promise.reject(new Error('검색 실패')), ids: async () => ['x'], loadFilters: async () => undefined };
    const facets = withFallback(failing, () => (made++, facetIndexOf(fakePagefind(pages))));
    await expect(facets.counts('중소기업', {})).rejects.toThrow('검색 실패');
    expect(await facets.ids(null, {})).toEqual(['x']);
    expect(made).toBe(0);
  });
});
