/**
 * The site's own files beside Pagefind's (the prefix chunk map, the sort orders, the facet table) are named after
 * the language index they belong to, so a new index never meets an old file in a cache.
 */

/** Pagefind's `pagefind-entry.json`, as far as it is read here. */
export interface PagefindEntry {
  languages?: Record<string, { hash: string; page_count: number }>;
  include_characters?: string[];
}

/**
 * The hash of a bundle's language index (`base` ends in `/`): the one for `lang`, else the
 * largest, as Pagefind picks. Undefined when the bundle has none. The entry file is fetched
 * past any cache, as pagefind.js does.
 */
export async function languageIndexHash(base: string, lang: string, fetcher: typeof fetch = fetch): Promise<string | undefined> {
  const response = await fetcher(`${base}pagefind-entry.json?ts=${Date.now()}`);
  if (!response.ok) return undefined;
  const languages = ((await response.json()) as PagefindEntry).languages ?? {};
  return (languages[lang] ?? Object.values(languages).sort((a, b) => b.page_count - a.page_count)[0])?.hash;
}
