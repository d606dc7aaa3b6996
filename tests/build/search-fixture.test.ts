/**
 * The search index on a small fixture site (tests/fixtures/search-site): HTML the
 * way Astro's compressHTML writes it, indexed by buildSearchIndex with the Korean
 * layer on and off, queried through the real pagefind.js in Chromium.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchIndexReport } from '../../src/integrations/pagefind-index.ts';
import { SearchEngine, type SearchRequest } from '../../src/lib/search/engine.ts';
import { FILTER } from '../../src/lib/search/facets.ts';
import { META_WEIGHTS } from '../../src/lib/search/meta-keys.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { serveStatic, type RunningServer } from '../helpers/static-server.ts';
import { mountBundle, openPagefind, type BrowserPagefind } from '../fixtures/search-harness/browser-pagefind.ts';
import { withPrefixChunks } from '../../src/lib/search/prefix-chunks.ts';
import { readPrefixChunkMap } from '../../src/integrations/pagefind-prefix-chunks.ts';
import { readSortTable } from '../../src/integrations/pagefind-sort-tables.ts';
import { readFacetTable, writeFacetTables } from '../../src/integrations/pagefind-facet-tables.ts';
import { facetIndexOf, type FacetCounts } from '../../src/lib/search/facet-index.ts';
import { tableFacetIndex } from '../../src/lib/search/facet-table.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/search-site');
const TODAY = '2018-05-10';
const config = { filterKeys: { type: FILTER.type, status: FILTER.status, company: FILTER.company } };

let work: string;
let server: RunningServer;
let browser: TestBrowser;
let korean: BrowserPagefind;
let plain: BrowserPagefind;
let engine: SearchEngine;
let reports: { korean: SearchIndexReport; plain: SearchIndexReport };

const request = (query: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ query, filters: {}, sort: 'relevance', today: TODAY, ...extra });
async function urls(query: string, extra: Partial<SearchRequest> = {}): Promise<string[]> {
  const outcome = await engine.search(request(query, extra));
  return (await outcome.page(0, 20)).map((r) => r.url);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'search-fixture-'));
  cpSync(join(FIXTURE, 'site'), join(work, 'site'), { recursive: true });
  const common = { siteDir: join(work, 'site'), contentDir: join(FIXTURE, 'content'), publicDir: join(FIXTURE, 'public'), today: TODAY };
  reports = {
    korean: await buildSearchIndex({ ...common, korean: true }),
    plain: await buildSearchIndex({ ...common, korean: false, outputPath: join(work, 'plain') }),
  };
  server = await serveStatic(join(work, 'site'));
  browser = await launchBrowser();
  const page = await browser.browser.newPage();
  await mountBundle(page, server.url, '/pagefind-plain/', join(work, 'plain'));
  await page.goto(`${server.url}/accessibility/`);
  korean = await openPagefind(page, '/pagefind/', META_WEIGHTS);
  plain = await openPagefind(page, '/pagefind-plain/');
  const bundle = join(work, 'site', 'pagefind');
  // As the search page does: prefix chunks loaded first, sorts from the build's sort files.
  engine = new SearchEngine(withPrefixChunks(korean, Promise.resolve(readPrefixChunkMap(bundle))), config, undefined, async (name) => readSortTable(bundle, name));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('what is indexed', () => {
  it('indexes entry pages and standalone pages, never lists, home, /admin/ or 404', async () => {
    expect(reports.korean.pages).toBe(6);
    expect(reports.korean.byType).toEqual({ 프로그램: 2, 참여기업: 1, '포럼 공지': 1, 이용안내: 2 });
    expect(reports.korean.missing).toEqual([]);
    expect(await plain.rawUrls('콘텐츠')).toEqual([]);
    expect(await plain.rawUrls('찾을')).toEqual([]);
    expect(await plain.rawUrls('접근성')).toEqual(['/accessibility/']);
  });

  it('keeps words of adjacent elements apart (compressHTML writes <dt>주관기관</dt><dd>해외사업처</dd>)', async () => {
    expect(await plain.rawUrls('해외사업처')).toEqual(['/programs/2018-water-week/']);
    const [hit] = (await korean.search('해외사업처'))!.results;
    expect((await hit.data()).content).toContain('주관기관 해외사업처');
  });

  it('leaves out text marked data-pagefind-ignore, in the Korean tokens too', async () => {
    expect(await plain.rawUrls('특허출원비용')).toEqual([]);
    expect(await urls('출원비용')).toEqual([]);
  });
});

describe('Korean recall', () => {
  it.each([
    ['프로그램', '/programs/2018-water-week/'],
    ['수자원', '/companies/kwater/'],
    ['경비', '/programs/2018-water-week/'],
    ['보증실무', '/programs/2018-water-week/'],
    ['중소기업을', '/forums/notices/2004-05-policy-mate/'],
    ['ㅎㄱㅅㅈㅇㄱㅅ', '/companies/kwater/'],
    ['ㅅㅅㄴㄹ', '/guides/guide/'],
    ['tkdtodsnfl', '/guides/guide/'],
  ])('%s finds %s, which a plain index does not (or only as typed)', async (query, url) => {
    expect(await urls(query)).toContain(url);
  });

  it('a plain index misses words inside compounds', async () => {
    expect(await plain.rawUrls('프로그램')).not.toContain('/programs/2018-water-week/');
    expect(await plain.rawUrls('수자원')).toEqual([]);
    expect(await plain.rawUrls('경비')).toEqual([]);
  });

  it('shows the page text, never the synthetic tokens, with the inner match highlighted', async () => {
    const [first] = await (await engine.search(request('경비'))).page(0, 1);
    expect(first.excerpt).toContain('여행<mark>경비</mark>를');
    expect(first.excerpt).not.toContain('행경비를 ');
    const data = await (await korean.search('경비'))!.results[0].data();
    // Synthetic tokens would stand as words of their own (력프로그램 inside 상생협력프로그램 is the page's text).
    expect(data.content).not.toMatch(/(?:^|\s)(?:력프로그램|행경비를|ㅎㄱㅅㅈㅇㄱㅅ)/);
  });

  it('grows the index by less than three times', () => {
    expect(reports.korean.indexBytes).toBeLessThan(3 * reports.plain.indexBytes);
  });
});

describe('ranking, facets and sort', () => {
  it('puts an open program before a 종료 one that matches the same way', async () => {
    expect(await urls('물주간')).toEqual(['/programs/2018-water-week/', '/programs/2017-water-week/']);
  });

  it('puts the page whose title has the query first', async () => {
    expect((await urls('한국수자원공사'))[0]).toBe('/companies/kwater/');
  });

  it('counts and narrows by facets from the schemas, 진행단계 as of the build', async () => {
    const counts = await (await engine.search(request('중소기업'))).counts();
    expect(counts[FILTER.type]).toMatchObject({ 프로그램: 2, '포럼 공지': 1 });
    expect(counts[FILTER.status]).toMatchObject({ 모집중: 1, 종료: 1 });
    expect(counts[FILTER.regions]).toMatchObject({ 전국: 1, 서울: 1, 경기: 1 });
    expect(await urls('중소기업', { filters: { [FILTER.audience]: ['협력사 지원'] } })).toEqual(['/programs/2017-water-week/']);
    expect(await urls('중소기업', { filters: { [FILTER.regions]: ['전국', '서울'] } })).toHaveLength(2);
  });

  it('counts from the build’s facet table exactly what Pagefind counts with every filter loaded', async () => {
    const table = readFacetTable(join(work, 'site', 'pagefind'));
    expect(table.pages).toHaveLength(reports.korean.pages);
    expect(reports.korean.faceted).toBe(reports.korean.pages);
    const fromTable = tableFacetIndex(table, async (term) => (await korean.search(term))?.results.map((r) => r.id) ?? []);
    const fromPagefind = facetIndexOf(korean);
    // Pagefind also lists the values no result has (count 0); the page shows neither.
    const shown = (counts: FacetCounts) => Object.fromEntries(Object.entries(counts).map(([k, vs]) => [k, Object.fromEntries(Object.entries(vs).filter(([, n]) => n > 0))]).filter(([, vs]) => Object.keys(vs).length > 0));
    const cases: [string | null, Record<string, string[]>][] = [
      ['중소기업', {}], ['물주간', {}], ['상생', {}], ['한국수자원공사', {}], [null, { [FILTER.status]: ['종료'] }],
      ['중소기업', { [FILTER.audience]: ['협력사 지원'] }], ['중소기업', { [FILTER.regions]: ['전국', '서울'] }],
      ['중소기업', { [FILTER.type]: ['프로그램'], [FILTER.status]: ['모집중', '종료'] }], ['중소기업', { [FILTER.type]: ['없는 유형'] }],
    ];
    for (const [term, selected] of cases) {
      const filters = Object.fromEntries(Object.entries(selected).map(([k, any]) => [k, { any }]));
      expect(shown(await fromTable.counts(term, filters)), `${term} ${JSON.stringify(selected)}`).toEqual(shown(await fromPagefind.counts(term, filters)));
      expect((await fromTable.ids(term, filters)).sort()).toEqual((await fromPagefind.ids(term, filters)).sort());
    }
    // A page whose values were recorded under another URL fails the build instead of counting as none.
    expect(() => writeFacetTables(join(work, 'site', 'pagefind'), new Map())).toThrow(`필터 값을 모르는 색인 페이지 ${reports.korean.pages}개`);
    expect(readFacetTable(join(work, 'site', 'pagefind'))).toEqual(table);
  });

  it('corrects 진행단계 of a result for the day it is viewed', async () => {
    const [item] = await (await engine.search(request('2018년 물주간', { today: '2018-07-20' }))).page(0, 1);
    expect(item).toMatchObject({ url: '/programs/2018-water-week/', status: '종료', apply: { start: '2018-05-03', end: '2018-05-13' } });
    const [open] = await (await engine.search(request('2018년 물주간'))).page(0, 1);
    expect(open).toMatchObject({ status: '모집중', dday: 'D-3' });
  });

  it('sorts by 등록일, newest first', async () => {
    expect(await urls('중소기업', { sort: 'registered' })).toEqual(['/programs/2018-water-week/', '/programs/2017-water-week/', '/forums/notices/2004-05-policy-mate/']);
  });

  it('sorts by 신청 마감일, soonest first, 종료 programs last; only programs have one', async () => {
    expect(await urls('물주간', { sort: 'deadline' })).toEqual(['/programs/2018-water-week/', '/programs/2017-water-week/']);
    expect(await urls('수자원', { sort: 'deadline' })).toEqual(['/programs/2018-water-week/', '/programs/2017-water-week/']);
  });
});
