/**
 * After Pagefind has written its index: the facet table of every language index
 * (src/lib/search/facet-table.ts), written as `facets.<language hash>.json` beside Pagefind's own
 * files, from the filter values each indexed page carries (by URL, as Pagefind gives it), its
 * rows in the page-number order of the index's metadata.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFacetTable, facetTableFile, facetTableJson, parseFacetTable, type FacetTable } from '../lib/search/facet-table.ts';
import { readPageIds } from '../lib/search/pagefind-meta.ts';
import { languagePages, readEntry, readMeta, type LanguagePages } from './pagefind-bundle.ts';

/** Write the facet tables of the bundle in `outputPath`; returns how many pages they hold. */
export function writeFacetTables(
  outputPath: string,
  filters: ReadonlyMap<string, Record<string, string[]>>,
  languages: readonly LanguagePages[] = languagePages(outputPath),
): number {
  let pages = 0;
  for (const { hash, pages: indexed } of languages) {
    // Every indexed page has at least its 콘텐츠 유형; one without values was recorded under another URL.
    const unknown = indexed.filter((p) => !filters.has(p.url)).map((p) => p.url);
    if (unknown.length > 0) throw new Error(`필터 표: 필터 값을 모르는 색인 페이지 ${unknown.length}개 (${unknown.slice(0, 3).join(', ')})`);
    const table = buildFacetTable(indexed.map((p) => ({ id: p.id, filters: filters.get(p.url) })));
    writeFileSync(join(outputPath, facetTableFile(hash)), facetTableJson(table));
    pages += table.pages.length;
  }
  return pages;
}

/** The facet table of the bundle's (first) language index, as written (tests read it from disk). */
export function readFacetTable(outputPath: string): FacetTable {
  const [language] = Object.values(readEntry(outputPath).languages);
  const table = language && parseFacetTable(JSON.parse(readFileSync(join(outputPath, facetTableFile(language.hash)), 'utf8')), readPageIds(readMeta(outputPath, language.hash)));
  if (!table) throw new Error(`${outputPath}: 필터 표가 없습니다`);
  return table;
}
