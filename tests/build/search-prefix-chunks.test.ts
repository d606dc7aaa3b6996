/**
 * Prefix matches across Pagefind's index chunks, on a real index large enough to be cut
 * into many chunks (1,200 pages, each with twelve words starting with 지원 among other Korean
 * words), queried through the real pagefind.js in Chromium: Pagefind alone reads only the
 * chunk holding 지원 itself and misses pages; with the prefix chunk map written by the
 * build (src/integrations/pagefind-prefix-chunks.ts) every page is found.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readPrefixChunkMap, writePrefixChunkMaps } from '../../src/integrations/pagefind-prefix-chunks.ts';
import { readIndexChunks } from '../../src/lib/search/pagefind-meta.ts';
import { withPrefixChunks } from '../../src/lib/search/prefix-chunks.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { serveStatic, type RunningServer } from '../helpers/static-server.ts';
import { openPagefind, type BrowserPagefind } from '../fixtures/search-harness/browser-pagefind.ts';

const PAGES = 1200;
const SYLLABLES = [...'가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히'];

/** A seeded word of `n` syllables (the same pages on every run). */
function words(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return (n: number) => Array.from({ length: n }, () => SYLLABLES[next() % SYLLABLES.length]).join('');
}

let work: string;
let server: RunningServer;
let browser: TestBrowser;
let pf: BrowserPagefind;
let site: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'prefix-chunks-'));
  site = join(work, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="ko"><title>색인</title><p>색인</p></html>');
  const { index } = await pagefind.createIndex({ forceLanguage: 'ko' });
  if (!index) throw new Error('Pagefind did not start');
  try {
    for (let i = 0; i < PAGES; i++) {
      const word = words(i + 1);
      const text = [...Array.from({ length: 12 }, () => `지원${word(3)}`), ...Array.from({ length: 20 }, () => word(3))].join(' ');
      await index.addCustomRecord({ url: `/p/${i}/`, content: text, language: 'ko', meta: { title: `쪽 ${i}` } });
    }
    await index.writeFiles({ outputPath: join(site, 'pagefind') });
  } finally {
    await pagefind.close();
  }
  server = await serveStatic(site);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function freshPagefind(): Promise<BrowserPagefind> {
  const page = await browser.browser.newPage();
  await page.goto(`${server.url}/`);
  return openPagefind(page, '/pagefind/');
}

it('writes the first word of every index chunk, with nothing it cannot reach', () => {
  const report = writePrefixChunkMaps(join(site, 'pagefind'));
  const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const chunks = readIndexChunks(gunzipSync(readFileSync(join(site, 'pagefind', `pagefind.${entry.languages.ko.hash}.pf_meta`))));
  const map = readPrefixChunkMap(join(site, 'pagefind'));
  expect(chunks.length).toBeGreaterThan(5);
  expect(report).toEqual({ chunks: chunks.length, unreachable: 0 });
  expect(map.starts.map((s) => s.normalize('NFD'))).toEqual(chunks.map((c) => c.from));
  // The words starting with 지원 fill more than one chunk: the case Pagefind alone gets wrong.
  expect(chunks.filter((c) => c.from.startsWith('지원'.normalize('NFD'))).length).toBeGreaterThan(0);
});

it('finds every page whose word starts with the query, where Pagefind alone misses some', async () => {
  pf = await freshPagefind();
  const alone = (await pf.search('지원'))?.results.length ?? 0;
  expect(alone).toBeLessThan(PAGES);

  const map = Promise.resolve(readPrefixChunkMap(join(site, 'pagefind')));
  const withMap = withPrefixChunks(await freshPagefind(), map);
  expect((await withMap.search('지원'))?.results.length).toBe(PAGES);
  // A first search and a later one agree (Pagefind alone depends on what earlier searches loaded).
  const later = withPrefixChunks(pf, map);
  expect((await later.search('지원'))?.results.length).toBe(PAGES);
});
