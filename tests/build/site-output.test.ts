/**
 * The public site's built output (SITE_NOW=2018-05-10): JavaScript budgets per page type
 * (gzipped, Pagefind's own files excluded), the listing's data files (a filter never
 * needs every program), font bytes per page, and the page shell every page shares.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { codePoints, pageFontBytes, visibleText, type FontFile } from '../../src/integrations/fonts-plan.ts';
import { FONT_CSS_URL } from '../../src/integrations/fonts-files.ts';
import { TEST_DIST, TEST_SITE_NOW } from '../helpers/paths.ts';

const read = (path: string) => readFileSync(join(TEST_DIST, path), 'utf8');
const gz = (text: string | Buffer) => gzipSync(text).length;

function htmlPages(dir = TEST_DIST): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['admin', 'pagefind', '_astro'].includes(entry.name)) out.push(...htmlPages(path));
    } else if (entry.name.endsWith('.html')) out.push(`/${relative(TEST_DIST, path).split('\\').join('/')}`);
  }
  return out;
}

/** Every script a page runs at load: inline scripts, <script src>, and their static imports (not dynamic ones, not Pagefind). */
function pageScripts(pagePath: string): { name: string; gzip: number }[] {
  const html = read(pagePath);
  const seen = new Map<string, number>();
  const queue: string[] = [];
  const follow = (code: string, from: string) => {
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"`()]*?from\s*)?["'`]([^"'`]+\.m?js)["'`]/g)) {
      const target = m[1].startsWith('/') ? m[1] : posix.join(posix.dirname(from), m[1]);
      if (!target.startsWith('/pagefind/')) queue.push(target);
    }
  };
  let inline = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1])?.[1];
    if (/type="application\/(ld\+)?json"/.test(m[1])) continue;
    if (src) {
      if (!src.startsWith('/pagefind/')) queue.push(src);
    } else if (m[2].trim()) {
      seen.set(`inline#${inline++}`, gz(m[2]));
      follow(m[2], pagePath);
    }
  }
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const code = read(file);
    seen.set(file, gz(code));
    follow(code, file);
  }
  return [...seen].map(([name, gzip]) => ({ name, gzip }));
}
const totalJs = (page: string) => pageScripts(page).reduce((n, s) => n + s.gzip, 0);

const programPages = readdirSync(join(TEST_DIST, 'programs')).filter((s) => !['page', 'past', 'match', 'listing-data'].includes(s) && existsSync(join(TEST_DIST, 'programs', s, 'index.html')));

describe('JavaScript budgets (gzipped, Pagefind excluded)', () => {
  it('a program detail page ships under 5 KB', () => {
    expect(programPages.length).toBeGreaterThan(0);
    for (const slug of programPages) {
      const bytes = totalJs(`/programs/${slug}/index.html`);
      expect(bytes, `/programs/${slug}/: ${JSON.stringify(pageScripts(`/programs/${slug}/index.html`))}`).toBeLessThan(5 * 1024);
    }
  });

  it('the listing ships under 20 KB, and it really runs the filter script', () => {
    const scripts = pageScripts('/programs/index.html');
    expect(scripts.some((s) => /ProgramListing/.test(s.name))).toBe(true);
    expect(totalJs('/programs/index.html'), JSON.stringify(scripts)).toBeLessThan(20 * 1024);
  });

  it('no page ships a framework runtime', () => {
    for (const file of readdirSync(join(TEST_DIST, '_astro')).filter((f) => f.endsWith('.js'))) {
      expect(read(`/_astro/${file}`), file).not.toMatch(/react-dom|__vue__|preact|svelte\/internal/);
    }
  });
});

describe('listing data files', () => {
  const meta = JSON.parse(read('/programs/listing-data/meta.json'));
  const listing = read('/programs/index.html');

  it('are pinned to the build day and count every current program once per 지원분야', () => {
    expect(meta.builtFor).toBe(TEST_SITE_NOW);
    expect(meta.pinned).toBe(true);
    const rows = listing.split('<template')[0].match(/<tr>\s*<th scope="row"/g)?.length ?? 0;
    const count = Number(/현재 프로그램 <strong>(\d+)<\/strong>건/.exec(listing)?.[1]);
    expect(meta.counts.reduce((a: number, b: number) => a + b, 0)).toBe(count);
    expect(rows).toBe(Math.min(count, 20));
  });

  it('keep titles out of the filter index: one field filter downloads its own files only', () => {
    for (let f = 0; f < meta.counts.length; f++) {
      const path = `/programs/listing-data/index-${f}.json`;
      const index = JSON.parse(read(path));
      expect(index.company).toHaveLength(meta.counts[f]);
      expect(read(path)).not.toMatch(/[가-힣]/); // no Korean text: titles live in rows-*.json
    }
  });
});

describe('font', () => {
  const css = read(FONT_CSS_URL);
  const files: FontFile[] = [...css.matchAll(/font-weight:(\d+);font-display:swap;src:url\(([^)]+)\) format\('woff2'\);unicode-range:([^}]+)\}/g)].map((m) => ({
    weight: Number(m[1]),
    url: m[2],
    bytes: statSync(join(TEST_DIST, m[2])).size,
    codePoints: m[3].split(',').flatMap((r) => {
      const [a, b] = r.replace('U+', '').split('-').map((h) => Number.parseInt(h, 16));
      return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
    }),
  }));

  it('is self-hosted Pretendard GOV, swap, 400 and 700, with a metric-matched fallback', () => {
    expect(files.length).toBeGreaterThan(1);
    expect(new Set(files.map((f) => f.weight))).toEqual(new Set([400, 700]));
    expect(css).toMatch(/font-family:'Pretendard GOV'/);
    expect(css).toMatch(/font-family:'Pretendard Fallback';src:local\([^;]+;ascent-override:\d+\.\d+%/);
    expect(read('/index.html')).toContain(`<link rel="stylesheet" href="${FONT_CSS_URL}">`);
  });

  it('every page needs at most 200 KB of font on a first visit, and every character it shows has a glyph', () => {
    const covered = new Set(files.flatMap((f) => f.codePoints));
    for (const page of htmlPages()) {
      const chars = codePoints(visibleText(read(page)));
      expect(pageFontBytes(chars, files), page).toBeLessThanOrEqual(200 * 1024);
      const hangul = [...chars].filter((c) => c >= 0xac00 && c <= 0xd7a3 && !covered.has(c));
      expect(hangul.map((c) => String.fromCodePoint(c)), page).toEqual([]);
    }
  });
});

describe('page shell', () => {
  const pages = htmlPages();
  it('every page: lang="ko", skip link, one <main data-pagefind-body>, chrome ignored by search, 화면 설정 script', () => {
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) {
      const html = read(page);
      if (!/<body/.test(html) || page.startsWith('/search/') && !/site-header/.test(html)) continue;
      expect(html, page).toMatch(/<html lang="ko" data-site-now="2018-05-10"/);
      expect(html, page).toContain('<a href="#main" class="skip-link">본문 바로가기</a>');
      expect(html.match(/<main\b[^>]*data-pagefind-body/g), page).toHaveLength(1);
      expect(html, page).toMatch(/<header class="site-header" data-pagefind-ignore>/);
      expect(html, page).toMatch(/<footer class="site-footer" data-pagefind-ignore>/);
      expect(html, page).toContain("localStorage,f=s.getItem('krds-font-scale')");
    }
  });

  it('inner pages have a breadcrumb; content pages say when they last changed', () => {
    for (const page of pages.filter((p) => p !== '/index.html' && p !== '/404.html' && !p.startsWith('/admin'))) {
      const html = read(page);
      if (!/site-header/.test(html)) continue;
      expect(html, page).toContain('aria-label="현재 위치"');
      expect(html, page).toMatch(/최종 수정일 <time datetime="\d{4}-\d{2}-\d{2}">/);
    }
  });

  it('program URLs never collide with listing routes', () => {
    for (const reserved of ['page', 'past', 'listing-data']) expect(existsSync(join(TEST_DIST, 'programs', reserved, 'index.html')) && reserved !== 'past', reserved).toBe(false);
    expect(dirname('/programs/past/index.html')).toBe('/programs/past');
  });
});
