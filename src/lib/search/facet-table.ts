/**
 * Facet counts from a table of every page's filter values, outside Pagefind.
 *
 * Pagefind counts facets by loading every filter file (~400 KB at 10,000 programs) and counting
 * every value over the results on each search (250–750 ms for a broad word at 10,000 programs).
 * The build writes instead, beside Pagefind's files, one table per language index
 * (`facets.<language hash>.json`: each page's filter values as numbers, the pages in Pagefind's
 * page-number order, so their ids come from the metadata file Pagefind has loaded already); the
 * facet worker fetches it once, asks Pagefind only which pages match the words (no filter
 * loaded, so Pagefind counts nothing) and counts those pages' values itself, a few
 * milliseconds. The values are the ones the pages carry as `data-pagefind-filter` (the same
 * search records), so the counts are Pagefind's: a value within a facet matches any, every
 * facet must match.
 */
import type { PagefindFilters } from './engine.ts';
import { languageIndexHash } from './bundle.ts';
import { SIGNATURE, readPageIds } from './pagefind-meta.ts';
import type { FacetCounts, FacetIndex } from './facet-index.ts';
import { keptPromises } from './response-cache.ts';

export interface FacetTable {
  /** Page ids (Pagefind's, as search results carry them) in page-number order; row i of every facet is page i. */
  pages: string[];
  /** Per filter key: its values, and per page the indexes of the values it has. */
  facets: Record<string, { values: string[]; rows: number[][] }>;
}

/**
 * The table as written: the number of pages instead of their ids (the metadata file has them, in
 * the same order), and a row of exactly one value as that number (nearly every row).
 */
interface FacetTableFile {
  version: 1;
  pages: number;
  facets: Record<string, { values: string[]; rows: (number | number[])[] }>;
}

/** The table as JSON for the file. */
export function facetTableJson(table: FacetTable): string {
  const facets: FacetTableFile['facets'] = {};
  for (const [key, f] of Object.entries(table.facets)) facets[key] = { values: f.values, rows: f.rows.map((r) => (r.length === 1 ? r[0] : r)) };
  return JSON.stringify({ version: 1, pages: table.pages.length, facets } satisfies FacetTableFile);
}

/** An indexed page and its filter values. */
export interface FilteredPage {
  id: string;
  filters: Record<string, readonly string[]> | undefined;
}

/** The table of a language index's pages (in page-number order), values of each key in order of appearance. */
export function buildFacetTable(pages: readonly FilteredPage[]): FacetTable {
  const facets: FacetTable['facets'] = {};
  const indexes = new Map<string, Map<string, number>>();
  const keys = [...new Set(pages.flatMap((p) => Object.keys(p.filters ?? {})))].sort();
  for (const key of keys) {
    facets[key] = { values: [], rows: [] };
    indexes.set(key, new Map());
  }
  for (const page of pages) {
    for (const key of keys) {
      const facet = facets[key];
      const index = indexes.get(key)!;
      const row: number[] = [];
      for (const value of new Set(page.filters?.[key] ?? [])) {
        let i = index.get(value);
        if (i === undefined) index.set(value, (i = facet.values.push(value) - 1));
        row.push(i);
      }
      facet.rows.push(row);
    }
  }
  return { pages: pages.map((p) => p.id), facets };
}

/** The file name of the facet table of a language index. */
export function facetTableFile(languageHash: string): string {
  return `facets.${languageHash}.json`;
}

/**
 * A table from the file's JSON and the page ids of the metadata file it was written with, checked
 * (undefined when it is not one, or not for as many pages).
 */
export function parseFacetTable(value: unknown, pageIds: readonly string[]): FacetTable | undefined {
  const v = value as Partial<FacetTableFile> | null;
  if (!v || v.version !== 1 || v.pages !== pageIds.length || typeof v.facets !== 'object' || !v.facets) return undefined;
  const n = pageIds.length;
  const facets: FacetTable['facets'] = {};
  for (const [key, facet] of Object.entries(v.facets)) {
    if (!Array.isArray(facet?.values) || !Array.isArray(facet.rows) || facet.rows.length !== n) return undefined;
    const rows = facet.rows.map((row) => (Array.isArray(row) ? row : [row]));
    if (!rows.every((row) => row.every((i) => Number.isInteger(i) && i >= 0 && i < facet.values.length))) return undefined;
    facets[key] = { values: facet.values, rows };
  }
  return { pages: [...pageIds], facets };
}

/** The bytes of a Pagefind file as fetched: gzip (ungzipped here), or already ungzipped by the host. */
async function ungzipped(response: Response): Promise<Uint8Array> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) === SIGNATURE) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Fetch the facet table of a Pagefind bundle (`base` ends in `/`) for the language index Pagefind
 * picks for `lang`, with the page ids from that index's metadata file.
 */
export async function loadFacetTable(base: string, lang: string, fetcher: typeof fetch = fetch): Promise<FacetTable> {
  const hash = await languageIndexHash(base, lang, fetcher);
  if (!hash) throw new Error(`검색 색인이 없습니다 (${base})`);
  const file = facetTableFile(hash);
  const [response, meta] = await Promise.all([fetcher(`${base}${file}`), fetcher(`${base}pagefind.${hash}.pf_meta`)]);
  if (!meta.ok) throw new Error(`검색 색인 메타데이터를 불러오지 못했습니다 (pagefind.${hash}.pf_meta)`);
  const table = response.ok ? parseFacetTable(await response.json(), readPageIds(await ungzipped(meta))) : undefined;
  if (!table) throw new Error(`필터 표를 불러오지 못했습니다 (${file})`);
  return table;
}

/** Words searched recently: a facet ticked or unticked counts the same pages again. */
const KEPT_SEARCHES = 4;

/**
 * A FacetIndex counting from `table`: `search(term)` gives the ids of the pages matching the
 * words (unfiltered); filters are applied here, as Pagefind applies them.
 */
export function tableFacetIndex(table: FacetTable, search: (term: string) => Promise<string[]>): FacetIndex {
  const rowOf = new Map(table.pages.map((id, i) => [id, i]));
  const every = table.pages.map((_, i) => i);
  const kept = keptPromises<number[]>(KEPT_SEARCHES);
  const rows = (term: string | null): Promise<number[]> =>
    term === null ? Promise.resolve(every) : kept(term, async () => (await search(term)).flatMap((id) => rowOf.get(id) ?? []));
  /** Per filter, the value indexes any of which a page must have (a key or value the table lacks matches no page). */
  const wanted = (filters: PagefindFilters) =>
    Object.entries(filters)
      .filter(([, f]) => f.any.length > 0)
      .map(([key, f]) => {
        const facet = table.facets[key];
        return { rows: facet?.rows, any: new Set(f.any.map((v) => facet?.values.indexOf(v) ?? -1).filter((i) => i >= 0)) };
      });
  const passing = async (term: string | null, filters: PagefindFilters): Promise<number[]> => {
    const need = wanted(filters);
    const found = await rows(term);
    if (need.length === 0) return found;
    return found.filter((r) => need.every((n) => n.rows !== undefined && n.rows[r].some((i) => n.any.has(i))));
  };
  return {
    async counts(term, filters) {
      const found = await passing(term, filters);
      const counts: FacetCounts = {};
      for (const [key, facet] of Object.entries(table.facets)) {
        const n = new Array<number>(facet.values.length).fill(0);
        for (const r of found) for (const i of facet.rows[r]) n[i]++;
        counts[key] = Object.fromEntries(facet.values.map((v, i) => [v, n[i]]));
      }
      return counts;
    },
    ids: async (term, filters) => (await passing(term, filters)).map((r) => table.pages[r]),
    loadFilters: async () => undefined,
  };
}
