/**
 * The last few Pagefind responses, kept by search words and filters. A visitor repeats the
 * same search often without knowing it: pressing Enter on words the typing pause already
 * searched, picking another sort, going back and forward, unticking the facet just ticked,
 * or adding a particle to words just searched (중소기업 → 중소기업을 searches 중소기업 again).
 * On 10,000 programs a broad word costs Pagefind 50–150 ms each time; from here it costs nothing.
 * The index does not change while the page is open, so a kept response stays right.
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

/** `pf` with its last `kept` responses remembered (least recently used first out; a failed search is not kept). */
export function withResponseCache<T extends PagefindApi>(pf: T, kept = RESPONSES_KEPT): T {
  const responses = new Map<string, Promise<PagefindResponse | null>>();
  const search: PagefindApi['search'] = (term, options) => {
    const key = responseKey(term, options?.filters);
    let response = responses.get(key);
    if (response) responses.delete(key);
    else {
      const started = pf.search(term, options);
      response = started;
      started.catch(() => {
        if (responses.get(key) === started) responses.delete(key);
      });
    }
    responses.set(key, response);
    for (const oldest of responses.keys()) {
      if (responses.size <= kept) break;
      responses.delete(oldest);
    }
    return response;
  };
  return Object.assign(Object.create(pf) as T, { search });
}
