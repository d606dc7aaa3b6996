/**
 * Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in Debian's Chromium over one page
 * of every type of the test build — home, listing with a filter applied and every filter group
 * open (at 1280 px and as cards at 375 px), program detail, past programs, company, forum notice, plan with tables, guide, search
 * with results, 404 — with zero violations. While each page is open, it also must raise no
 * Content-Security-Policy violation and no script error (the policy really lets the page work).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';
import { TEST_DIST } from '../helpers/paths.ts';

/** First entry page of a section of the build, optionally the first whose HTML matches. */
function firstPage(section: string, matches?: RegExp, prefer?: string): string {
  const dir = join(TEST_DIST, section);
  const slugs = existsSync(dir) ? readdirSync(dir).filter((s) => existsSync(join(dir, s, 'index.html'))).sort() : [];
  const ordered = prefer && slugs.includes(prefer) ? [prefer, ...slugs] : slugs;
  const slug = ordered.find((s) => !['page', 'past', 'match', 'category', 'notices', 'listing-data'].includes(s) && (!matches || matches.test(readFileSync(join(dir, s, 'index.html'), 'utf8'))));
  if (!slug) throw new Error(`no built page under /${section}/${matches ? ` matching ${matches}` : ''}`);
  return `/${section}/${slug}/`;
}

interface PageType {
  name: string;
  path: () => string;
  status?: number;
  /** Viewport width (default 1280). */
  width?: number;
  /** Bring the page to the state under test (open filters, wait for search results). */
  prepare?: (page: Page) => Promise<void>;
}

const openAllDetails = async (page: Page) => {
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => d.setAttribute('open', '')));
};

const TYPES: PageType[] = [
  { name: 'home', path: () => '/' },
  { name: 'listing with filters open', path: () => `/programs/?field=${encodeURIComponent('교육지원')}`, prepare: openAllDetails },
  { name: 'listing on a phone (375 px, cards)', path: () => '/programs/', width: 375, prepare: openAllDetails },
  { name: 'program detail', path: () => firstPage('programs', /<h1/, '2018-singapore-water-week') },
  { name: 'past programs', path: () => '/programs/past/' },
  { name: 'company', path: () => firstPage('companies') },
  { name: 'forum notice', path: () => firstPage('forums/notices') },
  { name: 'plan with tables', path: () => firstPage('plans', /<table/) },
  { name: 'guide', path: () => firstPage('guides') },
  {
    name: 'search with results',
    path: () => `/search/?q=${encodeURIComponent('기술')}`,
    prepare: async (page) => {
      await page.waitForFunction(() => (document.querySelector('[data-search-results]')?.querySelectorAll('a[href]').length ?? 0) > 0, null, { timeout: 15_000 });
      await openAllDetails(page);
    },
  },
  { name: '404', path: () => '/no-such-page/', status: 404 },
];

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('every page type has zero WCAG 2.2 AA violations, CSP violations and script errors', () => {
  for (const type of TYPES) {
    it(type.name, async () => {
      const page = await browser.browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content.Security.Policy|CSPV/i.test(m.text())) problems.push(`csp: ${m.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSPV ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
      });
      try {
        const path = type.path();
        await page.setViewportSize({ width: type.width ?? 1280, height: 900 });
        const response = await page.goto(inject('siteUrl') + path, { waitUntil: 'networkidle' });
        expect(response?.status(), path).toBe(type.status ?? 200);
        await type.prepare?.(page);
        const violations = await axeViolations(page);
        expect(violations.map((v) => `${path}: ${v.id} — ${v.help} — ${v.nodes.slice(0, 3).join(' | ')}`).join('\n')).toBe('');
        expect(problems, path).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('the check is live: an image without alt text added to a page is reported', async () => {
    const page = await browser.browser.newPage();
    try {
      await page.goto(inject('siteUrl') + '/', { waitUntil: 'load' });
      await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: '/favicon.svg' })));
      expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
    } finally {
      await page.close();
    }
  });
});
