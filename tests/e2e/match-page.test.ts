/**
 * 맞춤 찾기 in Debian Chromium over the real build (SITE_NOW=2018-05-10): a 경남 제조
 * 중소기업 that supplies no one sees exactly the open 전체 오픈 programs of 전국 or 경남;
 * the URL reproduces the result; with JavaScript off the form leads to the listing with
 * the equivalent filters, and that listing shows the same programs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';
import { ROOT, TEST_SITE_NOW } from '../helpers/paths.ts';

interface Raw {
  slug: string;
  company: string;
  audience: string;
  regions: string[];
  applyPeriod: { start: string; end: string };
}

// Expected result, counted here from content/ without the site's code.
const programs: Raw[] = readdirSync(join(ROOT, 'content', 'programs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const text = readFileSync(join(ROOT, 'content', 'programs', f), 'utf8');
    return { slug: f.replace(/\.md$/, ''), ...(parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]) as Omit<Raw, 'slug'>) };
  });
const open = (p: Raw) => p.applyPeriod.start <= TEST_SITE_NOW && TEST_SITE_NOW <= p.applyPeriod.end;
const inGyeongnam = (p: Raw) => p.regions.includes('전국') || p.regions.includes('경남');
const expected = programs.filter((p) => open(p) && inGyeongnam(p) && p.audience === '전체 오픈').map((p) => p.slug).sort();

const site = inject('siteUrl');
let browser: TestBrowser;
let noJs: TestBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
  noJs = await launchBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  await noJs?.close();
});

async function matchedSlugs(page: Page): Promise<string[]> {
  await page.locator('[data-match-results]:not([hidden]):not([aria-busy])').waitFor();
  return (await page.locator('[data-match-list] > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.slug ?? ''))).sort();
}

async function answerAsGyeongnamSme(page: Page): Promise<void> {
  await page.goto(`${site}/programs/match/`);
  await page.getByLabel('1. 우리 회사의 지역').selectOption('경남');
  await page.getByRole('radio', { name: '중소기업' }).check();
  await page.getByRole('radio', { name: /아니요/ }).check();
}

describe('맞춤 찾기', () => {
  it('has something to find in the shipped content', () => {
    expect(expected.length).toBeGreaterThan(0);
    // The question must really narrow: some open programs are elsewhere or not 전체 오픈.
    expect(programs.filter(open).length).toBeGreaterThan(expected.length);
  });

  it('a 경남 제조 중소기업, 협력사 of no one, sees exactly the open 전체 오픈 programs of 전국 or 경남', async () => {
    const page = await browser.browser.newPage();
    await answerAsGyeongnamSme(page);
    await page.getByRole('button', { name: '맞는 프로그램 보기' }).click();
    expect(await matchedSlugs(page)).toEqual(expected);
    await expect.poll(() => page.locator('[data-match-count]').textContent()).toContain(`${expected.length}개`);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/programs/match/');
    expect([...url.searchParams]).toEqual([['region', '경남'], ['size', '중소기업'], ['supplier', 'no']]);
    expect(await axeViolations(page)).toEqual([]);

    // The URL alone reproduces the answers and the result (no cookie, no storage).
    const again = await browser.browser.newPage();
    await again.goto(page.url());
    expect(await matchedSlugs(again)).toEqual(expected);
    expect(await again.getByLabel('1. 우리 회사의 지역').inputValue()).toBe('경남');
    expect(await again.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
    await again.close();
    await page.close();
  });

  it('a 협력사 also sees that company\'s 협력사 지원 programs, and Back restores the previous answers', async () => {
    const own = programs.find((p) => open(p) && inGyeongnam(p) && p.audience === '협력사 지원');
    expect(own, 'an open 협력사 지원 program in the content').toBeDefined();
    const page = await browser.browser.newPage();
    await answerAsGyeongnamSme(page);
    await page.getByRole('button', { name: '맞는 프로그램 보기' }).click();
    await matchedSlugs(page);
    await page.getByRole('radio', { name: /예, 협력사/ }).check();
    const company = await page.locator(`#match-partner option[value="${own!.company}"]`).textContent();
    await page.getByLabel('어느 기업의 협력사인가요?').selectOption(own!.company);
    await page.getByRole('button', { name: '맞는 프로그램 보기' }).click();
    await expect.poll(async () => (await matchedSlugs(page)).includes(own!.slug)).toBe(true);
    const item = page.locator(`[data-match-list] > li[data-slug="${own!.slug}"]`);
    expect(await item.textContent()).toContain(`협력사 지원: ${company} 협력사`);
    expect(new URL(page.url()).searchParams.getAll('partner')).toEqual([own!.company]);
    await page.goBack();
    await expect.poll(() => matchedSlugs(page)).toEqual(expected);
    expect(await page.getByRole('radio', { name: /아니요/ }).isChecked()).toBe(true);
    await page.close();
  });

  it('with JavaScript off the form goes to the listing with equivalent filters, and that list is the same', async () => {
    const page = await noJs.browser.newPage();
    await answerAsGyeongnamSme(page);
    await expect(page.locator('.match-nojs').isVisible()).resolves.toBe(true);
    await Promise.all([page.waitForURL(/\/programs\/\?/), page.getByRole('button', { name: '맞는 프로그램 보기' }).click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/programs/');
    expect(url.searchParams.get('region')).toBe('경남');
    expect(url.searchParams.getAll('audience')).toEqual(['전체 오픈']);
    expect(url.searchParams.getAll('status')).toEqual(['모집중']);
    expect(url.searchParams.getAll('field')).toEqual([]);
    expect(url.searchParams.get('company')).toBeNull();
    // Without a script the listing is the plain list of current programs: every match is on it.
    const plain = await page.locator('[data-program-rows] a[data-slot="title"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const slug of expected) expect(plain).toContain(`/programs/${slug}/`);
    await page.close();

    // The same URL with the listing's filters applied shows exactly the match.
    const filtered = await browser.browser.newPage();
    await filtered.goto(url.toString());
    await expect
      .poll(async () => (await filtered.locator('[data-program-rows] a[data-slot="title"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/')[2]))).sort())
      .toEqual(expected);
    await filtered.close();
  });
});
