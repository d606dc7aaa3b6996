/** Pagefind responses remembered within a visit (src/lib/search/response-cache.ts). */
import { describe, expect, it } from 'vitest';
import type { PagefindApi, PagefindFilters, PagefindResponse } from '../../src/lib/search/engine.ts';
import { RESPONSES_KEPT, responseKey, withResponseCache } from '../../src/lib/search/response-cache.ts';

/** A Pagefind stand-in that counts its searches; `fail` makes the next search reject. */
function countingIndex() {
  const calls: string[] = [];
  let fail = false;
  const index = {
    calls,
    failNext: () => (fail = true),
    preloaded: [] as string[],
    async preload(term: string) {
      index.preloaded.push(term);
    },
    async search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindResponse | null> {
      calls.push(responseKey(term, options?.filters));
      if (fail) {
        fail = false;
        throw new Error('색인 조각을 받지 못했습니다');
      }
      return { results: [{ id: `${term}-${calls.length}`, score: 1, data: async () => ({ url: '/', content: '', meta: {}, filters: {} }) }], filters: {} };
    },
  } satisfies PagefindApi & Record<string, unknown>;
  return index;
}

describe('Pagefind response cache', () => {
  it('answers the same words and filters from memory, whatever order the filters were picked in', async () => {
    const index = countingIndex();
    const pf = withResponseCache(index);
    const first = await pf.search('협력', { filters: { 지원분야: { any: ['판로지원', '기술지원'] }, 진행지역: { any: ['서울'] } } });
    const again = await pf.search('협력', { filters: { 진행지역: { any: ['서울'] }, 지원분야: { any: ['기술지원', '판로지원'] } } });
    expect(again).toBe(first);
    expect(index.calls).toHaveLength(1);
    // An empty selection is no selection.
    await pf.search('협력', { filters: { 지원분야: { any: [] } } });
    await pf.search('협력');
    expect(index.calls).toHaveLength(2);
  });

  it('searches again for other words or other filters', async () => {
    const index = countingIndex();
    const pf = withResponseCache(index);
    await pf.search('협력');
    await pf.search('협력을');
    await pf.search('협력', { filters: { 지원분야: { any: ['판로지원'] } } });
    await pf.search(null, { filters: { 진행단계: { any: ['종료'] } } });
    expect(index.calls).toHaveLength(4);
  });

  it(`keeps the ${RESPONSES_KEPT} most recently used responses`, async () => {
    const index = countingIndex();
    const pf = withResponseCache(index);
    for (let i = 0; i < RESPONSES_KEPT; i++) await pf.search(`단어${i}`);
    await pf.search('단어0'); // used again: now the most recent
    await pf.search('새 단어'); // pushes out 단어1, the least recently used
    expect(index.calls).toHaveLength(RESPONSES_KEPT + 1);
    await pf.search('단어0');
    expect(index.calls).toHaveLength(RESPONSES_KEPT + 1);
    await pf.search('단어1');
    expect(index.calls).toHaveLength(RESPONSES_KEPT + 2);
  });

  it('does not keep a failed search: the next one tries again', async () => {
    const index = countingIndex();
    const pf = withResponseCache(index);
    index.failNext();
    await expect(pf.search('협력')).rejects.toThrow('색인 조각을 받지 못했습니다');
    const response = await pf.search('협력');
    expect(response?.results).toHaveLength(1);
    expect(index.calls).toHaveLength(2);
  });

  it("leaves Pagefind's other calls as they are", async () => {
    const index = countingIndex();
    const pf = withResponseCache(index);
    await pf.preload('중소');
    expect(index.preloaded).toEqual(['중소']);
  });
});
