/**
 * The public pages in Debian's Chromium over the real test build (SITE_NOW=2018-05-10):
 * what a visitor sees on the home and detail pages at 375 and 1280 px, nothing wider than
 * the screen at 320 px, axe-core (WCAG 2.2 AA) on the page types the shared a11y test does
 * not open and on phone width and high contrast, the 화면 설정 remembered across pages,
 * and the font bytes a first visit really downloads.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';
import { TEST_SITE_NOW } from '../helpers/paths.ts';
import { daysFrom, programsOn } from './site-expected.ts';

let browser: TestBrowser;
let base: string;
const programs = programsOn(TEST_SITE_NOW);
const singapore = programs.find((p) => p.title.startsWith('싱가포르 국제 물주간'))!;

beforeAll(async () => {
  base = inject('siteUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(base + path);
  return page;
}

describe.each([375, 1280])('home and detail at %i px', (width) => {
  it('home lists 싱가포르 국제 물주간 as 모집중 with its D-day among 마감임박', async () => {
    expect(singapore.status).toBe('모집중');
    const page = await open('/', width);
    const section = page.locator('section', { has: page.getByRole('heading', { name: '마감임박 프로그램' }) });
    const card = section.locator('article', { has: page.getByRole('link', { name: singapore.title }) });
    await expect(card.locator('[data-status-label]').textContent()).resolves.toBe('모집중');
    await expect(card.locator('[data-dday]').textContent()).resolves.toBe(`D-${daysFrom(TEST_SITE_NOW, singapore.applyEnd)}`);
    expect(await card.isVisible()).toBe(true);
    // Cards follow the deadline: the first card closes no later than any other open program.
    const firstDay = await section.locator('[data-program-status]').first().getAttribute('data-apply-end');
    expect(firstDay).toBe(programs.filter((p) => p.status === '모집중').map((p) => p.applyEnd).sort()[0]);
    await page.close();
  });

  it('detail shows the badge, D-day, 문의처 links and every form field in order', async () => {
    const page = await open(`/programs/${singapore.slug}/`, width);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(singapore.title);
    const status = page.locator('.detail-head [data-program-status]');
    expect(await status.locator('[data-status-label]').textContent()).toBe('모집중');
    expect(await status.locator('[data-dday]').textContent()).toBe('D-3');
    const labels = await page.locator('.field-list dt').allTextContents();
    expect(labels).toEqual(['사업명', '기업명', '프로그램명', '프로그램개요', '목적', '지원분야', '지원대상', '신청기간', '지원기간', '진행지역', '문의처', '신청여부']);
    expect(await page.locator('.field-list a[href^="tel:"]').first().getAttribute('href')).toBe('tel:02-368-8487');
    expect(await page.getByRole('link', { name: '캘린더에 마감일 추가' }).getAttribute('href')).toBe(`/calendar/programs/${singapore.slug}.ics`);
    const sections = await page.locator('main h2.section-title').allTextContents();
    expect(sections.indexOf('지원내용')).toBeLessThan(sections.indexOf('첨부문서'));
    expect(await page.getByText('공고', { exact: true }).count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('layout', () => {
  it('nothing is wider than a 320 px screen', async () => {
    const page = await open('/', 320);
    for (const path of ['/', '/programs/', `/programs/${singapore.slug}/`, '/companies/', '/forums/', '/plans/', '/programs/past/']) {
      await page.goto(base + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('has lang="ko", a skip link to <main>, a breadcrumb on inner pages and a last-updated line', async () => {
    const page = await open('/companies/');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    expect(await skip.textContent()).toBe('본문 바로가기');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.getByRole('navigation', { name: '현재 위치' }).locator('li').allTextContents()).toEqual(['홈', '협력사 등록 안내']);
    expect(await page.locator('.last-updated time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  const paths = ['/businesses/', '/companies/', '/forums/', '/forums/notices/', '/plans/', '/guides/', '/accessibility/'];
  it.each(paths)('%s has no violations', async (path) => {
    const page = await open(path);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a business page and a forum page have no violations', async () => {
    const page = await open('/businesses/');
    for (const link of [page.locator('main .entry-list a').first()]) await link.click();
    await page.waitForLoadState();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/forums/`);
    await page.locator('main .card-title a').first().click();
    await page.waitForLoadState();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['/', '/programs/', `/programs/${singapore.slug}/`])('%s at 375 px and in high contrast has no violations', async (path) => {
    const page = await open(path, 375);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.setAttribute('data-krds-mode', 'high-contrast'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('화면 설정', () => {
  it('remembers 글자 크기 and 고대비 on the next page, applied before first paint', async () => {
    const page = await open('/');
    await page.getByText('화면 설정').click();
    await page.getByRole('button', { name: '가장 크게' }).click();
    await page.getByRole('button', { name: '고대비 화면' }).click();
    expect(await page.getAttribute('html', 'data-font-scale')).toBe('xxl');
    expect(await page.getByRole('button', { name: '가장 크게' }).getAttribute('aria-pressed')).toBe('true');
    // On the next page the attributes are there before any stylesheet or body is parsed.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { seen: unknown }).seen = document.documentElement.getAttribute('data-font-scale');
      });
      new MutationObserver((_, obs) => {
        if (document.body) {
          (window as unknown as { atBody: unknown }).atBody = [document.documentElement.getAttribute('data-font-scale'), document.documentElement.getAttribute('data-krds-mode')];
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${base}/programs/`);
    expect(await page.evaluate(() => (window as unknown as { atBody: unknown }).atBody)).toEqual(['xxl', 'high-contrast']);
    const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(size).toBe('24px');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(0, 0, 0)');
    await page.getByText('화면 설정').click();
    await page.getByRole('button', { name: '보통' }).click();
    await page.getByRole('button', { name: '고대비 화면' }).click();
    expect(await page.evaluate(() => [localStorage.getItem('krds-font-scale'), localStorage.getItem('krds-mode')])).toEqual([null, null]);
    await page.close();
  });
});

describe('font', () => {
  it('a first visit to the home page downloads at most 200 KB of self-hosted font, swap', async () => {
    const page = await browser.browser.newPage();
    const fonts: { url: string; bytes: number }[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('.woff2')) fonts.push({ url: r.url(), bytes: (await r.body()).length });
    });
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.url.startsWith(base)).toBe(true);
    expect(fonts.reduce((n, f) => n + f.bytes, 0)).toBeLessThanOrEqual(200 * 1024);
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Pretendard GOV') && f.status === 'loaded' && f.display === 'swap'))).toBe(true);
    await page.close();
  });
});
