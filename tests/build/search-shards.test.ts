/**
 * A site indexed in shards (one Pagefind process after another) and merged must be the index
 * one Pagefind process writes for all its pages: the same words with the same locations and
 * meta locations on the same pages, the same filters, word counts and chunk bounds, and the
 * same results and scores from the real pagefind.js. Both indexes are built here from the
 * test build's pages, with a small Pagefind chunk size so the word list spans many chunks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchIndexReport } from '../../src/integrations/pagefind-index.ts';
import { FILTER } from '../../src/lib/search/facets.ts';
import { META_WEIGHTS } from '../../src/lib/search/meta-keys.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { readCanonicalIndex, type CanonicalIndex } from '../helpers/pagefind-index.ts';
import { TEST_DIST, TEST_SITE_NOW } from '../helpers/paths.ts';
import { serveStatic, type RunningServer } from '../helpers/static-server.ts';
import { mountBundle, openPagefind, type BrowserPagefind } from '../fixtures/search-harness/browser-pagefind.ts';

const CHUNK_SIZE = '400';

let work: string;
let reports: { one: SearchIndexReport; sharded: SearchIndexReport };
let indexes: { one: CanonicalIndex; sharded: CanonicalIndex };
let server: RunningServer;
let browser: TestBrowser;
let one: BrowserPagefind;
let sharded: BrowserPagefind;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'search-shards-'));
  const previous = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  // Read by each Pagefind process (started after this) and by the merge.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = CHUNK_SIZE;
  const common = { siteDir: TEST_DIST, contentDir: process.env.CONTENT_ROOT?.trim() || 'content', korean: true, today: TEST_SITE_NOW };
  try {
    reports = {
      one: await buildSearchIndex({ ...common, outputPath: join(work, 'one'), shardPages: 100_000 }),
      sharded: await buildSearchIndex({ ...common, outputPath: join(work, 'sharded'), shardPages: 17 }),
    };
  } finally {
    if (previous === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previous;
  }
  indexes = { one: readCanonicalIndex(join(work, 'one')), sharded: readCanonicalIndex(join(work, 'sharded')) };
  server = await serveStatic(TEST_DIST);
  browser = await launchBrowser();
  const page = await browser.browser.newPage();
  await mountBundle(page, server.url, '/pf-one/', join(work, 'one'));
  await mountBundle(page, server.url, '/pf-sharded/', join(work, 'sharded'));
  await page.goto(`${server.url}/accessibility/`);
  one = await openPagefind(page, '/pf-one/', META_WEIGHTS);
  sharded = await openPagefind(page, '/pf-sharded/', META_WEIGHTS);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a search index built in shards and merged', () => {
  it('was really built in several Pagefind processes, and the words span many chunks', () => {
    expect(reports.one.shards).toBe(1);
    expect(reports.sharded.shards).toBeGreaterThanOrEqual(Math.ceil(reports.sharded.pages / 17));
    expect(reports.sharded.shards).toBeGreaterThanOrEqual(3);
    expect(reports.sharded.pages).toBe(reports.one.pages);
    expect(indexes.one.chunks.length).toBeGreaterThan(20);
  });

  it('holds the same pages, words, locations, meta locations and filters as one Pagefind process writes', () => {
    expect(Object.keys(indexes.sharded.pages)).toHaveLength(reports.one.pages);
    expect(indexes.sharded.pages).toEqual(indexes.one.pages);
    expect(indexes.sharded.metaFields).toEqual(indexes.one.metaFields);
    expect(Object.keys(indexes.sharded.words).length).toBe(Object.keys(indexes.one.words).length);
    expect(indexes.sharded.words).toEqual(indexes.one.words);
    expect(indexes.sharded.filters).toEqual(indexes.one.filters);
    expect(indexes.sharded.version).toBe(indexes.one.version);
  });

  it('cuts the word list into the same chunks, under the same bounds, as Pagefind does', () => {
    expect(indexes.sharded.chunks).toEqual(indexes.one.chunks);
    expect(indexes.sharded.files).toEqual(indexes.one.files);
  });

  it('gives the same results with the same scores in pagefind.js, with and without a filter', async () => {
    // Sorted: pages with equal scores may come in page-number order, which the merge does not keep.
    const ranked = async (pf: BrowserPagefind, query: string, options?: Parameters<BrowserPagefind['search']>[1]) => {
      const r = await pf.search(query, options);
      return { filters: r!.filters, results: (await Promise.all(r!.results.map(async (x) => `${(await x.data()).url} ${x.score.toFixed(6)}`))).sort() };
    };
    const programs = { filters: { [FILTER.type]: { any: ['프로그램'] } } };
    for (const [query, options] of [['협력'], ['중소기업을'], ['상생'], ['교육'], ['ㅅㅅㄴㄹ'], ['수자원'], ['2018'], ['프로그램'], ['지원', programs]] as const) {
      const [a, b] = [await ranked(one, query, options), await ranked(sharded, query, options)];
      expect(a.results.length, query).toBeGreaterThan(0);
      expect(b, query).toEqual(a);
    }
  });
});
