/**
 * Merge Pagefind indexes of disjoint sets of pages (shards, each written by its own Pagefind
 * process) into the one index Pagefind would have written for all the pages together.
 *
 * Why: Pagefind keeps every page's words in memory and copies them while it writes, so one
 * process indexing 10,000 programs peaks at over 4 GB; shards of 1,000 pages, each indexed by
 * a process of its own, peak at ~0.45 GB each. The words, locations, weights, filters and fragments
 * are all Pagefind's own; this module only renumbers pages and re-cuts the word list into
 * chunks the way Pagefind does (`chunk_index`/`chunk_meta` in pagefind/src/index/mod.rs),
 * so the browser runs Pagefind's unchanged search over it.
 *
 * Pagefind 1.6's files (gzip of `pagefind_dcd` + CBOR, every struct an array):
 * - `pagefind.<lang>_<hash>.pf_meta`: [version, pages [[fragment id, word count, group]],
 *   chunks [[from, to, file]], filters [[name, file]], sorts [], meta fields [name]]
 * - `index/<file>.pf_index`: [[word, pages, variants [[form, pages]]]], sorted by the word's
 *   bytes; pages [[page number delta, locations, meta locations]] where meta locations switch
 *   field with negative markers (-id - 1) that index the meta field list.
 * - `filter/<file>.pf_filter`: [name, [[value, page numbers]]], values sorted.
 * Anything else (another layout, a Pagefind sort, grouped fragments) fails with a message
 * rather than being guessed at.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip, gzipSync } from 'node:zlib';
import { CborCursor, CborWriter } from '../lib/search/cbor.ts';
import { SIGNATURE, pagefindCursor, readPagefindMeta, type PagefindMeta } from '../lib/search/pagefind-meta.ts';
import { readEntry, readMeta } from './pagefind-bundle.ts';

/** Pagefind's default `index_chunk_size`: locations (plus one per page and variant) per index file. */
export const INDEX_CHUNK_SIZE = 20000;

/** The chunk size Pagefind's processes use: PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (its own setting) if set. */
export function pagefindChunkSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE?.trim();
  const n = raw ? Number(raw) : INDEX_CHUNK_SIZE;
  if (!Number.isInteger(n) || n < 1) throw new Error(`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE="${raw}": 1 이상의 정수여야 합니다`);
  return n;
}
/** Index format versions this module knows. */
const KNOWN_VERSIONS = /^1\.6\./;
const signature = new TextEncoder().encode(SIGNATURE);
const textDecoder = new TextDecoder();

interface ShardMeta extends PagefindMeta {
  dir: string;
  language: string;
}

/** Compare UTF-8 byte strings the way Rust orders `String`s. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  return compareBytes(Buffer.from(a), Buffer.from(b));
}

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

function indexCursor(bytes: Uint8Array, path: string): CborCursor {
  return pagefindCursor(bytes, path, 'Pagefind 색인 파일이');
}

function readIndexFile(path: string): CborCursor {
  return indexCursor(gunzipSync(readFileSync(path)), path);
}

/**
 * Gzip level of the word chunks: level 9 (Pagefind's) took 12 s of CPU for the 548 chunks of
 * 10,000 programs, level 6 1.7 s for 2.5 % more bytes. The metadata and filter files, loaded
 * whole by every search, stay at level 9.
 */
const CHUNK_GZIP_LEVEL = 6;

/** A Pagefind index file's bytes before gzip: the signature, then the CBOR. */
function indexFileBytes(cbor: CborWriter): Buffer {
  return Buffer.concat([signature, cbor.bytes()]);
}

function encodeIndexFile(cbor: CborWriter, level = 9): Buffer {
  return gzipSync(indexFileBytes(cbor), { level });
}

/**
 * Gzip and write a word chunk on libuv's thread pool: the k-way merge (this thread) goes on
 * with the next chunk meanwhile, so on two cores the compression (~1.7 s of CPU at 10,000
 * programs) no longer adds to the merge.
 */
async function writeIndexFileAsync(path: string, cbor: CborWriter, level: number): Promise<void> {
  writeFileSync(path, await gzipAsync(indexFileBytes(cbor), { level }));
}

/** `<lang>_<first hex digits of the content hash>`, lengthened until no file in `taken` has it. */
export function contentName(language: string, bytes: Uint8Array, digits: number, taken: (name: string) => boolean): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  for (let n = digits; n <= hash.length; n++) {
    const name = `${language}_${hash.slice(0, n)}`;
    if (!taken(name)) return name;
  }
  throw new Error(`Pagefind 파일 이름이 겹칩니다: ${language}_${hash}`);
}

function readShardMeta(dir: string): ShardMeta {
  const languages = Object.entries(readEntry(dir).languages);
  if (languages.length !== 1) throw new Error(`${dir}: 언어별 색인이 ${languages.length}개입니다 (하나만 합칠 수 있습니다)`);
  const [language, { hash }] = languages[0];
  const meta = readPagefindMeta(readMeta(dir, hash), join(dir, `pagefind.${hash}.pf_meta`));
  if (!KNOWN_VERSIONS.test(meta.version)) throw new Error(`${dir}: Pagefind ${meta.version}의 색인 형식은 합칠 수 없습니다 (1.6 형식만 압니다)`);
  if (meta.pages.some((p) => p.group !== '')) throw new Error(`${dir}: 묶인 조각(maxFragments)은 합칠 수 없습니다`);
  if (meta.sorts.length > 0) throw new Error(`${dir}: Pagefind 정렬(data-pagefind-sort)이 있는 색인은 합칠 수 없습니다`);
  return { dir, language, ...meta };
}

/** One page of a word's posting list: its page number in the merged index and its encoded locations. */
interface Posting {
  page: number;
  /** The page entry's items after the page number (locations, meta locations), re-encoded when fields moved. */
  rest: Uint8Array[];
  /** Locations + meta locations: Pagefind's measure of chunk size. */
  size: number;
}

interface WordEntry {
  key: Uint8Array;
  pages: Posting[];
  variants: { form: Uint8Array; pages: Posting[] }[];
}

/** The paths of a shard's word chunks, in word order. */
function chunkPaths(shard: ShardMeta): string[] {
  return shard.chunks.map((c) => join(shard.dir, 'index', `${c.hash}.pf_index`));
}

/** A shard's word chunks, read and gunzipped on libuv's thread pool (all shards' at once: 43 MB at 10,000 programs). */
function inflateChunks(shard: ShardMeta): Promise<Buffer[]> {
  return Promise.all(chunkPaths(shard).map((path) =>
    gunzipAsync(readFileSync(path)).catch((error: unknown) => {
      throw new Error(`${path}: Pagefind 색인 파일을 풀 수 없습니다 (${error instanceof Error ? error.message : String(error)})`);
    })));
}

/** Reads one shard's words in order, chunk after chunk, with page numbers and meta fields mapped to the merged index. */
class ShardWords {
  private chunk = 0;
  private cursor: CborCursor | undefined;
  private left = 0;
  current: WordEntry | undefined;

  private readonly shard: ShardMeta;
  /** Gunzipped chunks not yet read (each is dropped once its cursor takes it). */
  private readonly chunks: (Buffer | undefined)[];
  private readonly paths: string[];
  private readonly base: number;
  private readonly fieldMap: number[] | undefined;

  /** `chunks`: the shard's word chunks, gunzipped, in order. */
  constructor(shard: ShardMeta, chunks: Buffer[], base: number, fieldMap: number[] | undefined) {
    this.shard = shard;
    this.chunks = chunks;
    this.paths = chunkPaths(shard);
    this.base = base;
    this.fieldMap = fieldMap;
    this.advance();
  }

  advance(): void {
    while (this.left === 0) {
      if (this.chunk >= this.chunks.length) {
        this.current = undefined;
        return;
      }
      this.cursor = indexCursor(this.chunks[this.chunk]!, this.paths[this.chunk]);
      this.chunks[this.chunk++] = undefined;
      this.cursor.array();
      this.left = this.cursor.array();
    }
    this.left--;
    const c = this.cursor!;
    const n = c.array();
    if (n !== 3) throw new Error(`${this.shard.dir}: 색인 낱말의 형식이 다릅니다 (항목 ${n}개)`);
    const key = c.textBytes();
    const pages = this.postings(c);
    const variants = Array.from({ length: c.array() }, () => {
      if (c.array() !== 2) throw new Error(`${this.shard.dir}: 낱말 변형의 형식이 다릅니다`);
      return { form: c.textBytes(), pages: this.postings(c) };
    });
    this.current = { key, pages, variants };
  }

  private postings(c: CborCursor): Posting[] {
    let page = this.base;
    return Array.from({ length: c.array() }, () => {
      const n = c.array();
      if (n !== 2 && n !== 3) throw new Error(`${this.shard.dir}: 색인 페이지 항목의 형식이 다릅니다 (항목 ${n}개)`);
      page += c.uint();
      const rest: Uint8Array[] = [];
      let size = 0;
      for (let i = 1; i < n; i++) {
        const start = c.at;
        const length = c.array();
        c.at = start;
        size += length;
        rest.push(i === 2 && this.fieldMap ? this.remapMetaLocations(c) : c.skip());
      }
      return { page, rest, size };
    });
  }

  /** Meta locations with the field markers (-id - 1) renumbered to the merged field list. */
  private remapMetaLocations(c: CborCursor): Uint8Array {
    const w = new CborWriter();
    const n = c.array();
    w.array(n);
    for (let i = 0; i < n; i++) {
      const v = c.int();
      w.int(v < 0 ? -this.fieldMap![-v - 1] - 1 : v);
    }
    return w.bytes();
  }
}

function writePostings(w: CborWriter, pages: Posting[]): void {
  w.array(pages.length);
  let last = 0;
  for (const p of pages) {
    w.array(1 + p.rest.length).uint(p.page - last);
    for (const part of p.rest) w.raw(part);
    last = p.page;
  }
}

function entrySize(e: WordEntry): number {
  let size = e.variants.length;
  for (const p of e.pages) size += p.size + 1;
  for (const v of e.variants) for (const p of v.pages) size += p.size + 1;
  return size;
}

/** Pagefind's `get_prefixes`: the shortest distinct prefixes of two neighbouring chunk bounds. */
export function chunkPrefixes(a: string, b: string): [string, string] {
  const ac = Array.from(a);
  const bc = Array.from(b);
  let common = 0;
  while (common < ac.length && common < bc.length && ac[common] === bc[common]) common++;
  return [ac.slice(0, common + 1).join(''), bc.slice(0, common + 1).join('')];
}

/** Pagefind's `chunk_meta`: each chunk's from/to, trimmed against its neighbours. */
export function chunkBounds(chunks: { first: string; last: string }[]): { from: string; to: string }[] {
  const named = chunks.map((c) => ({ from: c.first, to: c.last }));
  for (let i = 0; i + 1 < named.length; i++) {
    const [to, from] = chunkPrefixes(named[i].to, named[i + 1].from);
    if (compareText(to, named[i].from) >= 0) named[i].to = to;
    named[i + 1].from = from;
  }
  return named;
}

/**
 * Move a shard's fragment file into the merged `fragment/` folder under its id; the id is kept
 * unless another shard already wrote a different fragment under it (Pagefind's ids are 7 hex
 * digits of a content hash, so two shards of 10,000 pages collide now and then). Returns the id
 * the page has in the merged index.
 */
export function placeFragment(fragmentDir: string, id: string, from: string, language: string): string {
  const target = (n: string) => join(fragmentDir, `${n}.pf_fragment`);
  let name = id;
  if (existsSync(target(id))) {
    const bytes = readFileSync(from);
    if (bytes.equals(readFileSync(target(id)))) return id;
    name = contentName(language, bytes, 8, (n) => existsSync(target(n)));
  }
  renameSync(from, target(name));
  return name;
}

/** Move every shard's fragments into `out/fragment/`: the merged index's fragment id of each page, in page order. */
function moveFragments(shards: ShardMeta[], out: string): string[] {
  const dir = join(out, 'fragment');
  mkdirSync(dir, { recursive: true });
  return shards.flatMap((shard) =>
    shard.pages.map(({ id }) => placeFragment(dir, id, join(shard.dir, 'fragment', `${id}.pf_fragment`), shard.language)),
  );
}

function mergeFilters(shards: ShardMeta[], bases: number[], out: string, language: string): { name: string; file: string }[] {
  const byName = new Map<string, Map<string, number[]>>();
  shards.forEach((shard, s) => {
    for (const { name, file } of shard.filters) {
      const c = readIndexFile(join(shard.dir, 'filter', `${file}.pf_filter`));
      c.array();
      const filterName = c.text();
      if (filterName !== name) throw new Error(`${shard.dir}: 필터 파일 ${file}의 이름이 ${filterName}입니다 (${name}이어야 함)`);
      const values = byName.get(name) ?? new Map<string, number[]>();
      byName.set(name, values);
      for (let i = c.array(); i > 0; i--) {
        c.array();
        const value = c.text();
        const pages = values.get(value) ?? [];
        values.set(value, pages);
        for (let j = c.array(); j > 0; j--) pages.push(bases[s] + c.uint());
      }
    }
  });
  mkdirSync(join(out, 'filter'), { recursive: true });
  const written: { name: string; file: string }[] = [];
  for (const name of [...byName.keys()].sort(compareText)) {
    const values = [...byName.get(name)!].sort(([a], [b]) => compareText(a, b));
    const w = new CborWriter().array(2).text(name).array(values.length);
    for (const [value, pages] of values) {
      w.array(2).text(value).array(pages.length);
      for (const p of pages) w.uint(p);
    }
    const file = contentName(language, w.bytes(), 7, (n) => written.some((f) => f.file === n));
    writeFileSync(join(out, 'filter', `${file}.pf_filter`), encodeIndexFile(w));
    written.push({ name, file });
  }
  return written;
}

/**
 * Merge the shard indexes in `shardDirs` (each a complete Pagefind output folder, pages in
 * shard order) into `out`. Fragment files are moved, not copied; the shard folders are left
 * for the caller to remove.
 */
export async function mergeShardIndexes(shardDirs: string[], out: string, chunkSize = pagefindChunkSize()): Promise<void> {
  if (shardDirs.length === 0) throw new Error('합칠 Pagefind 색인이 없습니다');
  const shards = shardDirs.map(readShardMeta);
  const { language, version } = shards[0];
  for (const s of shards) {
    if (s.language !== language || s.version !== version) {
      throw new Error(`${s.dir}: 언어·버전이 다른 색인 (${s.language} ${s.version}, 첫 색인은 ${language} ${version})`);
    }
  }
  mkdirSync(out, { recursive: true });

  // The bundle's own files (pagefind.js, the WASM, …) are the same in every shard.
  for (const name of readdirSync(shards[0].dir)) {
    const from = join(shards[0].dir, name);
    if (statSync(from).isFile() && !name.endsWith('.pf_meta') && name !== 'pagefind-entry.json') copyFileSync(from, join(out, name));
  }

  const bases: number[] = [];
  let total = 0;
  for (const s of shards) {
    bases.push(total);
    total += s.pages.length;
  }
  const metaFields = [...new Set(shards.flatMap((s) => s.metaFields))].sort(compareText);
  const fieldMaps = shards.map((s) =>
    s.metaFields.every((f, i) => metaFields[i] === f) ? undefined : s.metaFields.map((f) => metaFields.indexOf(f)),
  );

  // Words: a k-way merge of the shards' sorted word lists, cut into chunks as Pagefind cuts them.
  mkdirSync(join(out, 'index'), { recursive: true });
  const inflated = await Promise.all(shards.map(inflateChunks));
  const streams = shards.map((s, i) => new ShardWords(s, inflated[i], bases[i], fieldMaps[i]));
  const writes: Promise<void>[] = [];
  const chunkFiles: string[] = [];
  const chunkWords: { first: string; last: string }[] = [];
  let pending: WordEntry[] = [];
  let pendingSize = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const w = new CborWriter().array(1).array(pending.length);
    for (const e of pending) {
      w.array(3).textBytes(e.key);
      writePostings(w, e.pages);
      w.array(e.variants.length);
      for (const v of e.variants) {
        w.array(2).textBytes(v.form);
        writePostings(w, v.pages);
      }
    }
    const file = contentName(language, w.bytes(), 7, (n) => chunkFiles.includes(n));
    writes.push(writeIndexFileAsync(join(out, 'index', `${file}.pf_index`), w, CHUNK_GZIP_LEVEL));
    chunkFiles.push(file);
    chunkWords.push({ first: textDecoder.decode(pending[0].key), last: textDecoder.decode(pending[pending.length - 1].key) });
    pending = [];
    pendingSize = 0;
  };
  try {
    for (;;) {
      let key: Uint8Array | undefined;
      for (const s of streams) if (s.current && (!key || compareBytes(s.current.key, key) < 0)) key = s.current.key;
      if (!key) break;
      const merged: WordEntry = { key, pages: [], variants: [] };
      for (const s of streams) {
        const e = s.current;
        if (!e || compareBytes(e.key, key) !== 0) continue;
        for (const p of e.pages) merged.pages.push(p);
        for (const v of e.variants) {
          const same = merged.variants.find((m) => compareBytes(m.form, v.form) === 0);
          if (same) same.pages.push(...v.pages);
          else merged.variants.push({ form: v.form, pages: [...v.pages] });
        }
        s.advance();
      }
      pending.push(merged);
      pendingSize += entrySize(merged);
      if (pendingSize >= chunkSize) flush();
    }
    flush();
  } catch (error) {
    // Chunks already handed to the thread pool finish (or fail) before the error goes up.
    await Promise.allSettled(writes);
    throw error;
  }
  await Promise.all(writes);

  const fragmentIds = moveFragments(shards, out);
  const filters = mergeFilters(shards, bases, out, language);
  const pageCounts = shards.flatMap((s) => s.pages.map((p) => p.wordCount));

  const meta = new CborWriter().array(6).text(version).array(total);
  fragmentIds.forEach((id, i) => meta.array(3).text(id).uint(pageCounts[i]).text(''));
  const bounds = chunkBounds(chunkWords);
  meta.array(bounds.length);
  bounds.forEach((b, i) => meta.array(3).text(b.from).text(b.to).text(chunkFiles[i]));
  meta.array(filters.length);
  for (const f of filters) meta.array(2).text(f.name).text(f.file);
  meta.array(0).array(metaFields.length);
  for (const f of metaFields) meta.text(f);
  const metaName = contentName(language, meta.bytes(), 10, () => false);
  writeFileSync(join(out, `pagefind.${metaName}.pf_meta`), encodeIndexFile(meta));

  const entry = JSON.parse(readFileSync(join(shards[0].dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
  entry.languages[language] = { ...entry.languages[language], hash: metaName, page_count: total };
  writeFileSync(join(out, 'pagefind-entry.json'), JSON.stringify(entry));
}
