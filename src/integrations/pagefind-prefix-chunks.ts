/**
 * After Pagefind has written its index: the prefix chunk map of every language index
 * (src/lib/search/prefix-chunks.ts), written as `prefix-chunks.<language hash>.json` beside
 * Pagefind's own files, so a new index never meets an old map in a cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIndexChunks } from '../lib/search/pagefind-meta.ts';
import { buildPrefixChunkMap, parsePrefixChunkMap, prefixChunkFile, type PrefixChunkMap } from '../lib/search/prefix-chunks.ts';
import { readEntry, readMeta } from './pagefind-bundle.ts';

export interface PrefixChunkFiles {
  /** Index chunks over every language. */
  chunks: number;
  /** Chunks no query word can make Pagefind load. */
  unreachable: number;
}

/** Write the maps for the Pagefind bundle in `outputPath`. */
export function writePrefixChunkMaps(outputPath: string): PrefixChunkFiles {
  const entry = readEntry(outputPath);
  let chunks = 0;
  let unreachable = 0;
  for (const { hash } of Object.values(entry.languages)) {
    const list = readIndexChunks(readMeta(outputPath, hash));
    const report = buildPrefixChunkMap(list, entry.include_characters);
    writeFileSync(join(outputPath, prefixChunkFile(hash)), JSON.stringify(report.map));
    chunks += list.length;
    unreachable += report.unreachable;
  }
  return { chunks, unreachable };
}

/** The map of the bundle's (first) language index, as written (benches and tests read it from disk). */
export function readPrefixChunkMap(outputPath: string): PrefixChunkMap {
  const [language] = Object.values(readEntry(outputPath).languages);
  const map = language && parsePrefixChunkMap(JSON.parse(readFileSync(join(outputPath, prefixChunkFile(language.hash)), 'utf8')));
  if (!map) throw new Error(`${outputPath}: 앞부분 일치 색인 조각 지도가 없습니다`);
  return map;
}
