/**
 * Build the Pagefind index of a built site through Pagefind's Node API. Each page
 * is read, prepared in memory (word boundaries, facets, sort keys, Korean tokens)
 * and handed to Pagefind; the HTML files visitors get are left as Astro wrote them.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import type { Company } from '../schemas/companies.ts';
import { today as buildToday } from '../lib/dates.ts';
import { validateContent } from '../lib/validation/validate-content.ts';
import { FILTER, META, SEARCHED_COLLECTIONS, contentType, type SearchedCollection } from '../lib/search/facets.ts';
import { hasSearchBody, ignoreBuildTimeStatus, indexedText, injectIntoBody, searchDataMarkup, separateBlocks } from '../lib/search/html.ts';
import { classifyPage } from '../lib/search/pages.ts';
import { searchRecord, type SearchRecord } from '../lib/search/record.ts';
import { koreanTokenFields } from '../lib/search/tokens.ts';

export interface SearchIndexOptions {
  /** The built site (Astro's output folder). */
  siteDir: string;
  /** Content folder the site was built from (CONTENT_ROOT). */
  contentDir: string;
  /** Folder uploads are checked in (default `public`). */
  publicDir?: string;
  /** Add the Korean token layer (false: a plain Pagefind index, for comparison). */
  korean: boolean;
  /** Where the index goes (default `<siteDir>/pagefind`). */
  outputPath?: string;
  /** 진행단계 of the facets is as of this day (default: the build's today, SITE_NOW honoured). */
  today?: string;
}

export interface SearchIndexReport {
  pages: number;
  /** Indexed pages per 콘텐츠 유형. */
  byType: Record<string, number>;
  /** Entries of searched collections with no built page (a route changed?). */
  missing: string[];
  /** Bytes of the index proper (index, fragment, filter and meta files). */
  indexBytes: number;
  /** Characters of Korean tokens added (0 for a plain index). */
  tokenChars: number;
  ms: number;
  outputPath: string;
}

/** Pagefind's own UI bundles: the site has its own search page, so they are not shipped. */
const UNUSED_BUNDLES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;
/** Pages handed to Pagefind and not yet acknowledged, at most. */
const IN_FLIGHT = 64;

function htmlFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' && dir === root ? [] : htmlFiles(full, root);
    return name.endsWith('.html') ? [relative(root, full)] : [];
  });
}

/** Total bytes of the files that make up a Pagefind index (not the JS/WASM runtime). */
export function indexSize(outputPath: string): number {
  let total = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.pf_(?:index|fragment|filter|meta)$/.test(name)) total += statSync(full).size;
    }
  };
  walk(outputPath);
  return total;
}

function loadRecords(contentDir: string, publicDir: string, today: string): Map<string, SearchRecord> {
  const { entries } = validateContent({ contentDir, publicDir });
  const companies = new Map<string, Company>();
  for (const e of entries) if (e.collection === 'companies') companies.set(e.slug, e.data as unknown as Company);
  const searched = new Set<string>(SEARCHED_COLLECTIONS);
  const records = new Map<string, SearchRecord>();
  for (const e of entries) {
    if (!searched.has(e.collection)) continue;
    const collection = e.collection as SearchedCollection;
    records.set(`${collection}/${e.slug}`, searchRecord(collection, e.slug, e.data, { companies, today }));
  }
  return records;
}

/** The HTML Pagefind reads for one page. */
export function preparePage(built: string, record: SearchRecord | undefined, korean: boolean): { html: string; tokenChars: number } {
  const html = ignoreBuildTimeStatus(built);
  const data = record ?? { filters: { [FILTER.type]: [contentType('guides')] }, sort: {}, meta: {}, title: '', names: [] };
  const meta = { ...data.meta };
  let tokenChars = 0;
  if (korean) {
    const title = record?.title ?? /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    const fields = koreanTokenFields({ text: indexedText(html), title, names: data.names });
    meta[META.koreanBody] = fields.body;
    meta[META.koreanTitle] = fields.title;
    tokenChars = fields.body.length + fields.title.length;
  }
  const markup = searchDataMarkup({ filters: data.filters, sort: data.sort, meta });
  return { html: injectIntoBody(separateBlocks(html), markup), tokenChars };
}

/** Index a built site. Throws with the cause when Pagefind reports an error. */
export async function buildSearchIndex(opts: SearchIndexOptions): Promise<SearchIndexReport> {
  const started = performance.now();
  const outputPath = opts.outputPath ?? join(opts.siteDir, 'pagefind');
  const records = loadRecords(opts.contentDir, opts.publicDir ?? 'public', opts.today ?? buildToday());
  const byType: Record<string, number> = {};
  const seen = new Set<string>();
  let tokenChars = 0;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ko' });
  if (!index) throw new Error(`Pagefind 색인을 만들 수 없습니다: ${errors.join('; ')}`);
  const files = htmlFiles(opts.siteDir);
  // Pagefind indexes in its own process: keep a window of pages in flight, so this process
  // prepares the next pages (Korean tokens, markup) on the other core while Pagefind indexes
  // the previous ones, and no page's prepared HTML is held after Pagefind has taken it.
  const inFlight: Promise<void>[] = [];
  const failed: string[] = [];
  let pages = 0;
  for (const rel of files) {
    const kind = classifyPage(rel, (c, slug) => records.has(`${c}/${slug}`));
    if (kind.kind === 'skip') continue;
    const html = readFileSync(join(opts.siteDir, rel), 'utf8');
    if (!hasSearchBody(html)) continue;
    const record = kind.kind === 'entry' ? records.get(`${kind.collection}/${kind.slug}`) : undefined;
    if (kind.kind === 'entry') seen.add(`${kind.collection}/${kind.slug}`);
    const prepared = preparePage(html, record, opts.korean);
    tokenChars += prepared.tokenChars;
    const type = record ? contentType(record.collection) : contentType('guides');
    byType[type] = (byType[type] ?? 0) + 1;
    pages++;
    inFlight.push(index.addHTMLFile({ sourcePath: rel, content: prepared.html }).then(
      (r) => { for (const e of r.errors) failed.push(`${rel}: ${e}`); },
      (e: unknown) => { failed.push(`${rel}: ${e instanceof Error ? e.message : String(e)}`); },
    ));
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  if (failed.length > 0) throw new Error(`Pagefind가 페이지를 색인하지 못했습니다:\n${failed.join('\n')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind 색인을 쓰지 못했습니다: ${written.errors.join('; ')}`);
  for (const name of readdirSync(outputPath)) if (UNUSED_BUNDLES.test(name)) rmSync(join(outputPath, name));
  return {
    pages, byType, tokenChars, outputPath,
    missing: [...records.keys()].filter((k) => !seen.has(k)),
    indexBytes: indexSize(outputPath),
    ms: Math.round(performance.now() - started),
  };
}

/** Stop Pagefind's indexing service (it runs as a child process). */
export function closeSearchIndexer(): Promise<unknown> {
  return pagefind.close();
}
