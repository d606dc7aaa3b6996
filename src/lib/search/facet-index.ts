/**
 * What the search engine asks of whatever counts facets and lists the programs in a 진행단계:
 * counts and page ids only, never result objects. On the page that is a worker of its own
 * (facet-channel.ts) counting from the build's facet table (facet-table.ts), so the thousands
 * of results of a broad word stay there; `facetIndexOf` puts the same face on any Pagefind API
 * (Pagefind counting with its filter files: tests, browsers without the worker, an index
 * without a facet table).
 */
import type { PagefindApi, PagefindFilters } from './engine.ts';

/** Value counts per filter, as Pagefind reports them. */
export type FacetCounts = Record<string, Record<string, number>>;

export interface FacetIndex {
  /** Value counts of every loaded filter over the pages matching `term` (null: every page) within `filters`. */
  counts(term: string | null, filters: PagefindFilters): Promise<FacetCounts>;
  /** Ids of the pages matching `term` (null: every page) within `filters`. */
  ids(term: string | null, filters: PagefindFilters): Promise<string[]>;
  /** Load every filter (counts cover the loaded ones only). */
  loadFilters(): Promise<void>;
  /**
   * True when `ids` costs the page's thread no more than the ids (a worker answers), so a search
   * can narrow the words' results by it instead of asking Pagefind to filter on the page.
   */
  readonly offThread?: boolean;
}

/** A FacetIndex over a Pagefind API (the counts and ids of its search responses). */
export function facetIndexOf(pf: PagefindApi): FacetIndex {
  return {
    counts: async (term, filters) => ({ ...(await pf.search(term, { filters }))?.filters }),
    ids: async (term, filters) => (await pf.search(term, { filters }))?.results.map((r) => r.id) ?? [],
    loadFilters: async () => {
      await pf.filters?.();
    },
  };
}
