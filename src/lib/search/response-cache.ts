/**
 * The last few Pagefind responses and facet counts, kept by search words and filters. A visitor
 * repeats the same search often without knowing it: pressing Enter on words the typing pause
 * already searched, picking another sort, going back and forward, unticking the facet just
 * ticked, or adding a particle to words just searched (중소기업 → 중소기업을 searches 중소기업 again).
 * On 10,000 programs a broad word costs Pagefind 50–150 ms each time, and its facet counts
 * the worker's search for the same words; from here they cost nothing. The index does not change while the
 * page is open, so what is kept stays right.
 */
import type { PagefindApi, PagefindFilters, PagefindResponse } from './engine.ts';

/** Responses kept (a broad word's response holds ~10,000 results: a few MB each). */
export const RESPONSES_KEPT = 6;

/** The same words and filters, whatever order the filters were picked in. */
export function responseKey(term: string | null, filters: PagefindFilters = {}): string {
  const picked = Object.keys(filters)
    .filter((key) => filters[key].any.length > 0)
    .sort()
    .map((key) => [key, [...filters[key].any].sort()]);
  return JSON.stringify([term, picked]);
}

/**
 * The last `kept` promises by key, least recently used out first: `get(key, make)` returns the
 * kept one or keeps what `make()` starts. A promise that rejects is dropped, so the next call
 * tries again.
 */
export function keptPromises<T>(kept = RESPONSES_KEPT): (key: string, make: () => Promise<T>) => Promise<T> {
  const promises = new Map<string, Promise<T>>();
  return (key, make) => {
    let promise = promises.get(key);
    if (promise) promises.delete(key);
    else {
      const started = make();
      promise = started;
      started.catch(() => {
        if (promises.get(key) === started) promises.delete(key);
      });
    }
    promises.set(key, promise);
    for (const oldest of promises.keys()) {
      if (promises.size <= kept) break;
      promises.delete(oldest);
    }
    return promise;
  };
}

/** `pf` with its last `kept` responses remembered. */
export function withResponseCache<T extends PagefindApi>(pf: T, kept = RESPONSES_KEPT): T {
  const remembered = keptPromises<PagefindResponse | null>(kept);
  const search: PagefindApi['search'] = (term, options) => remembered(responseKey(term, options?.filters), () => pf.search(term, options));
  return Object.assign(Object.create(pf) as T, { search });
}
