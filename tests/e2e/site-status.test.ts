/**
 * Status correction in the browser: a page built on 2018-05-10 and opened later, with the
 * browser clock set by Playwright's clock API, shows the later 진행단계. When the build was
 * pinned with SITE_NOW, the page keeps that day instead.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';
import { TEST_SITE_NOW } from '../helpers/paths.ts';
import { programsOn } from './site-expected.ts';

let browser: TestBrowser;
let base: string;
const singapore = programsOn(TEST_SITE_NOW).find((p) => p.title.startsWith('싱가포르 국제 물주간'))!;

beforeAll(async () => {
  base = inject('siteUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page whose clock reads `instant`; `unpinned` serves the HTML as an unpinned build would. */
async function at(instant: string, unpinned: boolean): Promise<Page> {
  const page = await browser.browser.newPage();
  await page.clock.install({ time: new Date(instant) });
  if (unpinned) {
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const type = response.headers()['content-type'] ?? '';
      if (!type.includes('text/html')) return route.fulfill({ response });
      const html = (await response.text()).replace(` data-site-now="${TEST_SITE_NOW}"`, '');
      await route.fulfill({ response, body: html });
    });
  }
  return page;
}

const badge = (page: Page, scope: string) => ({
  status: () => page.locator(`${scope} [data-status-label]`).first().textContent(),
  dday: () => page.locator(`${scope} [data-dday]`).first(),
});

describe('진행단계 corrected from the dates in the HTML', () => {
  it('after the deadline the badge reads 진행중 and the D-day is gone', async () => {
    expect(singapore.applyEnd).toBe('2018-05-13');
    const page = await at('2018-05-14T00:30:00+09:00', true);
    await page.goto(`${base}/programs/${singapore.slug}/`);
    const b = badge(page, '.detail-head');
    await expect.poll(b.status).toBe('진행중');
    expect(await b.dday().isHidden()).toBe(true);
    await page.close();
  });

  it('on the last day it is D-Day, still 모집중 (midnight in Seoul, not UTC)', async () => {
    // 2018-05-13 00:30 in Seoul is still 2018-05-12 in UTC.
    const page = await at('2018-05-13T00:30:00+09:00', true);
    await page.goto(`${base}/programs/${singapore.slug}/`);
    const b = badge(page, '.detail-head');
    await expect.poll(b.status).toBe('모집중');
    expect(await b.dday().textContent()).toBe('D-Day');
    await page.close();
  });

  it('after the support period it is 종료, on the home page too', async () => {
    const page = await at('2018-07-13T12:00:00+09:00', true);
    await page.goto(`${base}/`);
    const card = page.locator('article', { has: page.getByRole('link', { name: singapore.title }) }).first();
    await expect.poll(() => card.locator('[data-status-label]').textContent()).toBe('종료');
    await page.close();
  });

  it('a build pinned with SITE_NOW keeps its day whatever the clock says', async () => {
    const page = await at('2018-07-13T12:00:00+09:00', false);
    await page.goto(`${base}/programs/${singapore.slug}/`);
    expect(await page.getAttribute('html', 'data-site-now')).toBe(TEST_SITE_NOW);
    const b = badge(page, '.detail-head');
    await page.waitForLoadState('load');
    expect(await b.status()).toBe('모집중');
    expect(await b.dday().textContent()).toBe('D-3');
    await page.close();
  });
});
