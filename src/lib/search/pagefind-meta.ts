/**
 * Read a Pagefind metadata file (`pagefind.<lang hash>.pf_meta`, already gunzipped): the
 * signature `pagefind_dcd`, then CBOR. Only what the site's own search files need is read:
 * each index chunk's first and last word and file hash (the prefix chunk map), the page ids
 * (the sort orders), the sort keys (checked to be gone).
 */

const SIGNATURE = 'pagefind_dcd';

export interface IndexChunk {
  /** First word of the chunk (Pagefind's stored form: lower case, Hangul decomposed). */
  from: string;
  /** Last word of the chunk. */
  to: string;
  /** File name under `index/` without `.pf_index`. */
  hash: string;
}

/** Decode one CBOR data item (major types 0–5 and 7's false/true/null; what Pagefind writes). */
function cborReader(bytes: Uint8Array): () => unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = SIGNATURE.length;
  const length = (info: number): number => {
    if (info < 24) return info;
    const sizes: Record<number, number> = { 24: 1, 25: 2, 26: 4, 27: 8 };
    const size = sizes[info];
    if (info === 31) return -1;
    if (!size) throw new Error(`Pagefind 메타데이터: 알 수 없는 CBOR 길이 ${info} (위치 ${at})`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): unknown => {
    if (at >= bytes.length) throw new Error('Pagefind 메타데이터: 파일이 중간에 끝났습니다');
    const initial = bytes[at++];
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      throw new Error(`Pagefind 메타데이터: 지원하지 않는 CBOR 값 7/${info}`);
    }
    const n = length(info);
    switch (major) {
      case 0: return n;
      case 1: return -1 - n;
      case 2: { const b = bytes.subarray(at, at + n); at += n; return b; }
      case 3: { const s = text.decode(bytes.subarray(at, at + n)); at += n; return s; }
      case 4: {
        const list: unknown[] = [];
        if (n < 0) {
          while (bytes[at] !== 0xff) list.push(item());
          at++;
        } else for (let i = 0; i < n; i++) list.push(item());
        return list;
      }
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) map.set(item(), item());
        return map;
      }
      default: throw new Error(`Pagefind 메타데이터: 지원하지 않는 CBOR 형식 ${major}`);
    }
  };
  return item;
}

/** The decoded root of a (gunzipped) Pagefind metadata file, its signature checked. */
function readMetaRoot(meta: Uint8Array): unknown[] {
  const signature = new TextDecoder().decode(meta.subarray(0, SIGNATURE.length));
  if (signature !== SIGNATURE) throw new Error(`Pagefind 메타데이터가 아닙니다 (서명 ${JSON.stringify(signature)})`);
  const root = cborReader(meta)();
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
