/**
 * JSON files of the listing data (`/data/listing/…`), fetched once per page view: every caller
 * asking for the same URL shares one request. A failed request is forgotten, so the next
 * call (a retry, another filter) fetches again instead of failing forever.
 */
const cache = new Map<string, Promise<unknown>>();

export function getJson<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p as Promise<T>;
}
