/**
 * A whole Pagefind 1.6 index read into a form that does not depend on page numbering or file
 * names: every word's postings keyed by page URL, meta locations by field name, filters as
 * URL lists. Two indexes of the same pages compare equal however Pagefind (or the shard
 * merge) numbered the pages and named the files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pagefindCursor } from '../../src/lib/search/pagefind-meta.ts';

export interface CanonicalIndex {
  version: string;
  /** URL → word count. */
  pages: Record<string, number>;
  /** word (or `word ~ variant form`) → URL → [locations, meta locations as "field:position"]. */
  words: Record<string, Record<string, [number[], string[]]>>;
  /** filter → value → URLs (sorted). */
  filters: Record<string, Record<string, string[]>>;
  metaFields: string[];
  /** Each chunk's [from, to]. */
  chunks: [string, string][];
  files: { index: number; fragment: number; filter: number };
}

function decode(path: string): unknown {
  return pagefindCursor(gunzipSync(readFileSync(path)), path).item();
}

export function readCanonicalIndex(dir: string): CanonicalIndex {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
  const [{ hash, page_count }] = Object.values(entry.languages);
  const [version, pages, chunks, filters, sorts, metaFields] = decode(join(dir, `pagefind.${hash}.pf_meta`)) as [
    string, [string, number, string][], [string, string, string][], [string, string][], unknown[], string[],
  ];
  if (pages.length !== page_count) throw new Error(`entry says ${page_count} pages, meta has ${pages.length}`);
  if (sorts.length > 0) throw new Error('unexpected sorts');
  const urls = pages.map(([id]) => {
    const text = gunzipSync(readFileSync(join(dir, 'fragment', `${id}.pf_fragment`))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
  const out: CanonicalIndex = {
    version,
    pages: Object.fromEntries(pages.map(([, count], i) => [urls[i], count])),
    words: {},
    filters: {},
    metaFields,
    chunks: chunks.map(([from, to]) => [from, to]),
    files: {
      index: readdirSync(join(dir, 'index')).length,
      fragment: readdirSync(join(dir, 'fragment')).length,
      filter: readdirSync(join(dir, 'filter')).length,
    },
  };
  const postings = (list: [number, number[], number[]?][]): Record<string, [number[], string[]]> => {
    let page = 0;
    const byUrl: Record<string, [number[], string[]]> = {};
    for (const [delta, locs, metaLocs = []] of list) {
      page += delta;
      const named: string[] = [];
      let field = -1;
      let position = 0;
      for (const v of metaLocs) {
        if (v < 0) [field, position] = [-v - 1, 0];
        else named.push(`${metaFields[field]}:${(position += v)}`);
      }
      byUrl[urls[page]] = [locs, named];
    }
    return byUrl;
  };
  for (const [, , file] of chunks) {
    const [words] = decode(join(dir, 'index', `${file}.pf_index`)) as [[string, [number, number[], number[]?][], [string, [number, number[], number[]?][]][]][]];
    for (const [word, pagesOfWord, variants] of words) {
      if (out.words[word]) throw new Error(`word ${word} in two chunks`);
      out.words[word] = postings(pagesOfWord);
      for (const [form, variantPages] of variants) out.words[`${word} ~ ${form}`] = postings(variantPages);
    }
  }
  for (const [name, file] of filters) {
    const [filterName, values] = decode(join(dir, 'filter', `${file}.pf_filter`)) as [string, [string, number[]][]];
    if (filterName !== name) throw new Error(`filter file ${file} is ${filterName}, not ${name}`);
    out.filters[name] = Object.fromEntries(values.map(([value, list]) => [value, list.map((p) => urls[p]).sort()]));
  }
  return out;
}
