/**
 * After Pagefind has written its index: the sort orders of every language index
 * (src/lib/search/sort-order.ts), written as `sort-<order>.<language hash>.json` beside
 * Pagefind's own files. Pagefind names each page by its fragment, so the page ids are read
 * from the metadata and matched to the indexed pages through their fragments' URLs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SORT } from '../lib/search/facets.ts';
import { SORT_DIRECTIONS, buildSortTable, parseSortTable, sortTableFile, type SortName, type SortTable } from '../lib/search/sort-order.ts';
import { languagePages, readEntry, type LanguagePages } from './pagefind-bundle.ts';

const SORT_NAMES = Object.keys(SORT_DIRECTIONS) as SortName[];

/**
 * Write the sorts for the bundle in `outputPath` from each indexed page's sort values (by
 * URL, as Pagefind gives it). Returns how many pages each sort orders.
 */
export function writeSortTables(
  outputPath: string,
  values: ReadonlyMap<string, Record<string, string>>,
  languages: readonly LanguagePages[] = languagePages(outputPath),
): Record<SortName, number> {
  const counts = Object.fromEntries(SORT_NAMES.map((name) => [name, 0])) as Record<SortName, number>;
  for (const { hash, pages } of languages) {
    for (const name of SORT_NAMES) {
      const table = buildSortTable(SORT[name], pages.map((p) => ({ ...p, value: values.get(p.url)?.[SORT[name]] })));
      writeFileSync(join(outputPath, sortTableFile(name, hash)), JSON.stringify(table));
      counts[name] += table.pages.length;
    }
  }
  return counts;
}

/** A sort of the bundle's (first) language index, as written (tests read it from disk). */
export function readSortTable(outputPath: string, name: SortName): SortTable {
  const [language] = Object.values(readEntry(outputPath).languages);
  const table = language && parseSortTable(JSON.parse(readFileSync(join(outputPath, sortTableFile(name, language.hash)), 'utf8')));
  if (!table) throw new Error(`${outputPath}: 정렬 파일(${name})이 없습니다`);
  return table;
}
