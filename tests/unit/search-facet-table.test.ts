/** Facet counts from the build's table of filter values (src/lib/search/facet-table.ts). */
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CborWriter } from '../../src/lib/search/cbor.ts';
import { SIGNATURE } from '../../src/lib/search/pagefind-meta.ts';
import { buildFacetTable, facetTableFile, facetTableJson, loadFacetTable, parseFacetTable, tableFacetIndex } from '../../src/lib/search/facet-table.ts';

const pages: { id: string; words: string[]; filters: Record<string, string[]> | undefined }[] = [
  { id: 'a', words: ['중소기업', '물주간'], filters: { 유형: ['프로그램'], 진행단계: ['모집중'], 지역: ['전국', '서울'] } },
  { id: 'b', words: ['중소기업'], filters: { 유형: ['프로그램'], 진행단계: ['종료'], 지역: ['경기'] } },
  { id: 'c', words: ['중소기업', '공지'], filters: { 유형: ['포럼 공지'] } },
  { id: 'd', words: ['상생'], filters: undefined },
];
const table = buildFacetTable(pages);
const ids = pages.map((p) => p.id);

/** A Pagefind metadata file (gzipped, as written) listing `pageIds` in page-number order. */
function metaFile(pageIds: string[]): Uint8Array {
  const w = new CborWriter().array(5).text('1.6.0').array(pageIds.length);
  for (const id of pageIds) w.array(3).text(id).uint(10).text('');
  w.array(0).array(0).array(0);
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE), w.bytes()]));
}
const any = (selected: Record<string, string[]>) => Object.fromEntries(Object.entries(selected).map(([k, v]) => [k, { any: v }]));

function index() {
  const searched: string[] = [];
  const facets = tableFacetIndex(table, async (term) => {
    searched.push(term);
    return pages.filter((p) => p.words.some((w) => w.startsWith(term))).map((p) => p.id);
  });
  return { facets, searched };
}

describe('facet table', () => {
  it('holds each page’s values as numbers, a page without a value having none', () => {
    expect(table.pages).toEqual(['a', 'b', 'c', 'd']);
    expect(Object.keys(table.facets)).toEqual(['유형', '지역', '진행단계']);
    expect(table.facets['지역']).toEqual({ values: ['전국', '서울', '경기'], rows: [[0, 1], [2], [], []] });
    expect(table.facets['유형'].rows).toEqual([[0], [0], [1], []]);
    // Written with the number of pages (their ids are in the metadata file) and a row of one
    // value as that number; read back the same with the ids.
    expect(JSON.parse(facetTableJson(table)).pages).toBe(4);
    expect(facetTableJson(table)).toContain('"rows":[0,0,1,[]]');
    expect(parseFacetTable(JSON.parse(facetTableJson(table)), ids)).toEqual(table);
  });

  it('refuses a table whose rows do not match its pages or values', () => {
    const file = JSON.parse(facetTableJson(table));
    expect(parseFacetTable({ ...file, version: 2 }, ids)).toBeUndefined();
    // Written for another index (not as many pages as its metadata lists).
    expect(parseFacetTable(file, ['a', 'b', 'c'])).toBeUndefined();
    expect(parseFacetTable({ ...file, facets: { 지역: { values: ['전국'], rows: [0, 1, [], []] } } }, ids)).toBeUndefined();
    expect(parseFacetTable({ ...file, facets: { 지역: { values: ['전국'], rows: [0, '0', [], []] } } }, ids)).toBeUndefined();
    expect(parseFacetTable(null, ids)).toBeUndefined();
  });

  it('counts the values of the pages matching the words and every selected facet (any value within one)', async () => {
    const { facets } = index();
    expect(await facets.counts('중소기업', {})).toEqual({
      유형: { 프로그램: 2, '포럼 공지': 1 }, 지역: { 전국: 1, 서울: 1, 경기: 1 }, 진행단계: { 모집중: 1, 종료: 1 },
    });
    const narrowed = await facets.counts('중소기업', any({ 지역: ['서울', '경기'], 진행단계: ['종료'] }));
    expect(narrowed['유형']).toEqual({ 프로그램: 1, '포럼 공지': 0 });
    expect(await facets.ids('중소기업', any({ 지역: ['서울', '경기'] }))).toEqual(['a', 'b']);
    expect(await facets.ids(null, any({ 진행단계: ['종료'] }))).toEqual(['b']);
    expect(await facets.ids(null, {})).toEqual(['a', 'b', 'c', 'd']);
    // A value or a facet the table does not have matches no page, as in Pagefind.
    expect(await facets.ids('중소기업', any({ 지역: ['제주'] }))).toEqual([]);
    expect(await facets.ids('중소기업', any({ 기업: ['한국수자원공사'] }))).toEqual([]);
    // An empty selection is no selection.
    expect(await facets.ids('공지', any({ 지역: [] }))).toEqual(['c']);
  });

  it('asks for the pages of the same words once while facets are ticked and unticked', async () => {
    const { facets, searched } = index();
    await facets.counts('중소기업', {});
    await facets.counts('중소기업', any({ 지역: ['서울'] }));
    await facets.ids('중소기업', any({ 진행단계: ['종료'] }));
    await facets.counts('상생', {});
    expect(searched).toEqual(['중소기업', '상생']);
  });

  it('loads the table of the language index Pagefind picks with the page ids of its metadata, and names the file it cannot use', async () => {
    const files: Record<string, unknown> = {
      '/pagefind/pagefind-entry.json': { version: '1.6.0', languages: { ko: { hash: 'ko_abc', wasm: 'ko', page_count: 4 } } },
      [`/pagefind/${facetTableFile('ko_abc')}`]: JSON.parse(facetTableJson(table)),
      '/pagefind/pagefind.ko_abc.pf_meta': metaFile(ids),
    };
    const fetcher = (async (url: string) => {
      const body = files[url.split('?')[0]];
      if (body === undefined) return new Response('', { status: 404 });
      return body instanceof Uint8Array ? new Response(new Uint8Array(body)) : Response.json(body);
    }) as typeof fetch;
    expect(await loadFacetTable('/pagefind/', 'ko', fetcher)).toEqual(table);
    // A host that gunzips Pagefind's files itself.
    files['/pagefind/pagefind.ko_abc.pf_meta'] = new Uint8Array(Buffer.concat([Buffer.from(SIGNATURE), gunzipSync(metaFile(ids)).subarray(SIGNATURE.length)]));
    expect((await loadFacetTable('/pagefind/', 'ko', fetcher)).pages).toEqual(ids);
    // A table of another build of the index.
    files['/pagefind/pagefind.ko_abc.pf_meta'] = metaFile(['a', 'b']);
    await expect(loadFacetTable('/pagefind/', 'ko', fetcher)).rejects.toThrow('facets.ko_abc.json');
    delete files[`/pagefind/${facetTableFile('ko_abc')}`];
    await expect(loadFacetTable('/pagefind/', 'ko', fetcher)).rejects.toThrow('facets.ko_abc.json');
  });
});
