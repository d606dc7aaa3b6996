/**
 * Build the Pagefind index of a built site through Pagefind's Node API. Each page is read
 * and turned into a small search document in memory (its main content with word boundaries,
 * facets and Korean tokens, under its real title); the documents are written to a temporary
 * folder in batches that Pagefind reads itself, in its own process, while this process prepares
 * the next batch. A large site is indexed in shards of `shardPages` pages, one Pagefind process
 * after another (each shard's index written and its process ended before the next starts), and
 * the shard indexes are then merged into one (pagefind-merge.ts): Pagefind holds every page's
 * words in memory and copies them while writing, so one process for 10,000 programs peaked at
 * 4.3 GB. Once the index is written, the prefix chunk map and the date sorts are written beside
 * it. The HTML files visitors get are left as Astro wrote them.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { today as buildToday } from '../lib/dates.ts';
import { validateContent } from '../lib/validation/validate-content.ts';
import { FILTER, META, contentType } from '../lib/search/facets.ts';
import { hasSearchBody, ignoreBuildTimeStatus, indexedText, searchDataMarkup, searchDocument, separateBlocks } from '../lib/search/html.ts';
import { classifyPage, entryUrl } from '../lib/search/pages.ts';
import type { SearchRecord } from '../lib/search/record.ts';
import { SEARCH_RECORDS_ENV, awaitSearchRecords, searchRecords } from '../lib/search/records.ts';
import { koreanTokenFields } from '../lib/search/tokens.ts';
import type { SortName } from '../lib/search/sort-order.ts';
import { mergeShardIndexes } from './pagefind-merge.ts';
import { writePrefixChunkMaps, type PrefixChunkFiles } from './pagefind-prefix-chunks.ts';
import { writeSortTables } from './pagefind-sort-tables.ts';

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
  /** Pages per Pagefind process (default: SEARCH_SHARD_PAGES, else 1,500); more pages are indexed in shards and merged. */
  shardPages?: number;
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
  /** Index chunks, and those the prefix chunk map cannot reach (src/lib/search/prefix-chunks.ts). */
  chunks: PrefixChunkFiles;
  /** Pages in each sort order (src/lib/search/sort-order.ts). */
  sorted: Record<SortName, number>;
  /** Pagefind processes the pages were indexed in (1: no merge). */
  shards: number;
  ms: number;
  outputPath: string;
}

/** Where a built site's search index goes (unless `outputPath` says otherwise). */
export function searchIndexDir(siteDir: string): string {
  return join(siteDir, 'pagefind');
}

/** Pagefind's own UI bundles: the site has its own search page, so they are not shipped. */
const UNUSED_BUNDLES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;
/** Most pages per batch folder handed to Pagefind (one batch is prepared while Pagefind reads the previous one). */
const BATCH_PAGES = 1000;
/**
 * Pages per Pagefind process. Measured at 10,000 programs (11.5 KB search documents): 1,370
 * pages peak at 0.6 GB in Pagefind's process, all 10,929 pages in one process at 4.3 GB.
 */
export const SHARD_PAGES = 1500;

/** Pages per Pagefind process: SEARCH_SHARD_PAGES if set (a whole number ≥ 1), else SHARD_PAGES. */
export function shardPagesFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SEARCH_SHARD_PAGES?.trim();
  if (!raw) return SHARD_PAGES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_SHARD_PAGES="${raw}": 1 이상의 정수여야 합니다`);
  return n;
}

/**
 * Where the batch folders go: a RAM-backed folder (/dev/shm) where the system has one, else the
 * system's temporary folder. Each search document is written once, read once by Pagefind and
 * deleted, a folder per page; on the build machines a disk folder took 1.9 s per 1,500 pages for
 * that (creating folders dominates), /dev/shm 0.03 s. At most two batches (~16 MB) are there at once.
 */
export function scratchParent(candidates: string[] = ['/dev/shm']): string {
  for (const dir of candidates) {
    try {
      if (statSync(dir).isDirectory()) {
        accessSync(dir, constants.W_OK);
        return dir;
      }
    } catch {
      // Not there or not writable: try the next.
    }
  }
  return tmpdir();
}

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

/** The search records: handed over by the build's content check (waited for), or validated here. */
async function loadRecords(contentDir: string, publicDir: string, today: string): Promise<Map<string, SearchRecord>> {
  const handed = await awaitSearchRecords(process.env[SEARCH_RECORDS_ENV]?.trim(), contentDir, today);
  if (handed) return handed;
  return searchRecords(validateContent({ contentDir, publicDir }).entries, today);
}

/** The search document Pagefind reads for one built page. */
export function preparePage(built: string, record: SearchRecord | undefined, korean: boolean): { html: string; tokenChars: number } {
  const doc = searchDocument(built);
  const body = ignoreBuildTimeStatus(doc.body);
  const data = record ?? { filters: { [FILTER.type]: [contentType('guides')] }, sort: {}, meta: {}, title: '', names: [] };
  const meta = { ...data.meta };
  let tokenChars = 0;
  if (korean) {
    const title = record?.title ?? /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    const fields = koreanTokenFields({ text: indexedText(body), title, names: data.names });
    meta[META.koreanBody] = fields.body;
    meta[META.koreanTitle] = fields.title;
    tokenChars = fields.body.length + fields.title.length;
  }
  const markup = searchDataMarkup({ filters: data.filters, meta });
  return { html: doc.wrap(separateBlocks(body), markup), tokenChars };
}

/** A new Pagefind index in Pagefind's service process (started if it is not running). */
async function newPagefindIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ko' });
  if (!index) throw new Error(`Pagefind 색인을 만들 수 없습니다: ${errors.join('; ')}`);
  return index;
}

/**
 * A Pagefind index being filled, page by page: each page becomes a search document in a
 * batch folder, and each full batch is handed to Pagefind, which reads it in its own
 * process while the next batch is prepared. When a shard is full, its index is written to
 * a folder of its own and its Pagefind process ended before the next shard starts.
 */
export class SearchIndexer {
  readonly outputPath: string;
  private readonly started: number;
  private readonly byType: Record<string, number> = {};
  private readonly seen = new Set<string>();
  private readonly failed: string[] = [];
  /** Sort values of the indexed pages, by the URL Pagefind gives them. */
  private readonly sortValues = new Map<string, Record<string, string>>();
  private tokenChars = 0;
  private pages = 0;
  private reading: Promise<void> = Promise.resolve();
  private batch: string | undefined;
  private inBatch = 0;
  /** Pages handed to the current shard's Pagefind index. */
  private inShard = 0;
  /** Folders of the shards already written. */
  private readonly shardDirs: string[] = [];

  private readonly opts: SearchIndexOptions;
  private readonly records: Map<string, SearchRecord>;
  private index: pagefind.PagefindIndex;
  private readonly work: string;
  private readonly shardPages: number;
  private readonly batchPages: number;

  private constructor(started: number, opts: SearchIndexOptions, records: Map<string, SearchRecord>, index: pagefind.PagefindIndex, work: string) {
    this.started = started;
    this.opts = opts;
    this.records = records;
    this.index = index;
    this.work = work;
    this.outputPath = opts.outputPath ?? searchIndexDir(opts.siteDir);
    this.shardPages = opts.shardPages ?? shardPagesFromEnv();
    // Whole batches fill a shard: two per shard, so one is prepared while Pagefind reads the other.
    this.batchPages = Math.max(1, Math.min(BATCH_PAGES, Math.floor(this.shardPages / 2)));
  }

  /** Start an index (this starts Pagefind's service: call closeSearchIndexer() when done). */
  static async open(opts: SearchIndexOptions): Promise<SearchIndexer> {
    const started = performance.now();
    const records = await loadRecords(opts.contentDir, opts.publicDir ?? 'public', opts.today ?? buildToday());
    const index = await newPagefindIndex();
    return new SearchIndexer(started, opts, records, index, mkdtempSync(join(scratchParent(), 'search-documents-')));
  }

  /**
   * Add one built page (`rel`: its path in the site folder, e.g. `programs/x/index.html`).
   * Pages search leaves out are ignored. Resolves once the page's batch may grow again.
   */
  async add(rel: string, html: string): Promise<void> {
    const kind = classifyPage(rel, (c, slug) => this.records.has(`${c}/${slug}`));
    if (kind.kind === 'skip' || !hasSearchBody(html)) return;
    const record = kind.kind === 'entry' ? this.records.get(`${kind.collection}/${kind.slug}`) : undefined;
    if (kind.kind === 'entry') this.seen.add(`${kind.collection}/${kind.slug}`);
    const prepared = preparePage(html, record, this.opts.korean);
    if (record && Object.keys(record.sort).length > 0) this.sortValues.set(entryUrl(record.collection, record.slug), record.sort);
    this.tokenChars += prepared.tokenChars;
    const type = record ? contentType(record.collection) : contentType('guides');
    this.byType[type] = (this.byType[type] ?? 0) + 1;
    this.pages++;
    this.batch ??= join(this.work, `batch-${this.pages}`);
    const file = join(this.batch, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, prepared.html);
    if (++this.inBatch >= this.batchPages) {
      // Pagefind reads one batch while the next is prepared: at most two batches on disk.
      await this.reading;
      this.hand();
    }
  }

  private hand(): void {
    const [dir, pages] = [this.batch, this.inBatch];
    [this.batch, this.inBatch] = [undefined, 0];
    if (!dir) return;
    const nextShard = this.inShard > 0 && this.inShard + pages > this.shardPages;
    this.inShard = (nextShard ? 0 : this.inShard) + pages;
    this.reading = this.reading.then(async () => {
      if (nextShard) await this.startShard();
      const r = await this.index.addDirectory({ path: dir });
      this.failed.push(...r.errors.map((e) => `${relative(this.work, dir)}: ${e}`));
      rmSync(dir, { recursive: true, force: true });
    });
  }

  /** Write the current shard's index to a folder of its own, end its Pagefind process, start the next. */
  private async startShard(): Promise<void> {
    await this.writeShard();
    this.index = await newPagefindIndex();
  }

  private async writeShard(): Promise<void> {
    const dir = join(this.outputPath, '.shards', String(this.shardDirs.length));
    const written = await this.index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(`Pagefind 색인 조각 ${this.shardDirs.length + 1}을 쓰지 못했습니다: ${written.errors.join('; ')}`);
    this.shardDirs.push(dir);
    // Ending the process is what gives its memory back.
    await closeSearchIndexer();
  }

  /** Hand over the last batch and wait until Pagefind has read every page. */
  async finish(): Promise<void> {
    this.hand();
    try {
      await this.reading;
    } finally {
      rmSync(this.work, { recursive: true, force: true });
    }
    if (this.failed.length > 0) throw new Error(`Pagefind가 페이지를 색인하지 못했습니다:\n${this.failed.join('\n')}`);
  }

  /** Write the index (shards merged; Pagefind's own UI bundles removed) and report. */
  async write(): Promise<SearchIndexReport> {
    if (this.shardDirs.length === 0) {
      const written = await this.index.writeFiles({ outputPath: this.outputPath });
      if (written.errors.length > 0) throw new Error(`Pagefind 색인을 쓰지 못했습니다: ${written.errors.join('; ')}`);
    } else {
      await this.writeShard();
      try {
        mergeShardIndexes(this.shardDirs, this.outputPath);
      } finally {
        rmSync(join(this.outputPath, '.shards'), { recursive: true, force: true });
      }
    }
    for (const name of readdirSync(this.outputPath)) if (UNUSED_BUNDLES.test(name)) rmSync(join(this.outputPath, name));
    const chunks = writePrefixChunkMaps(this.outputPath);
    const sorted = writeSortTables(this.outputPath, this.sortValues);
    return {
      pages: this.pages, byType: this.byType, tokenChars: this.tokenChars, outputPath: this.outputPath, chunks, sorted,
      shards: Math.max(1, this.shardDirs.length),
      missing: [...this.records.keys()].filter((k) => !this.seen.has(k)),
      indexBytes: indexSize(this.outputPath),
      ms: Math.round(performance.now() - this.started),
    };
  }
}

/** Add every indexable page of a built site to a new index (read from the site folder). */
export async function addSitePages(opts: SearchIndexOptions): Promise<SearchIndexer> {
  const indexer = await SearchIndexer.open(opts);
  for (const rel of htmlFiles(opts.siteDir)) await indexer.add(rel, readFileSync(join(opts.siteDir, rel), 'utf8'));
  await indexer.finish();
  return indexer;
}

/** Index a built site. Throws with the cause when Pagefind reports an error. */
export async function buildSearchIndex(opts: SearchIndexOptions): Promise<SearchIndexReport> {
  return (await addSitePages(opts)).write();
}

/** Stop Pagefind's indexing service (it runs as a child process). */
export function closeSearchIndexer(): Promise<unknown> {
  return pagefind.close();
}
