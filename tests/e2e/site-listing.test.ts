/**
 * 프로그램 검색 in Debian's Chromium over the real test build (SITE_NOW=2018-05-10), at 375
 * and 1280 px: the filters give exactly the matching programs and put them in the URL,
 * reload and Back restore the state, the list works without JavaScript, and the filters and
 * a program link can be reached by keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';
import { TEST_SITE_NOW } from '../helpers/paths.ts';
import { programsOn } from './site-expected.ts';

let browser: TestBrowser;
let base: string;
const current = programsOn(TEST_SITE_NOW).filter((p) => p.status !== '종료');
const titles = (list: { title: string }[]) => list.map((p) => p.title).sort();

beforeAll(async () => {
  base = inject('siteUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function resultTitles(page: Page): Promise<string[]> {
  return (await page.locator('[data-program-rows] [data-slot="title"]').allTextContents()).sort();
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-listing]')?.hasAttribute('aria-busy'));
}

describe.each([375, 1280])('filters at %i px', (width) => {
  it('교육지원 + 전국 shows exactly the matching programs, in the URL; reload and Back restore', async () => {
    const education = current.filter((p) => p.field === '교육지원');
    const expected = education.filter((p) => p.regions.includes('전국'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(current.length);

    const page = await browser.browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${base}/programs/`);
    expect(await resultTitles(page)).toEqual(titles(current));
    const panel = page.locator('[data-filters-panel]');
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText('조건 검색', { exact: true }).click();

    await page.locator('label.chip', { hasText: '교육지원' }).click();
    await settle(page);
    expect(await resultTitles(page)).toEqual(titles(education));
    await page.getByLabel('진행지역').selectOption('전국');
    await settle(page);
    expect(await resultTitles(page)).toEqual(titles(expected));
    const url = new URL(page.url());
    expect(url.pathname).toBe('/programs/');
    expect(url.searchParams.getAll('field')).toEqual(['교육지원']);
    expect(url.searchParams.get('region')).toBe('전국');
    expect(await page.locator('[data-result-count] strong').textContent()).toBe(String(expected.length));
    // Badges of drawn rows carry the status and D-day of that day.
    for (const status of await page.locator('[data-program-rows] [data-status-label]').allTextContents()) expect(status).not.toBe('종료');

    await page.reload();
    await settle(page);
    expect(await resultTitles(page)).toEqual(titles(expected));
    expect(await page.locator('input[name="field"][value="교육지원"]').isChecked()).toBe(true);
    expect(await page.getByLabel('진행지역').inputValue()).toBe('전국');

    await page.goBack();
    await settle(page);
    expect(new URL(page.url()).searchParams.get('region')).toBeNull();
    expect(await resultTitles(page)).toEqual(titles(education));
    expect(await page.getByLabel('진행지역').inputValue()).toBe('');
    await page.goBack();
    await settle(page);
    expect(await resultTitles(page)).toEqual(titles(current));
    expect(await page.locator('input[name="field"][value="교육지원"]').isChecked()).toBe(false);
    await page.close();
  });
});

describe('기업 filter', () => {
  it('gets its options once the page is up, filters by the company, and a reload keeps the choice', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${base}/programs/`);
    const select = page.locator('select[data-company-select]');
    // The options arrive with meta.json after the first results (idle or first use).
    await page.waitForFunction(() => (document.querySelector<HTMLSelectElement>('select[data-company-select]')?.options.length ?? 0) > 1);
    const option = select.locator('option').nth(1);
    const [slug, name] = [await option.getAttribute('value'), (await option.textContent())?.trim()];
    expect(slug && name).toBeTruthy();
    const panel = page.locator('[data-filters-panel]');
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText('조건 검색', { exact: true }).click();
    await select.selectOption(slug!);
    await settle(page);
    expect(new URL(page.url()).searchParams.get('company')).toBe(slug);
    const companies = await page.locator('[data-program-rows] [data-slot="company"]').allTextContents();
    expect(companies.length).toBeGreaterThan(0);
    for (const c of companies) expect(c.trim()).toBe(name);
    await page.reload();
    await settle(page);
    expect(await select.inputValue()).toBe(slug);
    // Straight from the URL too: the option arrives with meta.json and is selected.
    await page.goto(`${base}/programs/?company=${slug}`);
    await settle(page);
    await page.waitForFunction((s) => document.querySelector<HTMLSelectElement>('select[data-company-select]')?.value === s, slug);
    for (const c of await page.locator('[data-program-rows] [data-slot="company"]').allTextContents()) expect(c.trim()).toBe(name);
    await page.close();
  });
});

describe('sort', () => {
  it('최신 등록순 reorders by 등록일 and shows in the URL', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${base}/programs/`);
    await page.getByLabel('정렬').selectOption('newest');
    await settle(page);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
    const hrefs = await page.locator('[data-program-rows] [data-slot="title"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs).toHaveLength(current.length);
    const registered = hrefs.map((h) => current.find((p) => h === `/programs/${p.slug}/`)!.registeredAt);
    expect(registered).toEqual([...registered].sort().reverse());
    expect(await page.locator('.program-table caption').textContent()).toContain('최신 등록순');
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('the listing shows every current program, the filter form hidden', async () => {
    const page = await browser.browser.newPage();
    const cdp = await browser.browser.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${base}/programs/`);
    expect(await page.locator('#program-filters').isVisible()).toBe(false);
    const seen: string[] = [];
    for (;;) {
      seen.push(...(await page.locator('[data-program-rows] [data-slot="title"]').allTextContents()));
      const next = page.locator('.pagination a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect(seen.sort()).toEqual(titles(current));
    await page.close();
  });
});

describe('keyboard', () => {
  it('tabs to a filter, toggles it with Space, then tabs to a program link and opens it', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${base}/programs/`);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | HTMLAnchorElement | null;
      return { tag: el?.tagName, name: el?.getAttribute('name'), value: (el as HTMLInputElement)?.value, slot: el?.getAttribute('data-slot'), visible: el ? getComputedStyle(el.matches('input') ? el.nextElementSibling! : el).boxShadow !== 'none' : false };
    });
    let f = await focused();
    for (let i = 0; i < 40 && !(f.name === 'field' && f.value === '교육지원'); i++) {
      await page.keyboard.press('Tab');
      f = await focused();
    }
    expect(f).toMatchObject({ tag: 'INPUT', name: 'field', value: '교육지원', visible: true });
    await page.keyboard.press('Space');
    await settle(page);
    expect(new URL(page.url()).searchParams.get('field')).toBe('교육지원');
    for (let i = 0; i < 60 && f.slot !== 'title'; i++) {
      await page.keyboard.press('Tab');
      f = await focused();
    }
    expect(f.slot).toBe('title');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    await Promise.all([page.waitForURL(`**${href}`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });
});
