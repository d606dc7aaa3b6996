/**
 * Link and asset integrity over the test build: every internal link, #anchor, image,
 * script, stylesheet, form action, attachment and CSS url() resolves. A miss fails with
 * the page and the link (scripts/check-links.ts does the work; `npm run check-links` runs it on dist/).
 */
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';
import { TEST_DIST } from '../helpers/paths.ts';
import { tempSite } from '../helpers/temp-site.ts';

describe('the built site', () => {
  const result = checkLinks(TEST_DIST);

  it('has pages and links to check', () => {
    expect(result.pages).toBeGreaterThan(20);
    expect(result.links).toBeGreaterThan(result.pages * 5);
  });

  it('every internal link, anchor, image and attachment resolves', () => {
    // One line per miss: "page: link — reason".
    expect(result.misses.map((m) => `${m.page}: ${m.link} — ${m.reason}`).join('\n')).toBe('');
  });
});

describe('the checker itself finds every kind of miss', () => {
  const { dir, write } = tempSite('links-');
  write('index.html', `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body id="top-of-page">
    <a href="/programs/">목록</a> <a href="/programs/a/#apply">신청</a> <a href="/programs/a/#missing">없는 곳</a>
    <a href="/programs/gone/">없는 프로그램</a> <img src="/uploads/poster.png" alt=""> <a href="/uploads/missing.hwp">첨부</a>
    <a href="https://winwinnuri.github.io/programs/">절대 주소</a> <a href="https://www.example.kr/x">외부</a> <a href="mailto:a@b.kr">메일</a>
    <a href="#top-of-page">위로</a> <a href="#nowhere">없는 앵커</a> <form action="/search/"></form>
    <img srcset="/img/a.png 1x, /img/b.png 2x" alt=""></body></html>`);
  write('programs/index.html', '<!doctype html><html><body><a href="a/">상대 주소</a><a href="../">홈</a></body></html>');
  write('programs/a/index.html', '<!doctype html><html><body><h2 id="apply">신청</h2></body></html>');
  write('search/index.html', '<!doctype html><html><body></body></html>');
  write('uploads/poster.png', 'png');
  write('img/a.png', 'png');
  write('_astro/site.css', '@font-face{src:url(/fonts/x.woff2)} .a{background:url("../img/a.png")}');

  it('reports page, link and reason for each miss, and nothing else', () => {
    const { misses } = checkLinks(dir, 'https://winwinnuri.github.io');
    expect(misses.map((m) => `${m.page}: ${m.link} — ${m.reason}`).sort()).toEqual([
      '_astro/site.css: /fonts/x.woff2 — no file for /fonts/x.woff2',
      'index.html: #nowhere — no id="nowhere" on index.html',
      'index.html: /img/b.png — no file for /img/b.png',
      'index.html: /programs/a/#missing — no id="missing" on programs/a/index.html',
      'index.html: /programs/gone/ — no file for /programs/gone/',
      'index.html: /uploads/missing.hwp — no file for /uploads/missing.hwp',
    ]);
  });
});
