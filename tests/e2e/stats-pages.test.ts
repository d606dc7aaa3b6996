/**
 * 통계, 실적 계산기 and the program page's 변경 이력 trust mark in Debian Chromium over the
 * real build: accessible (axe), usable by keyboard, the total announced to screen readers,
 * and the stale-deadline notice shown only when the deadline passed after the build.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';

const site = inject('siteUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('/stats/', () => {
  it('passes axe and fits a 320 px screen (wide tables scroll inside their box)', async () => {
    const page = await browser.browser.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${site}/stats/`);
    expect(await page.locator('figure[data-stat-figure] svg[role="img"]').count()).toBe(7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('실적 계산기 on /stats/evaluation/', () => {
  let page: Page;
  const live = () => page.locator('[data-calc="live"]').textContent();
  const total = () => page.locator('output[data-calc="total"]').textContent();

  beforeAll(async () => {
    page = await browser.browser.newPage();
    await page.goto(`${site}/stats/evaluation/`);
  });
  afterAll(() => page.close());

  it('is shown (JavaScript on) and passes axe', async () => {
    await expect(page.locator('form[data-calculator]').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fills ① and ④ from the company\'s row of the table', async () => {
    const row = page.locator('tr[data-company][data-year]').first();
    const [company, year, n, open] = await row.evaluate((tr) => {
      const d = (tr as HTMLElement).dataset;
      return [d.company!, d.year!, d.new!, d.open!];
    });
    await page.getByLabel('기업', { exact: true }).selectOption(company);
    await page.getByLabel('연도', { exact: true }).selectOption(year);
    expect(await page.locator('#calc-newPrograms').inputValue()).toBe(n);
    expect(await page.locator('#calc-openPrograms').inputValue()).toBe(open);
    await page.getByRole('button', { name: '처음부터' }).click();
  });

  it('adds the four parts as the keyboard enters them and announces the total', async () => {
    await page.getByLabel('기업', { exact: true }).selectOption('');
    // ① by keyboard: focus, select all, type.
    await page.locator('#calc-newPrograms').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('11');
    // ②: Tab to the first channel and tick it with Space; the same channel twice still counts once.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).dataset.calc)).toBe('channel');
    await page.keyboard.press('Space');
    await page.locator('#calc-posts').fill('2');
    // ③ and ④.
    await page.locator('#calc-directApplications').fill('4');
    await page.locator('#calc-openPrograms').fill('3');
    // 1.2 + (1 channel + 2 posts) × 0.1 + 0.6 + 0.4 = 2.5
    expect(await page.locator('output[data-calc-points="newPrograms"]').textContent()).toBe('1.2');
    expect(await page.locator('output[data-calc-points="promotion"]').textContent()).toBe('0.3');
    expect(await page.locator('output[data-calc-points="directApplications"]').textContent()).toBe('0.6');
    expect(await page.locator('output[data-calc-points="openPrograms"]').textContent()).toBe('0.4');
    expect(await total()).toBe('2.5');
    await expect.poll(live).toContain('합계 2.5점');
    expect(await page.locator('[data-calc="live"]').getAttribute('aria-live')).toBe('polite');
  });

  it('caps ② at 0.5 and never shows more than 4.0 in total', async () => {
    await page.locator('#calc-newPrograms').fill('16');
    for (const box of await page.locator('[data-calc="channel"]').all()) await box.check();
    await page.locator('#calc-posts').fill('9');
    await page.locator('#calc-directApplications').fill('6');
    await page.locator('#calc-openPrograms').fill('6');
    expect(await page.locator('output[data-calc-points="promotion"]').textContent()).toBe('0.5');
    expect(await total()).toBe('4.0');
    await expect.poll(live).toContain('합계 4.0점');
  });

  it('says which entry is not a count and counts it as 0', async () => {
    await page.locator('#calc-directApplications').fill('-3');
    expect(await page.locator('#calc-directApplications').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-calc-error="directApplications"]').textContent()).toContain('0 이상의 정수');
    expect(await total()).toBe('3.0');
  });
});

describe('변경 이력 trust mark on a program page', () => {
  const path = '/programs/2018-singapore-water-week/'; // 신청기간 2018-05-03 ~ 2018-05-13, built for 2018-05-10

  async function openAt(day: string): Promise<Page> {
    const page = await browser.browser.newPage();
    // The test build is pinned (html[data-site-now]); a real visitor's browser uses its clock.
    await page.route(`${site}${path}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/ data-site-now="[^"]*"/, '') });
    });
    await page.clock.install({ time: new Date(`${day}T10:00:00+09:00`) });
    await page.goto(`${site}${path}`);
    return page;
  }

  it('shows the history section with 마지막 변경 or a reason, never an error', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${site}${path}`);
    const section = page.locator('section[data-program-history]');
    await expect(section.locator('h2').textContent()).resolves.toBe('변경 이력');
    expect(await section.textContent()).toMatch(/처음 게시/);
    expect(await section.locator('time[data-build-day]').getAttribute('datetime')).toBe('2018-05-10');
    await page.close();
  });

  it('says plainly that applications closed when the deadline passed after the build', async () => {
    const page = await openAt('2018-05-20');
    const notice = page.locator('[data-stale-notice]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('지금은 신청할 수 없습니다');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('stays silent while the deadline has not passed', async () => {
    const page = await openAt('2018-05-12');
    await page.waitForLoadState('load');
    expect(await page.locator('[data-stale-notice]').isVisible()).toBe(false);
    await page.close();
  });
});
