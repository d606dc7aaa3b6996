/** The search engine's decisions over a fake index (src/lib/search/engine.ts). */
import { describe, expect, it } from 'vitest';
import { SearchEngine, type PagefindApi, type PagefindData } from '../../src/lib/search/engine.ts';
import { facetIndexOf } from '../../src/lib/search/facet-index.ts';

interface Page {
  id: string;
  words: string[];
  title: string;
  filters: Record<string, string[]>;
  periods?: string;
  /** Pagefind's score (1 unless given). */
  score?: number;
}

/** Prefix match of every query word, filters as `any`, `title` among the matched meta fields when a query word is in the title. */
function fakeIndex(pages: Page[]): PagefindApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async search(term, options = {}) {
      calls.push(`${term}${Object.keys(options.filters ?? {}).length ? ` ${JSON.stringify(options.filters)}` : ''}`);
      const words = (term ?? '').split(' ');
      const hits = pages.filter(
        (p) =>
          words.every((w) => p.words.some((x) => x.startsWith(w))) &&
          Object.entries(options.filters ?? {}).every(([k, v]) => v.any.some((x) => p.filters[k]?.includes(x))),
      );
      const filters: Record<string, Record<string, number>> = {};
      for (const p of hits) for (const [k, vs] of Object.entries(p.filters)) for (const v of vs) (filters[k] ??= {})[v] = (filters[k][v] ?? 0) + 1;
      return {
        filters,
        results: hits.map((p) => ({
          id: p.id,
          score: p.score ?? 1,
          matchedMetaFields: words.some((w) => p.title.includes(w)) ? ['title'] : [],
          data: async (): Promise<PagefindData> => ({ url: `/${p.id}/`, content: p.words.join(' '), meta: { title: p.title, periods: p.periods }, filters: p.filters }),
        })),
      };
    },
  };
}

const config = { filterKeys: { type: '콘텐츠 유형', status: '진행단계', company: '기업' } };
const request = (query: string, filters: Record<string, string[]> = {}) => ({ query, filters, sort: 'relevance' as const, today: '2018-05-10' });

describe('search engine', () => {
  const pages: Page[] = [
    { id: 'ended', words: ['물주간', '참가'], title: '2017년 물주간', filters: { '콘텐츠 유형': ['프로그램'], 진행단계: ['종료'], 지원분야: ['판로지원'] }, periods: '17289 17299 17355 17359' },
    { id: 'open', words: ['물주간', '참가'], title: '2018년 물주간', filters: { '콘텐츠 유형': ['프로그램'], 진행단계: ['모집중'], 지원분야: ['판로지원'] }, periods: '17654 17664 17720 17724' },
    { id: 'guide', words: ['상생누리', '안내를'], title: '상생누리 활용안내', filters: { '콘텐츠 유형': ['이용안내'] } },
    { id: 'notice', words: ['안내', '중소기업'], title: '공지', filters: { '콘텐츠 유형': ['포럼 공지'] } },
  ];

  it('retries an English-mode query as Hangul only when it finds nothing', async () => {
    const index = fakeIndex(pages);
    const outcome = await new SearchEngine(index, config).search(request('tkdtodsnfl'));
    expect(outcome).toMatchObject({ searched: '상생누리', keyboardFrom: 'tkdtodsnfl', total: 1, terms: ['상생누리'] });
    expect(index.calls[0]).toBe('tkdtodsnfl');
  });

  it('searches the particle-stripped words and ranks the words as typed first', async () => {
    const outcome = await new SearchEngine(fakeIndex(pages), config).search(request('안내를'));
    expect(outcome.total).toBe(2);
    expect((await outcome.page(0, 10)).map((r) => r.id)).toEqual(['guide', 'notice']);
  });

  it('does not ask Pagefind again for words it searched in this visit (another sort, Enter after the pause, a particle added)', async () => {
    const index = fakeIndex(pages);
    const engine = new SearchEngine(index, config);
    await engine.search(request('안내'));
    await engine.search(request('안내'));
    const outcome = await engine.search(request('안내를'));
    expect(outcome.total).toBe(2);
    expect(index.calls).toEqual(['안내', '안내를']);
  });

  it('counts the facets of the same words and filters once per visit (another sort, back, forward)', async () => {
    const facets = fakeIndex(pages);
    const engine = new SearchEngine(fakeIndex(pages), config, facetIndexOf(facets));
    const first = await (await engine.search(request('물주간', { 진행단계: ['모집중'] }))).counts();
    const asked = facets.calls.length;
    expect(asked).toBeGreaterThan(0);
    const again = await (await engine.search(request('물주간', { 진행단계: ['모집중'] }))).counts();
    expect(again).toEqual(first);
    expect(facets.calls).toHaveLength(asked);
    // Other filters are other counts.
    await (await engine.search(request('물주간', { 지원분야: ['판로지원'] }))).counts();
    expect(facets.calls.length).toBeGreaterThan(asked);
  });

  it('narrows a search with facets ticked by the pages the facet index lists, once it answers off the page', async () => {
    const results = fakeIndex(pages);
    const engine = new SearchEngine(results, config, { ...facetIndexOf(fakeIndex(pages)), offThread: true });
    const ticked = request('물주간', { 진행단계: ['모집중'], 지원분야: ['판로지원'] });
    // The first search comes before the facet index exists: Pagefind filters.
    const first = await engine.search(ticked);
    expect(results.calls).toEqual(['물주간 {"진행단계":{"any":["모집중"]},"지원분야":{"any":["판로지원"]}}']);
    await first.counts();
    // Then the words' results (kept) are narrowed: Pagefind is not asked to filter again.
    await engine.search(request('물주간'));
    const narrowed = await engine.search(ticked);
    expect(narrowed.total).toBe(first.total);
    expect((await narrowed.page(0, 10)).map((r) => r.id)).toEqual((await first.page(0, 10)).map((r) => r.id));
    expect((await (await engine.search(request('물주간', { 진행단계: ['종료'] }))).page(0, 10)).map((r) => r.id)).toEqual(['ended']);
    expect((await engine.search(request('물주간', { 진행단계: ['예정'] }))).total).toBe(0);
    expect(results.calls).toEqual(['물주간 {"진행단계":{"any":["모집중"]},"지원분야":{"any":["판로지원"]}}', '물주간']);
  });

  it('leaves the filtering to Pagefind where the facet index runs on the page', async () => {
    const results = fakeIndex(pages);
    const engine = new SearchEngine(results, config, facetIndexOf(fakeIndex(pages)));
    await (await engine.search(request('물주간'))).counts();
    expect((await engine.search(request('물주간', { 진행단계: ['종료'] }))).total).toBe(1);
    expect(results.calls).toEqual(['물주간', '물주간 {"진행단계":{"any":["종료"]}}']);
  });

  it('ranks an open program above a 종료 one and computes 진행단계 from its dates', async () => {
    const items = await (await new SearchEngine(fakeIndex(pages), config).search(request('물주간'))).page(0, 10);
    expect(items.map((r) => [r.id, r.status, r.dday])).toEqual([['open', '모집중', 'D-3'], ['ended', '종료', undefined]]);
  });

  it("counts a facet's values without its own selection, so other values stay pickable", async () => {
    const results = fakeIndex(pages);
    const facets = fakeIndex(pages);
    const outcome = await new SearchEngine(results, config, facetIndexOf(facets)).search(request('물주간', { 진행단계: ['모집중'] }));
    expect(outcome.total).toBe(1);
    const counts = await outcome.counts();
    expect(counts['진행단계']).toEqual({ 모집중: 1, 종료: 1 });
    expect(counts['지원분야']).toEqual({ 판로지원: 1 });
    // The 종료 list and the counts never load filters into the results instance.
    expect(results.calls.every((c) => c === '물주간 {"진행단계":{"any":["모집중"]}}')).toBe(true);
  });

  it('puts title matches first over the whole list, before any page is loaded', async () => {
    // Nine pages mention 물주간 often (high score); the one with it in its title scores low.
    const many: Page[] = Array.from({ length: 9 }, (_, i) => ({ id: `body-${i}`, words: ['물주간'], title: `참가 안내 ${i}`, filters: {}, score: 9 - i }));
    const titled: Page = { id: 'titled', words: ['물주간'], title: '2018년 물주간 참가', filters: {}, score: 0.1 };
    const outcome = await new SearchEngine(fakeIndex([...many, titled]), config).search(request('물주간'));
    // A first page of two results: the title match is on it although eight pages outscore it.
    expect((await outcome.page(0, 2)).map((r) => r.id)).toEqual(['titled', 'body-0']);
  });

  it('preloads the chunks of what is typed (particle stripped, as the search will ask) without searching', async () => {
    const preloaded: string[] = [];
    const index = { ...fakeIndex(pages), preload: async (term: string) => void preloaded.push(term) };
    const engine = new SearchEngine(index, config);
    await engine.preload('중소기업을');
    await engine.preload('  ');
    await engine.preload('상생누리');
    expect(preloaded).toEqual(['중소기업', '상생누리']);
    expect(index.calls).toEqual([]);
  });

  it('sorts by 신청 마감일 (open first, then 진행중, then 종료) and 등록일 (newest first) from the sort files, leaving out pages without the key', async () => {
    const loaded: string[] = [];
    const tables = {
      deadline: { version: 1 as const, key: '신청 마감일', pages: ['ended', 'running', 'open'] },
      registered: { version: 1 as const, key: '등록일', pages: ['open', 'running', 'ended', 'guide'] },
    };
    const withNotice: Page[] = [
      ...pages,
      { id: 'notice-2', words: ['물주간'], title: '물주간 공지', filters: { '콘텐츠 유형': ['포럼 공지'] } },
      { id: 'running', words: ['물주간'], title: '물주간 지원', filters: { '콘텐츠 유형': ['프로그램'], 진행단계: ['진행중'] } },
    ];
    const engine = new SearchEngine(fakeIndex(withNotice), config, facetIndexOf(fakeIndex(withNotice)), async (name) => (loaded.push(name), tables[name]));
    const ids = async (sort: 'deadline' | 'registered' | 'relevance') => (await (await engine.search({ ...request('물주간'), sort })).page(0, 10)).map((r) => r.id);
    // The past deadlines come first in the file, but an open program goes first, then 진행중, then 종료.
    expect(await ids('deadline')).toEqual(['open', 'running', 'ended']);
    expect(await ids('registered')).toEqual(['ended', 'running', 'open']);
    expect(await ids('relevance')).toContain('notice-2');
    await ids('deadline');
    expect(loaded).toEqual(['deadline', 'registered']);
  });

  it('says so when a sort cannot be loaded, and tries again on the next search', async () => {
    let fail = true;
    const table = { version: 1 as const, key: '등록일', pages: ['open'] };
    const engine = new SearchEngine(fakeIndex(pages), config, facetIndexOf(fakeIndex(pages)), async () => {
      if (fail) throw new Error('404');
      return table;
    });
    await expect(engine.search({ ...request('물주간'), sort: 'registered' })).rejects.toThrow('404');
    fail = false;
    expect((await engine.search({ ...request('물주간'), sort: 'registered' })).total).toBe(1);
    await expect(new SearchEngine(fakeIndex(pages), config).search({ ...request('물주간'), sort: 'deadline' })).rejects.toThrow('정렬');
  });

  it('returns nothing for an empty query without touching the index', async () => {
    const index = fakeIndex(pages);
    expect((await new SearchEngine(index, config).search(request('   '))).total).toBe(0);
    expect(index.calls).toEqual([]);
  });
});
