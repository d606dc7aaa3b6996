/** Sorts of search results outside Pagefind (src/lib/search/sort-order.ts). */
import { describe, expect, it } from 'vitest';
import { buildSortTable, loadSortTable, parseSortTable, sortRanks, sortTableFile } from '../../src/lib/search/sort-order.ts';

describe('sort tables', () => {
  const pages = [
    { id: 'ko_c', url: '/programs/c/', value: '2018-05-20' },
    { id: 'ko_notice', url: '/forums/notices/n/', value: undefined },
    { id: 'ko_a', url: '/programs/a/', value: '2018-05-01' },
    { id: 'ko_b2', url: '/programs/b2/', value: '2018-05-10' },
    { id: 'ko_b1', url: '/programs/b1/', value: '2018-05-10' },
    { id: 'ko_empty', url: '/programs/e/', value: '' },
  ];

  it('lists the pages that have the key, ascending by value, equal values by URL', () => {
    expect(buildSortTable('신청 마감일', pages)).toEqual({ version: 1, key: '신청 마감일', pages: ['ko_a', 'ko_b1', 'ko_b2', 'ko_c'] });
  });

  it('ranks ascending for 신청 마감일 and descending for 등록일', () => {
    const table = buildSortTable('신청 마감일', pages);
    expect([...sortRanks(table, 'deadline')]).toEqual([['ko_a', 0], ['ko_b1', 1], ['ko_b2', 2], ['ko_c', 3]]);
    expect([...sortRanks(table, 'registered')]).toEqual([['ko_a', 3], ['ko_b1', 2], ['ko_b2', 1], ['ko_c', 0]]);
  });

  it('is named after the language index, and refuses what is not a table', () => {
    expect(sortTableFile('deadline', 'ko_3de750255c')).toBe('sort-deadline.ko_3de750255c.json');
    for (const bad of [null, {}, { version: 2, key: 'k', pages: [] }, { version: 1, key: 'k', pages: [1] }]) expect(parseSortTable(bad)).toBeUndefined();
  });

  it('is fetched for the language index Pagefind picks, and fails loudly when missing', async () => {
    const files: Record<string, unknown> = {
      '/pagefind/pagefind-entry.json': { languages: { ko: { hash: 'ko_1', page_count: 3 } } },
      '/pagefind/sort-registered.ko_1.json': { version: 1, key: '등록일', pages: ['ko_x'] },
    };
    const fetcher = (async (url: string) => {
      const body = files[url.split('?')[0]];
      return { ok: body !== undefined, json: async () => body };
    }) as unknown as typeof fetch;
    expect(await loadSortTable('/pagefind/', 'ko', 'registered', fetcher)).toEqual({ version: 1, key: '등록일', pages: ['ko_x'] });
    await expect(loadSortTable('/pagefind/', 'ko', 'deadline', fetcher)).rejects.toThrow('sort-deadline.ko_1.json');
  });
});
