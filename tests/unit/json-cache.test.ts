import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../../src/scripts/json-cache.ts';

afterEach(() => vi.unstubAllGlobals());

describe('listing data fetched once per page view', () => {
  it('shares one request among callers of the same URL', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ n: 1 }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const [a, b] = await Promise.all([getJson('/data/listing/meta.json?shared'), getJson('/data/listing/meta.json?shared')]);
    expect(a).toEqual({ n: 1 });
    expect(b).toBe(a);
    expect(await getJson('/data/listing/meta.json?shared')).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed request, so the next call fetches again', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('busy', { status: 503 }))
      .mockResolvedValueOnce(new Response(JSON.stringify([1, 2]), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await expect(getJson('/data/listing/rows-1-0.json?retry')).rejects.toThrow('/data/listing/rows-1-0.json?retry: 503');
    expect(await getJson('/data/listing/rows-1-0.json?retry')).toEqual([1, 2]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
