/**
 * The search page's facet worker: a copy of Pagefind of its own, with every filter loaded,
 * that counts facet values and lists the programs in a 진행단계 off the page's thread
 * (src/lib/search/facet-channel.ts). Inside a worker Pagefind runs in place (it starts its own
 * worker only from a page).
 */
import { facetIndexOf } from '../lib/search/facet-index.ts';
import { serveFacetIndex, type FacetWorkerInit, type Port } from '../lib/search/facet-channel.ts';
import { loadPrefixChunkMap, withPrefixChunks, type PreloadingPagefind } from '../lib/search/prefix-chunks.ts';

async function open(init: FacetWorkerInit) {
  const pf = (await import(/* @vite-ignore */ `${init.bundle}pagefind.js`)) as PreloadingPagefind & { options(o: object): Promise<void> };
  await pf.options({ ranking: { metaWeights: init.metaWeights } });
  // Counts over the same pages as the results: every chunk a query's prefixes reach.
  return facetIndexOf(withPrefixChunks(pf, loadPrefixChunkMap(init.bundle, init.lang)));
}

serveFacetIndex(self as unknown as Port, open);
