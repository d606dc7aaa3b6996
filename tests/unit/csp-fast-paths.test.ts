/**
 * The shortcuts the CSP step takes at 10,000 pages give the answers of the plain versions:
 * the cheap pre-check never misses a page the suspicious-page pattern would flag, and a page
 * written by splicing bytes is exactly the page injectMeta() would write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCsp } from '../../src/integrations/csp.ts';
import { injectMeta, isJsSpace, maybeSuspicious, metaInsertionPoint, quickScan, scanPage, SUSPICIOUS } from '../../src/integrations/csp-html.ts';
import { hashSource, policy } from '../../src/integrations/csp-policy.ts';
import { tempSite } from '../helpers/temp-site.ts';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '<', '>', '=', '"', "'", ' ', '\n', '\t', '\u00a0', '\u3000', '\ufeff', '&', '&amp;', '//', '/', ':', 'x', '가', '\ud83d\ude00',
  '<a', '<img', '<IMG', '<script', '<link', '<LINK', '<iframe', '<object', '<input', ' href', ' HREF', ' src', ' SrC', ' srcset', ' data',
  ' poster', ' action', ' formaction', ' cite', ' background', ' xlink:href', ' rel', 'stylesheet', 'icon', 'canonical', ' on', 'click',
  'ON', 'load', 'javascript', 'JavaScript', 'vbscript', 'script', 'https:', 'http://', '\u212a', 'ſ',
];

function fuzz(seed: number, n: number): string[] {
  const next = random(seed);
  return Array.from({ length: n }, () => Array.from({ length: 2 + Math.floor(next() * 24) }, () => TOKENS[Math.floor(next() * TOKENS.length)]).join(''));
}

describe('isJsSpace', () => {
  it('is JavaScript\'s \\s for every code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isJsSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });
});

describe('maybeSuspicious', () => {
  it('is true on every text the suspicious-page pattern matches (fuzzed attribute soup)', () => {
    let flagged = 0;
    for (const html of fuzz(1, 60_000)) {
      if (SUSPICIOUS.test(html)) {
        flagged++;
        expect(maybeSuspicious(html), JSON.stringify(html)).toBe(true);
      }
    }
    expect(flagged).toBeGreaterThan(1000);
  });

  it('lets ordinary pages through and catches each kind of construct', () => {
    const page = '<html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="https://x.kr/a/"></head>'
      + '<body><a href="https://other.kr/?a=1">x</a><p>A &amp; B // C</p><img src="/a.png" alt="a &amp; b"><script>a()</script></body></html>';
    expect(maybeSuspicious(page)).toBe(false);
    for (const bad of [
      '<p onclick="x()">', '<a href="JavaScript:x">', '<a href="&#106;avascript:x">', '<img src="x?a=1&amp;b">', '<img\tSRC = \u3000"//cdn.x/a.png">',
      '<img data-x="1" src="a" poster=//cdn.x/p.png>', '<link href="//cdn.x/a.css" rel="stylesheet">', '<form action=x&y>',
    ]) expect(maybeSuspicious(`${page}${bad}`), bad).toBe(true);
  });

  it('quickScan answers as with the pattern alone: the full parse exactly when SUSPICIOUS matches', () => {
    for (const html of fuzz(2, 3_000)) {
      const { inlineScripts } = quickScan(html);
      const expected = SUSPICIOUS.test(html) ? { ...scanPage(html), inlineScripts } : { inlineScripts, unsafe: [], thirdParty: [] };
      expect(quickScan(html), JSON.stringify(html)).toEqual(expected);
    }
  });
});

describe('metaInsertionPoint', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`;
  it('gives the offset injectMeta() inserts at, or nothing when a CSP meta is to be replaced', () => {
    for (const html of [
      '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head></html>',
      '<html><HEAD lang="ko">\n  <meta charset=utf-8 />\n<title>가</title></HEAD></html>',
      '\ufeff<html><head><title>t</title></head></html>',
      '<html><head><meta http-equiv="refresh" content="0"></head></html>',
    ]) {
      const at = metaInsertionPoint(html)!;
      expect(`${html.slice(0, at)}${meta}${html.slice(at)}`).toBe(injectMeta(html, "default-src 'self'"));
    }
    expect(metaInsertionPoint('<html><head><META HTTP-EQUIV="Content-Security-Policy" content="x"></head></html>')).toBeUndefined();
    expect(() => metaInsertionPoint('<p>no head</p>')).toThrow('no <head> element');
  });
});

describe('applyCsp writes what injectMeta() gives', () => {
  const { dir, write } = tempSite('csp-fast-');

  it('for spliced, replaced, BOM-led and non-UTF-8 pages alike, hashing each script text once', async () => {
    const s1 = "document.documentElement.classList.add('js')";
    const s2 = 'console.log("가나다")';
    const pages: Record<string, string | Buffer> = {
      'index.html': `<!doctype html><html><head><meta charset="utf-8"><title>홈</title><script>${s1}</script></head><body><script>${s2}</script></body></html>`,
      'a/index.html': `<!doctype html><html><head><meta charset="utf-8"><script>${s1}</script></head><body>😀</body></html>`,
      'b/index.html': `<html><head><meta http-equiv="Content-Security-Policy" content="old"><script>${s2}</script></head></html>`,
      'c/index.html': `\ufeff<html><head><title>bom</title></head></html>`,
      'd/index.html': Buffer.concat([Buffer.from('<html><head><title>'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`</title><script>${s1}</script></head></html>`)]),
      'admin/index.html': '<html><head><title>CMS</title></head><body><script type="module" src="/admin/a.js"></script></body></html>',
    };
    for (const [path, data] of Object.entries(pages)) write(path, data);
    const expected = Object.fromEntries(Object.entries(pages).map(([path, data]) => {
      const html = typeof data === 'string' ? data : data.toString('utf8');
      const scripts = quickScan(html).inlineScripts.map(hashSource);
      return [path, Buffer.from(injectMeta(html, policy(path.startsWith('admin/') ? 'admin' : 'public', scripts)), 'utf8')];
    }));
    const report = await applyCsp(dir);
    expect(report.problems).toEqual([]);
    expect([...report.hashes.public].sort()).toEqual([hashSource(s1), hashSource(s2)].sort());
    for (const path of Object.keys(pages)) expect(readFileSync(join(dir, path)).equals(expected[path]), path).toBe(true);
  });
});
