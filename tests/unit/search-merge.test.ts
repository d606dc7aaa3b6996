import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { chunkBounds, chunkPrefixes, compareBytes, contentName, mergeShardIndexes, pagefindChunkSize, placeFragment } from '../../src/integrations/pagefind-merge.ts';
import { CborWriter } from '../../src/lib/search/cbor.ts';
import { SIGNATURE } from '../../src/lib/search/pagefind-meta.ts';
import { scratchParent, shardPagesFromEnv, SHARD_PAGES } from '../../src/integrations/pagefind-index.ts';

const bytes = (s: string) => Buffer.from(s);

describe('word order and chunk bounds, as Pagefind computes them', () => {
  it('orders words by their UTF-8 bytes (Rust String order), not UTF-16 code units', () => {
    expect(compareBytes(bytes('apple'), bytes('apricot'))).toBeLessThan(0);
    expect(compareBytes(bytes('app'), bytes('apple'))).toBeLessThan(0);
    expect(compareBytes(bytes('협력'), bytes('협력'))).toBe(0);
    // U+FF21 (3 UTF-8 bytes) sorts before U+1F600 (4 bytes, a surrogate pair in UTF-16: "\uD83D…" < "\uFF21").
    expect(compareBytes(bytes('\uFF21'), bytes('😀'))).toBeLessThan(0);
    expect('\uFF21' < '😀').toBe(false);
  });

  it('shortens neighbouring bounds to their first differing character (get_prefixes)', () => {
    expect(chunkPrefixes('apple', 'apricot')).toEqual(['app', 'apr']);
    expect(chunkPrefixes('cataraman', 'yacht')).toEqual(['c', 'y']);
    expect(chunkPrefixes('cath', 'cathartic')).toEqual(['cath', 'catha']);
    expect(chunkPrefixes('중소기업', '중소기업의')).toEqual(['중소기업', '중소기업의']);
    expect(chunkPrefixes('😀a', '😀b')).toEqual(['😀a', '😀b']);
  });

  it('trims a chunk’s end only when it stays after its start (chunk_meta)', () => {
    expect(chunkBounds([{ first: 'apple', last: 'apple' }, { first: 'apricot', last: 'banana' }, { first: 'peach', last: 'peach' }])).toEqual([
      { from: 'apple', to: 'apple' },
      { from: 'apr', to: 'b' },
      { from: 'p', to: 'peach' },
    ]);
    expect(chunkBounds([{ first: '가', last: '나' }])).toEqual([{ from: '가', to: '나' }]);
  });

  it('takes Pagefind’s own chunk size setting when it is set', () => {
    expect(pagefindChunkSize({})).toBe(20000);
    expect(pagefindChunkSize({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '400' })).toBe(400);
    expect(() => pagefindChunkSize({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: 'big' })).toThrow(/PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE="big"/);
  });

  it('takes the shard size from SEARCH_SHARD_PAGES', () => {
    expect(shardPagesFromEnv({})).toBe(SHARD_PAGES);
    expect(shardPagesFromEnv({ SEARCH_SHARD_PAGES: ' 40 ' })).toBe(40);
    expect(() => shardPagesFromEnv({ SEARCH_SHARD_PAGES: '0' })).toThrow(/SEARCH_SHARD_PAGES="0": 1 이상의 정수/);
    expect(() => shardPagesFromEnv({ SEARCH_SHARD_PAGES: '1.5' })).toThrow(/1 이상의 정수/);
  });
});

describe('file names', () => {
  it('names a file by its content hash, lengthened until it is free', () => {
    const taken = new Set<string>();
    const a = contentName('ko', bytes('x'), 7, (n) => taken.has(n));
    expect(a).toMatch(/^ko_[0-9a-f]{7}$/);
    taken.add(a);
    const b = contentName('ko', bytes('x'), 7, (n) => taken.has(n));
    expect(b).toMatch(/^ko_[0-9a-f]{8}$/);
    expect(b.startsWith(a)).toBe(true);
  });
});

describe('fragments of several shards in one folder', () => {
  let work: string;
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('keeps ids, shares identical fragments and renames a different fragment that comes under a taken id', () => {
    work = mkdtempSync(join(tmpdir(), 'merge-fragments-'));
    const out = join(work, 'out');
    const file = (name: string, body: string) => {
      const path = join(work, name);
      writeFileSync(path, body);
      return path;
    };
    mkdirSync(out);
    expect(placeFragment(out, 'ko_1234567', file('a', 'page A'), 'ko')).toBe('ko_1234567');
    // The same page content again (Pagefind gives identical pages one fragment): same id.
    expect(placeFragment(out, 'ko_1234567', file('a2', 'page A'), 'ko')).toBe('ko_1234567');
    // Another shard's different page under the same short hash: a new id, the first file untouched.
    const renamed = placeFragment(out, 'ko_1234567', file('b', 'page B'), 'ko');
    expect(renamed).toMatch(/^ko_[0-9a-f]{8}$/);
    expect(readFileSync(join(out, 'ko_1234567.pf_fragment'), 'utf8')).toBe('page A');
    expect(readFileSync(join(out, `${renamed}.pf_fragment`), 'utf8')).toBe('page B');
    expect(readdirSync(out).sort()).toEqual(['ko_1234567.pf_fragment', `${renamed}.pf_fragment`].sort());
  });
});

describe('a shard whose word chunk is damaged', () => {
  let work: string;
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** A one-page, one-chunk shard index in Pagefind 1.6's layout; its chunk file holds `chunk`. */
  function shard(name: string, chunk: Buffer): string {
    const dir = join(work, name);
    mkdirSync(join(dir, 'index'), { recursive: true });
    writeFileSync(join(dir, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { ko: { hash: `ko_${name}`, wasm: 'ko', page_count: 1 } } }));
    const meta = new CborWriter().array(6).text('1.6.0')
      .array(1).array(3).text(`ko_${name}page`).uint(3).text('')
      .array(1).array(3).text('가').text('나').text(`ko_${name}chunk`)
      .array(0).array(0).array(0);
    writeFileSync(join(dir, `pagefind.ko_${name}.pf_meta`), gzipSync(Buffer.concat([Buffer.from(SIGNATURE), Buffer.from(meta.bytes())])));
    writeFileSync(join(dir, 'index', `ko_${name}chunk.pf_index`), chunk);
    return dir;
  }

  it('fails the merge naming the file, whether it is not gzip or not a Pagefind index', async () => {
    work = mkdtempSync(join(tmpdir(), 'merge-damaged-'));
    const notGzip = shard('a', Buffer.from('잘린 파일'));
    await expect(mergeShardIndexes([notGzip], join(work, 'out-a'))).rejects.toThrow(`${join(notGzip, 'index', 'ko_achunk.pf_index')}: Pagefind 색인 파일을 풀 수 없습니다`);
    const notIndex = shard('b', gzipSync(Buffer.from('something else')));
    await expect(mergeShardIndexes([notIndex], join(work, 'out-b'))).rejects.toThrow(`${join(notIndex, 'index', 'ko_bchunk.pf_index')}: Pagefind 색인 파일이 아닙니다`);
  });
});

describe('where the search documents are written', () => {
  let work: string;
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('takes the first writable folder of the candidates (/dev/shm on Linux), else the system temp folder', () => {
    work = mkdtempSync(join(tmpdir(), 'scratch-'));
    const file = join(work, 'not-a-folder');
    writeFileSync(file, '');
    expect(scratchParent([join(work, 'missing'), file, work])).toBe(work);
    expect(scratchParent([join(work, 'missing')])).toBe(tmpdir());
    expect(scratchParent([])).toBe(tmpdir());
  });
});
