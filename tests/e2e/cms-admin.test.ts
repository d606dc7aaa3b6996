/**
 * /admin/ in the real build of the shipped content: the CMS bundle is there and starts in
 * Korean with the configuration generated from the schemas, and it is kept away from
 * search engines and the site's own search (noindex, not in sitemap.xml, not in Pagefind).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { cmsConfig, cmsOptionsFromEnv } from '../../src/lib/cms/config.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { TEST_DIST } from '../helpers/paths.ts';

const siteUrl = inject('siteUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('/admin/ in the built site', () => {
  test('carries noindex, is no Pagefind page, and its config.json is the one generated from the schemas', async () => {
    const res = await fetch(`${siteUrl}/admin/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toContain('data-pagefind-ignore="all"');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toContain('<html lang="ko">');
    const served = await (await fetch(`${siteUrl}/admin/config.json`)).json();
    // The test build ran with this process's environment (tests/helpers/global-setup.ts).
    expect(served).toEqual(JSON.parse(JSON.stringify(cmsConfig(cmsOptionsFromEnv(process.env)))));
  });

  test('is not listed in sitemap.xml, is disallowed in robots.txt, and Pagefind never returns it', async () => {
    const sitemap = readFileSync(join(TEST_DIST, 'sitemap.xml'), 'utf8');
    expect(sitemap).toMatch(/<loc>/);
    expect(sitemap).not.toMatch(/<loc>[^<]*\/admin\/[^<]*<\/loc>/);
    expect(await (await fetch(`${siteUrl}/robots.txt`)).text()).toMatch(/^Disallow: \/admin\/$/m);

    const page = await browser.browser.newPage();
    await page.goto(`${siteUrl}/`);
    // A string, so the test runner does not rewrite the browser's dynamic import.
    const urls = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const found = [];
      // Words of the admin page, and words on every page.
      for (const q of ['콘텐츠 관리', 'CMS', '상생누리', '프로그램']) {
        const search = await pagefind.search(q);
        for (const r of search.results) found.push((await r.data()).url);
      }
      return found;
    })()`)) as string[];
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => u.includes('/admin'))).toEqual([]);
    await page.close();
  });

  test('the built bundle starts the CMS in Korean (no decap-server here: it offers the GitHub login)', async () => {
    const page = await browser.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${siteUrl}/admin/`);
    await page.getByRole('button', { name: 'GitHub 로 로그인' }).waitFor();
    expect(await page.title()).toBe('콘텐츠 관리 | 상생누리');
    expect(errors).toEqual([]);
    await page.close();
  });
});
