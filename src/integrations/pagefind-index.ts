/**
 * Build the Pagefind index of a built site. Each page is read and turned into a small search
 * document in memory (its main content with word boundaries, facets and Korean tokens, under its
 * real title), written to a temporary folder. A large site is indexed in shards of `shardPages`
 * pages, each read and written by a Pagefind process of its own (`pagefind-cli.ts`), up to
 * `processes` at once while the next shard is prepared, and the shard indexes are then merged into
 * one (pagefind-merge.ts): Pagefind holds every page's words in memory and copies them while
 * writing, so one process for 10,000 programs peaked at 4.3 GB. Once the index is written, the
 * prefix chunk map and the date sorts are written beside it. The HTML files visitors get are left
 * as Astro wrote them.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { today as buildToday } from '../lib/dates.ts';
import { validateContent } from '../lib/validation/validate-content.ts';
import { FILTER, META, contentType } from '../lib/search/facets.ts';
import { hasSearchBody, ignoreBuildTimeStatus, indexedText, searchDataMarkup, searchDocument, separateBlocks } from '../lib/search/html.ts';
import { builtPageUrl, classifyPage, entryUrl } from '../lib/search/pages.ts';
import type { SearchRecord } from '../lib/search/record.ts';
import { SEARCH_RECORDS_ENV, awaitSearchRecords, searchRecords } from '../lib/search/records.ts';
import { koreanTokenFields } from '../lib/search/tokens.ts';
import type { SortName } from '../lib/search/sort-order.ts';
import { cleanedOnExit } from './exit-cleanup.ts';
import { runPagefind } from './pagefind-cli.ts';
import { mergeShardIndexes } from './pagefind-merge.ts';
import { writePrefixChunkMaps, type PrefixChunkFiles } from './pagefind-prefix-chunks.ts';
import { writeSortTables } from './pagefind-sort-tables.ts';
import { writeFacetTables } from './pagefind-facet-tables.ts';
import { languagePages } from './pagefind-bundle.ts';

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
  /** Pages per Pagefind process (default: SEARCH_SHARD_PAGES, else 1,000); more pages are indexed in shards and merged. */
  shardPages?: number;
  /** Pagefind processes indexing shards at once (default: SEARCH_SHARD_PROCESSES, else up to 2). */
  processes?: number;
  /** Folder for the search documents' temporary folder (default: scratchParent()). */
  scratch?: string;
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
  /** Pages in the facet tables (src/lib/search/facet-table.ts). */
  faceted: number;
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
/**
 * Pages per Pagefind process. Measured at 10,000 programs (11.5 KB search documents): 1,000
 * pages peak at 0.44 GB in Pagefind's process, 1,370 at 0.6–0.68 GB, all 10,929 pages in one
 * process at 4.3 GB. Two shards are indexed at once beside Astro's ~1.6 GB: with 1,500-page
 * shards the build's processes together reached 2.8–3.1 GB, with 1,000-page ones 2.6 GB, in the
 * same time.
 */
export const SHARD_PAGES = 1000;

/** A whole number ≥ 1 from the environment variable `name`, or `fallback` when it is not set. */
function countFromEnv(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}="${raw}": 1 이상의 정수여야 합니다`);
  return n;
}

/** Pages per Pagefind process: SEARCH_SHARD_PAGES if set (a whole number ≥ 1), else SHARD_PAGES. */
export function shardPagesFromEnv(env: Record<string, string | undefined> = process.env): number {
  return countFromEnv(env, 'SEARCH_SHARD_PAGES', SHARD_PAGES);
}

/**
 * Pagefind processes at once: SEARCH_SHARD_PROCESSES if set, else two where the machine has two
 * cores or more (one process uses ~1.3 cores while it writes, and this process prepares the next
 * shard meanwhile; two of 1,000-page shards at ~0.45 GB each keep a 10,000-program build at ~2.6 GB).
 */
export function shardProcessesFromEnv(env: Record<string, string | undefined> = process.env, cores = availableParallelism()): number {
  return countFromEnv(env, 'SEARCH_SHARD_PROCESSES', Math.max(1, Math.min(2, cores)));
}

/**
 * Where the search documents go: a RAM-backed folder (/dev/shm) where the system has one, else the
 * system's temporary folder. Each search document is written once, read once by Pagefind and
 * deleted, a folder per page; on the build machines a disk folder took 1.9 s per 1,500 pages for
 * that (creating folders dominates), /dev/shm 0.03 s. At most `processes` + 1 shards (~12 MB each
 * at 1,000 pages) are there at once.
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

/**
 * Search-document folders of indexes not yet settled. They are removed if the process exits first
 * (a build that fails in another hook while Pagefind runs): in /dev/shm they would hold memory.
 */
const documentFolders = cleanedOnExit<string>((dir) => rmSync(dir, { recursive: true, force: true }));

function newDocumentFolder(parent: string): string {
  const dir = mkdtempSync(join(parent, 'search-documents-'));
  documentFolders.add(dir);
  return dir;
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
export function preparePage(built: string, record: SearchRecord | undefined, korean: boolean): { html: string; tokenChars: number; filters: Record<string, string[]> } {
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
  return { html: doc.wrap(separateBlocks(body), markup), tokenChars, filters: data.filters };
}

/** A shard being filled: its search documents, in a folder Pagefind reads as a site. */
interface OpenShard {
  dir: string;
  pages: number;
}

/** How a shard's Pagefind run ended. */
type ShardRun = { ok: true; dir: string } | { ok: false; error: unknown };

/**
 * A Pagefind index being filled, page by page: each page becomes a search document in the
 * current shard's folder, and each full shard is handed to a Pagefind process of its own
 * (`pagefind-cli.ts`), which reads it, writes the shard's index and exits while the next shard
 * is prepared; up to `processes` shards are indexed at once. One shard is written straight to
 * the output folder; several are merged into it (pagefind-merge.ts).
 */
export class SearchIndexer {
  readonly outputPath: string;
  private readonly started: number;
  private readonly byType: Record<string, number> = {};
  private readonly seen = new Set<string>();
  /** Sort values of the indexed pages, by the URL Pagefind gives them. */
  private readonly sortValues = new Map<string, Record<string, string>>();
  /** Filter values of the indexed pages, by the URL Pagefind gives them (the facet table). */
  private readonly filterValues = new Map<string, Record<string, string[]>>();
  private tokenChars = 0;
  private pages = 0;
  private shard: OpenShard | undefined;
  /** Each handed shard's run, in shard order. */
  private readonly runs: Promise<ShardRun>[] = [];
  /** Runs not yet ended. */
  private readonly active = new Set<Promise<ShardRun>>();
  /** Folders of the shard indexes, once every run has ended. */
  private shardDirs: string[] = [];
  /** The first shard run that failed. */
  private failure: Error | undefined;

  private readonly opts: SearchIndexOptions;
  private readonly records: Map<string, SearchRecord>;
  private readonly work: string;
  private readonly shardPages: number;
  private readonly processes: number;

  private constructor(started: number, opts: SearchIndexOptions, records: Map<string, SearchRecord>, work: string) {
    this.started = started;
    this.opts = opts;
    this.records = records;
    this.work = work;
    this.outputPath = opts.outputPath ?? searchIndexDir(opts.siteDir);
    this.shardPages = opts.shardPages ?? shardPagesFromEnv();
    this.processes = opts.processes ?? shardProcessesFromEnv();
  }

  /** Start an index (call finish() when every page is added, then write()). */
  static async open(opts: SearchIndexOptions): Promise<SearchIndexer> {
    const started = performance.now();
    const records = await loadRecords(opts.contentDir, opts.publicDir ?? 'public', opts.today ?? buildToday());
    return new SearchIndexer(started, opts, records, newDocumentFolder(opts.scratch ?? scratchParent()));
  }

  /**
   * Add one built page (`rel`: its path in the site folder, e.g. `programs/x/index.html`).
   * Pages search leaves out are ignored. Resolves once the page's shard may grow again.
   */
  async add(rel: string, html: string): Promise<void> {
    const kind = classifyPage(rel, (c, slug) => this.records.has(`${c}/${slug}`));
    if (kind.kind === 'skip' || !hasSearchBody(html)) return;
    const record = kind.kind === 'entry' ? this.records.get(`${kind.collection}/${kind.slug}`) : undefined;
    if (kind.kind === 'entry') this.seen.add(`${kind.collection}/${kind.slug}`);
    const prepared = preparePage(html, record, this.opts.korean);
    // Keyed by the URL Pagefind gives the page, which is how the tables find it after the merge.
    const url = record ? entryUrl(record.collection, record.slug) : builtPageUrl(rel);
    if (record && Object.keys(record.sort).length > 0) this.sortValues.set(url, record.sort);
    this.filterValues.set(url, prepared.filters);
    this.tokenChars += prepared.tokenChars;
    const type = record ? contentType(record.collection) : contentType('guides');
    this.byType[type] = (this.byType[type] ?? 0) + 1;
    this.pages++;
    this.shard ??= { dir: join(this.work, `shard-${this.runs.length}`), pages: 0 };
    const file = join(this.shard.dir, 'site', rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, prepared.html);
    if (++this.shard.pages >= this.shardPages) await this.hand(false);
  }

  /**
   * Hand the current shard to a Pagefind process of its own, once fewer than `processes` run (so at
   * most that many shards plus the one being filled are on disk). The only shard of a site is
   * written straight to the output folder; the others to `.shards/<n>` in it, for the merge.
   */
  private async hand(last: boolean): Promise<void> {
    const shard = this.shard;
    this.shard = undefined;
    if (!shard) return;
    while (this.active.size >= this.processes) await Promise.race(this.active);
    // A shard that failed stops the build at the next one (finish() reports every failure).
    if (this.failure) throw this.failure;
    const n = this.runs.length;
    const outputPath = last && n === 0 ? this.outputPath : join(this.outputPath, '.shards', String(n));
    const run: Promise<ShardRun> = runPagefind({ site: join(shard.dir, 'site'), outputPath, cwd: shard.dir })
      .then(
        (): ShardRun => ({ ok: true, dir: outputPath }),
        (error: unknown): ShardRun => {
          this.failure ??= error instanceof Error ? error : new Error(String(error));
          return { ok: false, error };
        },
      )
      .finally(() => {
        rmSync(shard.dir, { recursive: true, force: true });
        this.active.delete(run);
      });
    this.active.add(run);
    this.runs.push(run);
  }

  /** Every run ended, then the documents folder removed (and the shard indexes, if a run failed); the runs' outcomes. */
  private async settle(abandoned = false): Promise<ShardRun[]> {
    const ended = await Promise.all(this.runs);
    rmSync(this.work, { recursive: true, force: true });
    documentFolders.delete(this.work);
    if (abandoned || ended.some((r) => !r.ok)) rmSync(join(this.outputPath, '.shards'), { recursive: true, force: true });
    return ended;
  }

  /** Hand over the last shard and wait until every Pagefind process has written its index. */
  async finish(): Promise<void> {
    try {
      await this.hand(true);
    } finally {
      const ended = await this.settle();
      const errors = ended.flatMap((r) => (r.ok ? [] : [r.error instanceof Error ? r.error.message : String(r.error)]));
      if (errors.length > 0) throw new Error(`Pagefind가 색인하지 못했습니다:\n${[...new Set(errors)].join('\n')}`);
      this.shardDirs = ended.flatMap((r) => (r.ok ? [r.dir] : []));
    }
  }

  /** Stop after a failure: drop the shard being filled, let running processes end, remove the documents. */
  async abandon(): Promise<void> {
    this.shard = undefined;
    await this.settle(true);
  }

  /** Write the index (shards merged; Pagefind's own UI bundles removed) and report. */
  async write(): Promise<SearchIndexReport> {
    if (this.pages === 0) throw new Error('색인할 페이지가 없습니다 (data-pagefind-body 가 있는 페이지가 하나도 없음)');
    if (this.shardDirs.length > 1 || this.shardDirs[0] !== this.outputPath) {
      try {
        await mergeShardIndexes(this.shardDirs, this.outputPath);
      } finally {
        rmSync(join(this.outputPath, '.shards'), { recursive: true, force: true });
      }
    }
    for (const name of readdirSync(this.outputPath)) if (UNUSED_BUNDLES.test(name)) rmSync(join(this.outputPath, name));
    const chunks = writePrefixChunkMaps(this.outputPath);
    const languages = languagePages(this.outputPath);
    const sorted = writeSortTables(this.outputPath, this.sortValues, languages);
    const faceted = writeFacetTables(this.outputPath, this.filterValues, languages);
    return {
      pages: this.pages, byType: this.byType, tokenChars: this.tokenChars, outputPath: this.outputPath, chunks, sorted, faceted,
      shards: this.shardDirs.length,
      missing: [...this.records.keys()].filter((k) => !this.seen.has(k)),
      indexBytes: indexSize(this.outputPath),
      ms: Math.round(performance.now() - this.started),
    };
  }
}

/** Add every indexable page of a built site to a new index (read from the site folder). */
export async function addSitePages(opts: SearchIndexOptions): Promise<SearchIndexer> {
  const indexer = await SearchIndexer.open(opts);
  try {
    for (const rel of htmlFiles(opts.siteDir)) await indexer.add(rel, readFileSync(join(opts.siteDir, rel), 'utf8'));
  } catch (error) {
    await indexer.abandon();
    throw error;
  }
  await indexer.finish();
  return indexer;
}

/** Index a built site. Throws with the cause when Pagefind reports an error. */
export async function buildSearchIndex(opts: SearchIndexOptions): Promise<SearchIndexReport> {
  return (await addSitePages(opts)).write();
}
