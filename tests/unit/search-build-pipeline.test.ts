/**
 * The pieces that let search indexing run beside the rest of the build: the search
 * document cut from a built page, the records the content check hands over, and
 * background work the last hook waits for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInBackground, settleBackground } from '../../src/integrations/background.ts';
import { preparePage } from '../../src/integrations/pagefind-index.ts';
import { searchDocument } from '../../src/lib/search/html.ts';
import { awaitSearchRecords, readSearchRecords, writeSearchRecords } from '../../src/lib/search/records.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

const PAGE = '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>2018년 기술지원 | 상생누리</title><script>var x="헤더"</script></head>'
  + '<body><header><nav><a href="/">홈</a></nav></header><main id="main" data-pagefind-body class="page"><h1>2018년 기술지원</h1>'
  + '<dl><dt>기업명</dt><dd>한국수자원공사</dd></dl><span data-program-status>모집중</span></main><footer>대·중소기업·농어업협력재단</footer></body></html>';

describe('search document of a built page', () => {
  it('keeps only the main element, under the page title and language', () => {
    const doc = searchDocument(PAGE);
    expect(doc.body.startsWith('<main id="main" data-pagefind-body')).toBe(true);
    expect(doc.body.endsWith('</main>')).toBe(true);
    const html = doc.wrap(doc.body, '<span data-pagefind-meta="x[data-v]" data-v="1"></span>');
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<title>2018년 기술지원 | 상생누리</title>');
    expect(html).toContain('data-pagefind-body class="page"><span data-pagefind-meta="x[data-v]"');
    expect(html).not.toContain('대·중소기업·농어업협력재단');
    expect(html).not.toContain('헤더');
  });
  it('keeps the whole page when the indexed element is not a <main>', () => {
    const page = '<html><body><nav>메뉴</nav><div data-pagefind-body><p>본문</p></div></body></html>';
    const doc = searchDocument(page);
    expect(doc.body).toBe(page);
    expect(doc.wrap(doc.body, '<i></i>')).toContain('<div data-pagefind-body><i></i><p>본문</p>');
  });
  it('fails on a page without an indexed element', () => {
    expect(() => searchDocument('<html><body><main>x</main></body></html>')).toThrow('data-pagefind-body');
  });
  it('prepares the page with word boundaries, Korean tokens and the build-time status ignored', () => {
    const { html, tokenChars } = preparePage(PAGE, undefined, true);
    expect(html).toContain('<dt> 기업명 </dt>');
    expect(html).toContain('data-program-status data-pagefind-ignore');
    expect(html).toMatch(/data-pagefind-meta="kb\[data-v\]" data-v="[^"]*수자원공사/);
    expect(tokenChars).toBeGreaterThan(0);
    expect(preparePage(PAGE, undefined, false).html).not.toContain('data-pagefind-meta="kb');
  });
});

describe('search records handed from the content check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'records-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const record: SearchRecord = { collection: 'programs', slug: 'a', title: '가', filters: { t: ['프로그램'] }, sort: {}, meta: {}, names: [] };

  it('round-trip for the same content folder and day only', () => {
    const file = join(dir, 'r.json');
    writeSearchRecords(file, 'content', '2018-05-10', new Map([['programs/a', record]]));
    expect(readSearchRecords(file, 'content', '2018-05-10')?.get('programs/a')).toEqual(record);
    expect(readSearchRecords(file, 'other', '2018-05-10')).toBeUndefined();
    expect(readSearchRecords(file, 'content', '2018-05-11')).toBeUndefined();
    expect(readSearchRecords(join(dir, 'missing.json'), 'content', '2018-05-10')).toBeUndefined();
    expect(readSearchRecords(undefined, 'content', '2018-05-10')).toBeUndefined();
  });
  it('are waited for while the check runs, and an empty file ends the wait', async () => {
    const file = join(dir, 'later.json');
    setTimeout(() => writeSearchRecords(file, 'content', '2018-05-10', new Map([['programs/a', record]])), 150);
    expect((await awaitSearchRecords(file, 'content', '2018-05-10', 5000))?.size).toBe(1);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '{}');
    expect(await awaitSearchRecords(empty, 'content', '2018-05-10', 5000)).toBeUndefined();
    expect(await awaitSearchRecords(join(dir, 'never.json'), 'content', '2018-05-10', 100)).toBeUndefined();
    expect(existsSync(`${file}.${process.pid}.partial`)).toBe(false);
  });
});

describe('background work of the build hooks', () => {
  it('waits for every task and fails with the first failure', async () => {
    const done: string[] = [];
    runInBackground('a', new Promise((r) => setTimeout(r, 30)).then(() => done.push('a')));
    runInBackground('b', Promise.reject(new Error('색인 실패')));
    runInBackground('c', Promise.resolve().then(() => done.push('c')));
    await expect(settleBackground()).rejects.toThrow('색인 실패');
    expect(done.sort()).toEqual(['a', 'c']);
    await expect(settleBackground()).resolves.toBeUndefined();
  });
});

describe('astro.config.mjs', () => {
  it('loads in plain Node (erasable TypeScript only), not through Astro\'s Vite fallback', () => {
    // When Node cannot load it, Astro falls back to a Vite loader that is closed before the
    // build hooks run, and their dynamic imports (fonts, Pagefind) then fail.
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./astro.config.mjs')"], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
