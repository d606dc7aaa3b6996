/**
 * The search page's facet worker: a copy of Pagefind of its own that finds which pages match
 * the words, and the build's facet table (src/lib/search/facet-table.ts) that counts their
 * filter values and lists the programs in a 진행단계, off the page's thread
 * (src/lib/search/facet-channel.ts). Inside a worker Pagefind runs in place (it starts its own
 * worker only from a page). An index without a facet table is counted by Pagefind itself.
 */
import { facetIndexOf } from '../lib/search/facet-index.ts';
import { serveFacetIndex, type FacetWorkerInit, type Port } from '../lib/search/facet-channel.ts';
import { loadFacetTable, tableFacetIndex } from '../lib/search/facet-table.ts';
import { loadPrefixChunkMap, withPrefixChunks, type PreloadingPagefind } from '../lib/search/prefix-chunks.ts';

async function open(init: FacetWorkerInit) {
  const [pf, table] = await Promise.all([
    import(/* @vite-ignore */ `${init.bundle}pagefind.js`) as Promise<PreloadingPagefind>,
    loadFacetTable(init.bundle, init.lang).catch((error: unknown) => {
      console.warn('검색 필터 표를 쓸 수 없어 Pagefind가 필터를 셉니다:', error);
      return undefined;
    }),
  ]);
  // The same pages as the results: every chunk a query's prefixes reach (which pages match does
  // not depend on the ranking weights, so this copy is left with Pagefind's).
  const words = withPrefixChunks(pf, loadPrefixChunkMap(init.bundle, init.lang));
  if (!table) return facetIndexOf(words);
  return tableFacetIndex(table, async (term) => (await words.search(term, {}))?.results.map((r) => r.id) ?? []);
}

serveFacetIndex(self as unknown as Port, open);
