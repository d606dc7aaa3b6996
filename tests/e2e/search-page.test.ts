/**
 * The search page as a visitor uses it, on the test build (SITE_NOW=2018-05-10):
 * `/` focuses the header box, 협력 + Enter opens /search/?q=협력 with highlighted
 * excerpts and 진행단계 badges, a 지원분야 facet narrows the results (in the URL),
 * a result opens; English-mode queries are retried in Hangul; axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { join } from 'node:path';
import { readPrefixChunkMap } from '../../src/integrations/pagefind-prefix-chunks.ts';
import { chunkProbes } from '../../src/lib/search/prefix-chunks.ts';
import { validateContent } from '../../src/lib/validation/validate-content.ts';
import { ENTRY_ROUTES, entryUrl } from '../../src/lib/search/pages.ts';
import type { SearchedCollection } from '../../src/lib/search/facets.ts';
import { programStatus } from '../../src/lib/status.ts';
import type { Program } from '../../src/schemas/programs.ts';
import { axeViolations, launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';
import { TEST_DIST, TEST_SITE_NOW } from '../helpers/paths.ts';
import { FONT_FAMILY } from '../../src/integrations/fonts-files.ts';

let browser: TestBrowser;
let page: Page;
const site = () => inject('siteUrl');

async function waitForSearch(p: Page, previous?: string): Promise<void> {
  await p.waitForFunction((prev) => {
    const done = document.documentElement.dataset.searchDone;
    return done !== undefined && done !== prev;
  }, previous);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('search page', () => {
  it('goes from the header box to highlighted results, narrows by 지원분야 and opens a result', async () => {
    // Every request, the facet worker's too.
    const requested: string[] = [];
    const onRequest = (request: { url(): string }) => void requested.push(request.url());
    page.context().on('request', onRequest);
    await page.goto(`${site()}/companies/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
    await page.keyboard.type('협력');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await waitForSearch(page);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=협력');
    // Results come from Pagefind on the page itself; the facet counts from a copy in the page's
    // own worker, started only afterwards. No second copy runs on the page, nor Pagefind's worker
    // (which copied every result back to the page).
    const timing = await page.evaluate(() => {
      const shown = performance.getEntriesByName('search-query')[0];
      const names = performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime }));
      return { shownAt: shown.startTime + shown.duration, names };
    });
    const facetWorker = timing.names.filter((r) => /\/_astro\/facet-worker[^/]*\.js$/.test(r.name));
    expect(facetWorker).toHaveLength(1);
    expect(facetWorker[0].start).toBeGreaterThanOrEqual(timing.shownAt);
    expect(timing.names.filter((r) => r.name.includes('pagefind-worker.js') || r.name.includes('pagefind.js?facets'))).toEqual([]);
    expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/facet-worker/)]);
    // The counts come from the build's facet table.
    expect(requested.filter((u) => /\/pagefind\/facets\.[^/]+\.json$/.test(u))).toHaveLength(1);

    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('role')).toBe('status');
    const total = Number((await status.textContent())?.match(/검색 결과 (\d+)건/)?.[1]);
    expect(total).toBeGreaterThan(5);
    const results = page.locator('[data-search-results] > li');
    expect(await results.count()).toBe(10);
    const marks = await page.locator('[data-search-results] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(5);
    expect(marks.every((m) => m.includes('협력'))).toBe(true);
    // Program results carry a 진행단계 badge for the day viewed.
    expect(await page.locator('[data-search-results] [data-status-label]:visible').first().textContent()).toMatch(/예정|모집중|진행중|종료/);

    // Narrow by the first 지원분야 value that has results.
    const facet = page.locator('[data-facet="지원분야"] li:not([hidden])').first();
    const value = await facet.getAttribute('data-facet-value');
    const count = Number((await facet.locator('[data-count]').textContent())?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    const before = await page.evaluate(() => document.documentElement.dataset.searchDone);
    await facet.locator('input').check();
    await waitForSearch(page, before);
    expect(new URL(page.url()).searchParams.getAll('지원분야')).toEqual([value]);
    expect(await status.textContent()).toContain(`검색 결과 ${count}건 (필터 1개 적용)`);
    expect(await results.count()).toBe(Math.min(count, 10));
    for (const type of await page.locator('[data-search-results] [data-result-type]').allTextContents()) expect(type).toBe('프로그램');
    // Narrowed by the pages the facet worker lists: Pagefind fetched no filter file, neither for the
    // counts nor for the narrowing.
    page.context().off('request', onRequest);
    expect(requested.filter((u) => u.includes('/pagefind/filter/'))).toEqual([]);

    const first = page.locator('[data-search-results] [data-result-link]').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/programs\//);
    expect((await page.locator('main h1').first().textContent())?.replace(/\s+/g, ' ').trim()).toBe(title);

    // Back restores the narrowed search from the URL.
    await page.goBack();
    await waitForSearch(page);
    expect(await page.locator(`[data-facet="지원분야"] input[value="${value}"]`).isChecked()).toBe(true);
  });

  it('still counts the facets where the page cannot start its facet worker (Pagefind counts in its own)', async () => {
    const script = /\/_astro\/facet-worker[^/]*\.js$/;
    await browser.browser.route(script, (route) => route.fulfill({ status: 404, body: '' }));
    const blocked = await browser.browser.newPage();
    try {
      await blocked.goto(`${site()}/search/?q=${encodeURIComponent('협력')}`);
      await waitForSearch(blocked);
      const total = Number((await blocked.locator('[data-search-status]').textContent())?.match(/검색 결과 (\d+)건/)?.[1]);
      const typeCounts = await blocked.locator('[data-facet="콘텐츠 유형"] li:not([hidden]) [data-count]').allTextContents();
      expect(typeCounts.length).toBeGreaterThan(0);
      // Every result has one 콘텐츠 유형: the counts add up to the results.
      expect(typeCounts.reduce((n, t) => n + Number(t.replace(/\D/g, '')), 0)).toBe(total);
      const loaded = await blocked.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(loaded.some((n) => n.includes('pagefind.js?facets'))).toBe(true);
    } finally {
      await blocked.close();
      await browser.browser.unroute(script);
    }
  });

  it('retries an English-mode query in Hangul and says so', async () => {
    await page.goto(`${site()}/search/?q=tkdtodsnfl`);
    await waitForSearch(page);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^‘tkdtodsnfl’ 대신 한글 ‘상생누리’ 검색 결과 \d+건/);
    expect(await page.locator('[data-search-results] [data-result-link]').first().textContent()).toContain('상생누리');
  });

  it('counts every page the query’s prefix reaches, also words in the next index chunk', async () => {
    // The shipped index is cut into a few chunks, and the words starting with 중소기업 (중소기업을,
    // 중소기업의, …) begin the chunk after the one holding 중소기업 itself.
    await page.goto(`${site()}/search/?q=${encodeURIComponent('중소기업')}`);
    await waitForSearch(page);
    const shown = Number((await page.locator('[data-search-status]').textContent())?.match(/검색 결과 (\d+)건/)?.[1]);
    // Two more copies of Pagefind on the page: one fresh, one with every chunk loaded through the
    // map the build wrote (a string, so the test runner's module transform leaves these dynamic
    // imports alone).
    const every = chunkProbes(readPrefixChunkMap(join(TEST_DIST, 'pagefind'))).join(' ');
    const counts = (await page.evaluate(`(async () => {
      const alone = await import('/pagefind/pagefind.js?alone');
      const all = await import('/pagefind/pagefind.js?all');
      await all.preload(${JSON.stringify(every)});
      return { alone: (await alone.search('중소기업')).results.length, all: (await all.search('중소기업')).results.length };
    })()`)) as { alone: number; all: number };
    expect(counts.alone).toBeLessThan(counts.all);
    expect(shown).toBe(counts.all);
  });

  it('starts loading the index chunks of what is typed before the search runs', async () => {
    // 2018 and 협력 sit in different chunks of the shipped index (digits first, ㅎ last).
    await page.goto(`${site()}/search/?q=2018`);
    await waitForSearch(page);
    const done = await page.evaluate(() => document.documentElement.dataset.searchDone);
    const typedAt = await page.evaluate(() => performance.now());
    await page.locator('[data-search-input]').fill('협력');
    await waitForSearch(page, done);
    const timing = await page.evaluate((since) => {
      const start = performance.getEntriesByName('search-start').at(-1)?.startTime ?? 0;
      const chunks = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/pagefind/index/') && r.startTime >= since);
      return { start, firstChunk: Math.min(...chunks.map((r) => r.startTime)), chunks: chunks.length };
    }, typedAt);
    expect(timing.chunks).toBeGreaterThan(0);
    // The search itself starts after the typing pause; the chunk was already on its way.
    expect(timing.firstChunk).toBeLessThan(timing.start);
    expect(await page.locator('[data-search-results] [data-result-link]').count()).toBeGreaterThan(0);
  });

  it('loads every slice of the site font once the visitor starts searching, so later results never wait for one', async () => {
    const fresh = await browser.browser.newPage();
    try {
      await fresh.goto(`${site()}/search/`);
      const faces = () =>
        fresh.evaluate((family) => {
          const statuses: string[] = [];
          document.fonts.forEach((face) => {
            if (face.family.replace(/^["']|["']$/g, '') === family) statuses.push(face.status);
          });
          return statuses;
        }, FONT_FAMILY);
      // The empty search page shows a few characters: most slices are not needed yet.
      expect((await faces()).filter((s) => s === 'unloaded').length).toBeGreaterThan(0);
      await fresh.locator('[data-search-input]').focus();
      await fresh.waitForFunction((family) => {
        let pending = 0;
        document.fonts.forEach((face) => {
          if (face.status !== 'loaded' && face.family.replace(/^["']|["']$/g, '') === family) pending++;
        });
        return pending === 0;
      }, FONT_FAMILY, { timeout: 10_000 });
      const statuses = await faces();
      expect(statuses.length).toBeGreaterThan(2);
      expect(statuses.every((s) => s === 'loaded')).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('sorts by 신청 마감일 (open first, then 진행중, then 종료) and by 등록일 (newest first), keeping only pages with that date', async () => {
    const entries = validateContent({ contentDir: 'content', publicDir: 'public' }).entries;
    const byUrl = new Map(entries.filter((e) => e.collection in ENTRY_ROUTES).map((e) => [entryUrl(e.collection as SearchedCollection, e.slug), e]));
    const shown = async (sort: string) => {
      await page.goto(`${site()}/search/?q=${encodeURIComponent('협력')}&sort=${sort}`);
      await waitForSearch(page);
      const urls = await page.locator('[data-search-results] [data-result-link]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(urls.length).toBeGreaterThan(3);
      return urls.map((url) => byUrl.get(url)!);
    };
    // 신청 마감일순: programs only; those one can still apply to (as of the build) by deadline, then
    // 진행중 ones, then 종료 ones, each by deadline.
    const group = { 예정: 0, 모집중: 0, 진행중: 1, 종료: 2 } as const;
    const deadline = (await shown('deadline')).map((e) => {
      const p = e.data as unknown as Program;
      return `${group[programStatus(p.applyPeriod, p.supportPeriod, TEST_SITE_NOW)]} ${p.applyPeriod.end}`;
    });
    expect(deadline).toEqual([...deadline].sort());
    expect(await page.locator('[data-search-status]').textContent()).toContain('신청 마감일이 있는 프로그램만');
    // 최신 등록순: programs by 등록일, notices and plans by their date, newest first.
    const registered = (await shown('registered')).map((e) => String(e.data.registeredAt ?? e.data.publishedAt));
    expect(registered).toEqual([...registered].sort().reverse());
  });

  it('says when nothing matches, and has no axe violations with results shown', async () => {
    await page.goto(`${site()}/search/?q=${encodeURIComponent('zzqxw')}`);
    await waitForSearch(page);
    expect(await page.locator('[data-search-status]').textContent()).toContain('맞는 결과가 없습니다');
    // The site's CSP forbids the injected axe script; let this page bypass it for the check.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setBypassCSP', { enabled: true });
    await page.goto(`${site()}/search/?q=${encodeURIComponent('교육')}`);
    await waitForSearch(page);
    expect(await axeViolations(page)).toEqual([]);
  });
});
