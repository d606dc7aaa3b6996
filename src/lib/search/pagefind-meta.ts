/**
 * Read a Pagefind metadata file (`pagefind.<lang hash>.pf_meta`, already gunzipped): the
 * signature `pagefind_dcd`, then CBOR. Only what the site's own search files need is read:
 * each index chunk's first and last word and file hash (the prefix chunk map), the page ids
 * (the sort orders), the sort keys (checked to be gone).
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

/** The decoded root of a (gunzipped) Pagefind metadata file, its signature checked. */
function readMetaRoot(meta: Uint8Array): unknown[] {
  const signature = new TextDecoder().decode(meta.subarray(0, SIGNATURE.length));
  if (signature !== SIGNATURE) throw new Error(`Pagefind 메타데이터가 아닙니다 (서명 ${JSON.stringify(signature)})`);
  const root = new CborCursor(meta, SIGNATURE.length, 'Pagefind 메타데이터').item();
  if (!Array.isArray(root)) throw new Error('Pagefind 메타데이터: 형식이 다릅니다');
  return root;
}

/** The index chunks listed in a (gunzipped) Pagefind metadata file, in word order. */
export function readIndexChunks(meta: Uint8Array): IndexChunk[] {
  // [version, pages, index chunks, filter chunks, sorts, …]: pagefind_web's MetaIndex.
  const chunks = readMetaRoot(meta)[2];
  if (!Array.isArray(chunks)) throw new Error('Pagefind 메타데이터: 색인 조각 목록이 없습니다');
  return chunks.map((c, i) => {
    if (!Array.isArray(c) || c.length < 3 || !c.slice(0, 3).every((s) => typeof s === 'string')) {
      throw new Error(`Pagefind 메타데이터: 색인 조각 ${i}의 형식이 다릅니다`);
    }
    return { from: c[0] as string, to: c[1] as string, hash: c[2] as string };
  });
}

/**
 * The pages of a (gunzipped) Pagefind metadata file: each page's id, which is what a search
 * result's `id` is and names its fragment file (`fragment/<id>.pf_fragment`).
 */
export function readPageIds(meta: Uint8Array): string[] {
  const pages = readMetaRoot(meta)[1];
  if (!Array.isArray(pages)) throw new Error('Pagefind 메타데이터: 페이지 목록이 없습니다');
  return pages.map((p, i) => {
    if (!Array.isArray(p) || typeof p[0] !== 'string') throw new Error(`Pagefind 메타데이터: 페이지 ${i}의 형식이 다릅니다`);
    return p[0];
  });
}

/** The sort keys Pagefind stored in a (gunzipped) metadata file (none when pages carry no `data-pagefind-sort`). */
export function readSortKeys(meta: Uint8Array): string[] {
  const sorts = readMetaRoot(meta)[4];
  return Array.isArray(sorts) ? sorts.map((s) => (Array.isArray(s) ? String(s[0]) : '')) : [];
}
