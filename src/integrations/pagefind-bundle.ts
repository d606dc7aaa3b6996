/**
 * Reading a Pagefind bundle Pagefind has just written (for the site's own files beside it:
 * the prefix chunk maps, the sort orders, the facet tables): its entry file, each language
 * index's metadata and the fragment of a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PagefindEntry } from '../lib/search/bundle.ts';
import { readPageIds } from '../lib/search/pagefind-meta.ts';

/** The bundle's `pagefind-entry.json`. */
export function readEntry(outputPath: string): Required<PagefindEntry> {
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  return { languages: entry.languages ?? {}, include_characters: entry.include_characters ?? [] };
}

/** A language index's metadata, gunzipped (`pagefind.<hash>.pf_meta`). */
export function readMeta(outputPath: string, languageHash: string): Uint8Array {
  return gunzipSync(readFileSync(join(outputPath, `pagefind.${languageHash}.pf_meta`)));
}

/** The URL a page's fragment (`fragment/<id>.pf_fragment`: gzip, a signature, JSON) gives the page. */
export function fragmentUrl(outputPath: string, pageId: string): string {
  const text = gunzipSync(readFileSync(join(outputPath, 'fragment', `${pageId}.pf_fragment`))).toString('utf8');
  const url = (JSON.parse(text.slice(text.indexOf('{'))) as { url?: unknown }).url;
  if (typeof url !== 'string') throw new Error(`Pagefind 조각 ${pageId}에 URL이 없습니다`);
  return url;
}

/** A language index of the bundle: its hash and its pages (id, and the URL from the page's fragment), in page-number order. */
export interface LanguagePages {
  hash: string;
  pages: { id: string; url: string }[];
}

/** Every language index of the bundle with its pages (each fragment read once, for the sort and facet tables). */
export function languagePages(outputPath: string): LanguagePages[] {
  return Object.values(readEntry(outputPath).languages).map(({ hash }) => ({
    hash,
    pages: readPageIds(readMeta(outputPath, hash)).map((id) => ({ id, url: fragmentUrl(outputPath, id) })),
  }));
}
