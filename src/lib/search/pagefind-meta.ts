/**
 * Read Pagefind's files (already gunzipped): the signature `pagefind_dcd`, then CBOR. The
 * metadata file (`pagefind.<lang hash>.pf_meta`) is read in one place for everything the build
 * needs from it: the chunk bounds (prefix chunk map), the page ids (sort orders), the sort keys
 * (checked to be gone) and what the shard merge renumbers.
 */

import { CborCursor } from './cbor.ts';

/** Every Pagefind index file (gunzipped) starts with this, then CBOR. */
export const SIGNATURE = 'pagefind_dcd';

export interface IndexChunk {
  /** First word of the chunk (Pagefind's stored form: lower case, Hangul decomposed). */
  from: string;
  /** Last word of the chunk. */
  to: string;
  /** File name under `index/` without `.pf_index`. */
  hash: string;
}

/**
 * A cursor over a gunzipped Pagefind file (metadata, word chunk or filter) just after its
 * signature; `what` names the kind of file in the error when the signature is missing.
 */
export function pagefindCursor(bytes: Uint8Array, label: string, what = 'Pagefind 파일이'): CborCursor {
  const signature = new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length));
  if (signature !== SIGNATURE) throw new Error(`${label}: ${what} 아닙니다 (서명 ${JSON.stringify(signature)})`);
  return new CborCursor(bytes, SIGNATURE.length, label);
}

/** A Pagefind 1.x metadata file (pagefind_web's MetaIndex), as far as the site's build reads it. */
export interface PagefindMeta {
  version: string;
  /** Per page number: its fragment id (what a search result's `id` is), word count and fragment group ('' when ungrouped). */
  pages: { id: string; wordCount: number; group: string }[];
  /** The word chunks, in word order. */
  chunks: IndexChunk[];
  /** Each filter's file under `filter/` (without `.pf_filter`). */
  filters: { name: string; file: string }[];
  /** Names of the Pagefind sorts (`data-pagefind-sort`); the site keeps its sorts in files of its own. */
  sorts: string[];
  /** Meta field names, indexed by the field ids of the word chunks' meta locations. */
  metaFields: string[];
}

/**
 * Read a (gunzipped) Pagefind metadata file: [version, pages [[id, word count, group]],
 * chunks [[from, to, file]], filters [[name, file]], sorts [[name, pages]], meta fields].
 * Items a newer Pagefind appends to any of these are skipped.
 */
export function readPagefindMeta(meta: Uint8Array, label = 'Pagefind 메타데이터'): PagefindMeta {
  const c = pagefindCursor(meta, label, 'Pagefind 메타데이터가');
  const items = c.array();
  if (items < 5) throw new Error(`${label}: 형식이 다릅니다 (항목 ${items}개)`);
  // A list of records, each an array whose item count `read` is given (to skip what it does not read).
  const list = <T>(read: (items: number) => T): T[] => Array.from({ length: c.array() }, () => read(c.array()));
  const version = c.text();
  const pages = list((n) => {
    const page = { id: c.text(), wordCount: c.uint(), group: n >= 3 ? c.text() : '' };
    for (let i = 3; i < n; i++) c.skip();
    return page;
  });
  const chunks = list((n) => {
    const chunk = { from: c.text(), to: c.text(), hash: c.text() };
    for (let i = 3; i < n; i++) c.skip();
    return chunk;
  });
  const filters = list((n) => {
    const filter = { name: c.text(), file: c.text() };
    for (let i = 2; i < n; i++) c.skip();
    return filter;
  });
  const sorts = list((n) => {
    const name = c.text();
    for (let i = 1; i < n; i++) c.skip();
    return name;
  });
  const metaFields = items >= 6 ? Array.from({ length: c.array() }, () => c.text()) : [];
  return { version, pages, chunks, filters, sorts, metaFields };
}

/** The index chunks listed in a (gunzipped) Pagefind metadata file, in word order. */
export function readIndexChunks(meta: Uint8Array): IndexChunk[] {
  return readPagefindMeta(meta).chunks;
}

/** The fragment ids of a (gunzipped) Pagefind metadata file's pages, in page-number order. */
export function readPageIds(meta: Uint8Array): string[] {
  return readPagefindMeta(meta).pages.map((p) => p.id);
}

/** The sort keys Pagefind stored in a (gunzipped) metadata file (none when pages carry no `data-pagefind-sort`). */
export function readSortKeys(meta: Uint8Array): string[] {
  return readPagefindMeta(meta).sorts;
}
