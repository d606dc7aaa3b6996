/**
 * How the bench reads a build: phase timings from the build's output lines, and the gzipped
 * HTML, CSS and JavaScript a page makes the browser load.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/lib/bench/dist-stats.ts';
import { parsePhases } from '../../scripts/lib/bench/phases.ts';

const lines = (entries: [number, string][]) => entries.map(([at, text]) => ({ at: at * 1000, text }));

describe('build phases', () => {
  it('reads steps, Astro durations in every unit and the Pagefind line', () => {
    const phases = parsePhases(lines([
      [0, '[build] 콘텐츠 검사: 6.3s'],
      [1, '14:29:00 [content] Syncing content'],
      [16, '14:29:15 [content] Synced content'],
      [20, ' generating static routes '],
      [92, '14:30:37 ✓ Completed in 1m 12s.'],
      [93, '14:30:37 [build] ✓ Completed in 1m 23s.'],
      [94, '14:30:53 [build] Waiting for integration "sangsaengnuri:pagefind", hook "astro:build:done"...'],
      [210, '14:32:41 [sangsaengnuri:pagefind] 검색 색인: 페이지 10929개 (프로그램 10000), 색인 37891 KB, 한국어 확장 켜짐, 124.0s'],
      [230, '14:32:58 [build] 13947 page(s) built in 3m 59s'],
      [231, '[build] astro build: 240.6s'],
    ]));
    expect(phases.steps).toEqual({ '콘텐츠 검사': 6.3, 'astro build': 240.6 });
    expect(phases.contentSync).toBe(15);
    expect(phases.render).toBe(72);
    expect(phases.pagefind).toBe(124);
    expect(phases.pagefindSource).toBe('log');
    expect(phases.pages).toBe(13947);
  });

  it('falls back to the astro:build:done gap when Pagefind logs no time', () => {
    const phases = parsePhases(lines([
      [0, ' generating static routes '],
      [10, '✓ Completed in 285ms.'],
      [11, '[build] ✓ Completed in 1.92s.'],
      [19, '[build] 95 page(s) built in 12.30s'],
    ]));
    expect(phases.render).toBeCloseTo(0.285);
    expect(phases.pagefindSource).toBe('build:done gap');
    expect(phases.pagefind).toBe(8);
  });
});

describe('page weight', () => {
  const dist = mkdtempSync(join(tmpdir(), 'bench-weight-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const css = 'body{color:#111}'.repeat(50);
  const entry = `import{a}from"./chunk.js";a(${JSON.stringify('상생'.repeat(40))});`;
  const chunk = `export function a(x){console.log(x)}${' '.repeat(10)}`;
  const lazy = 'export const big = 1;'.repeat(500);
  mkdirSync(join(dist, '_astro'), { recursive: true });
  mkdirSync(join(dist, 'programs'), { recursive: true });
  writeFileSync(join(dist, '_astro/site.css'), css);
  writeFileSync(join(dist, '_astro/entry.js'), `${entry}const later=()=>import("./lazy.js");`);
  writeFileSync(join(dist, '_astro/chunk.js'), chunk);
  writeFileSync(join(dist, '_astro/lazy.js'), lazy);
  const html = '<!doctype html><html lang="ko"><head><link rel="stylesheet" href="/_astro/site.css"><script type="application/ld+json">{"a":1}</script></head>'
    + '<body><script type="module" src="/_astro/entry.js"></script><script>document.documentElement.dataset.x="1"</script><main>목록</main></body></html>';
  writeFileSync(join(dist, 'programs/index.html'), html);

  it('counts stylesheets, module scripts with their static imports and inline script, not lazy imports or JSON-LD', () => {
    const w = pageWeight(dist, '/programs/');
    const gz = (s: string) => gzipSync(s, { level: 6 }).length;
    expect(w.html).toBe(gz(html));
    expect(w.css).toBe(gz(css));
    expect(w.js).toBe(gz(`${entry}const later=()=>import("./lazy.js");`) + gz(chunk));
    expect(w.jsInline).toBe(gz('document.documentElement.dataset.x="1"'));
    expect(w.assets).toEqual(['/_astro/site.css', '/_astro/entry.js', '/_astro/chunk.js']);
    expect(w.total).toBe(w.html + w.css + w.js);
  });
});
