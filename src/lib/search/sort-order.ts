/**
 * Sorting search results by 신청 마감일 or 등록일, outside Pagefind.
 *
 * Pagefind keeps each sort as a list of every page in its metadata file, which every search
 * loads first: at 10,000 programs the two sorts were ~45 KB of the first query's bytes. The
 * build writes them instead as files of their own (`sort-<order>.<language hash>.json`: the
 * ids of the pages that have the key, in ascending order), fetched only when a visitor picks
 * that sort, and the engine orders the results of a relevance search by them. As with
 * Pagefind's own sort, pages without the key (a notice has no 신청 마감일) are left out.
 */
import { languageIndexHash } from './bundle.ts';

/** The sorts a visitor can pick besides relevance, with their direction. */
export const SORT_DIRECTIONS = { deadline: 'asc', registered: 'desc' } as const;
export type SortName = keyof typeof SORT_DIRECTIONS;

/** One sort as shipped: page ids (Pagefind's, as search results carry them), ascending by value. */
export interface SortTable {
  version: 1;
  /** The sort key (a label of the schema, e.g. 신청 마감일). */
  key: string;
  pages: string[];
}

/** A page of the index and its value for the key (undefined: the page has none). */
export interface SortedPage {
  id: string;
  url: string;
  value: string | undefined;
}

/** Code-unit order (values are ISO dates; no locale is involved). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The table of one key: pages that have a value, ascending by it, equal values by URL. */
export function buildSortTable(key: string, pages: readonly SortedPage[]): SortTable {
  const sorted = pages
    .filter((p): p is SortedPage & { value: string } => p.value !== undefined && p.value !== '')
    .sort((a, b) => compare(a.value, b.value) || compare(a.url, b.url));
  return { version: 1, key, pages: sorted.map((p) => p.id) };
}

/** The file name of a sort for a language index. */
export function sortTableFile(name: SortName, languageHash: string): string {
  return `sort-${name}.${languageHash}.json`;
}

/** A table from JSON, checked (undefined when it is not one). */
export function parseSortTable(value: unknown): SortTable | undefined {
  const v = value as Partial<SortTable> | null;
  if (!v || v.version !== 1 || typeof v.key !== 'string' || !Array.isArray(v.pages) || !v.pages.every((p) => typeof p === 'string')) return undefined;
  return v as SortTable;
}

/**
 * Each page's place in the sort as the visitor sees it (0 first): ascending or descending as
 * `SORT_DIRECTIONS` says.
 */
export function sortRanks(table: SortTable, name: SortName): Map<string, number> {
  const n = table.pages.length;
  return new Map(table.pages.map((id, i) => [id, SORT_DIRECTIONS[name] === 'asc' ? i : n - 1 - i]));
}

/** Fetch a sort of a Pagefind bundle (`base` ends in `/`) for the language index Pagefind picks for `lang`. */
export async function loadSortTable(base: string, lang: string, name: SortName, fetcher: typeof fetch = fetch): Promise<SortTable> {
  const hash = await languageIndexHash(base, lang, fetcher);
  if (!hash) throw new Error(`검색 색인이 없습니다 (${base})`);
  const response = await fetcher(`${base}${sortTableFile(name, hash)}`);
  const table = response.ok ? parseSortTable(await response.json()) : undefined;
  if (!table) throw new Error(`정렬 파일을 불러오지 못했습니다 (${sortTableFile(name, hash)})`);
  return table;
}
