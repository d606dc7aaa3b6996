/**
 * Preparing a built page for the indexer (in memory; the file a visitor gets is
 * not changed). Astro's compressHTML writes `<dt>주관기관</dt><dd>한국수자원공사</dd>`
 * with nothing between the elements, and Pagefind then indexes one token
 * 주관기관한국수자원공사; a space at every block boundary restores the words.
 */
import { Parser } from 'htmlparser2';
import { escapeHtml } from './excerpt.ts';

/** Elements that end a word: block, list, table, heading and form-layout elements. */
export const BLOCK_TAGS = [
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'legend', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
] as const;

const BLOCK_SET = new Set<string>(BLOCK_TAGS);
const BLOCK_TAG_PATTERN = new RegExp(`<\\/?(?:${BLOCK_TAGS.join('|')})(?=[\\s/>])[^>]*>`, 'gi');

/** A closing tag directly followed by an opening one: two sibling elements written without a space. */
const SIBLING_PATTERN = /(<\/[a-z][a-z0-9]*\s*>)(?=<[a-z])/gi;

/**
 * Put a space around every block-level tag, and between sibling elements written
 * back to back (`<span>공고</span><a>캘린더에 추가</a>`), so each element's text stays
 * its own word. Markup inside a word (`상생<strong>협력</strong>`) is left alone.
 */
export function separateBlocks(html: string): string {
  return html.replace(BLOCK_TAG_PATTERN, ' $& ').replace(SIBLING_PATTERN, '$1 ');
}

/** Elements whose text the indexer never reads. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The text Pagefind indexes for a page: inside the `data-pagefind-body` element,
 * outside `data-pagefind-ignore` elements, with a space at block boundaries.
 * (Text in `hidden` elements is indexed by Pagefind, so it is kept here too.)
 */
export function indexedText(html: string): string {
  const parts: string[] = [];
  const stack: { name: string; body: boolean; skip: boolean }[] = [];
  let bodyDepth = 0;
  let skipDepth = 0;
  // Sibling elements written back to back are separate words (see separateBlocks).
  let afterClose = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const isVoid = VOID.has(name);
        if (BLOCK_SET.has(name) || afterClose) parts.push(' ');
        afterClose = false;
        if (isVoid) return;
        const body = 'data-pagefind-body' in attrs;
        const skip = SKIPPED.has(name) || 'data-pagefind-ignore' in attrs;
        stack.push({ name, body, skip });
        if (body) bodyDepth++;
        if (skip) skipDepth++;
      },
      ontext(text) {
        afterClose = false;
        if (bodyDepth > 0 && skipDepth === 0) parts.push(text);
      },
      onclosetag(name, implied) {
        if (BLOCK_SET.has(name)) parts.push(' ');
        afterClose = !implied && !VOID.has(name);
        if (VOID.has(name)) return;
        // Pop to the matching element (htmlparser2 reports implied closes too).
        let at = stack.length - 1;
        while (at >= 0 && stack[at].name !== name) at--;
        if (at === -1) return;
        for (const e of stack.splice(at)) {
          if (e.body) bodyDepth--;
          if (e.skip) skipDepth--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function attr(value: string): string {
  return escapeHtml(value);
}

/**
 * What to add to a page for the indexer: filters and meta values. (No sort keys: Pagefind
 * would keep every sort in the metadata each search loads first; see sort-order.ts.)
 */
export interface InjectedData {
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/**
 * Empty elements carrying the page's filters and meta values, read by Pagefind from
 * attributes (so commas and colons in values need no escaping rules).
 */
export function searchDataMarkup(data: InjectedData): string {
  const out: string[] = [];
  for (const [key, values] of Object.entries(data.filters)) {
    for (const v of values) out.push(`<span data-pagefind-filter="${attr(key)}[data-v]" data-v="${attr(v)}"></span>`);
  }
  for (const [key, v] of Object.entries(data.meta)) {
    if (v) out.push(`<span data-pagefind-meta="${attr(key)}[data-v]" data-v="${attr(v)}"></span>`);
  }
  return out.join('');
}

const STATUS_OPEN = /<([a-z][a-z0-9]*)\b([^>]*\sdata-program-status\b[^>]*)>/gi;

/**
 * Keep 진행단계 badges and D-day out of the index: they are as of the build (the
 * browser corrects them), and the search page shows its own, corrected for today.
 */
export function ignoreBuildTimeStatus(html: string): string {
  return html.replace(STATUS_OPEN, (tag, name: string, attrs: string) => (/\sdata-pagefind-ignore\b/.test(attrs) ? tag : `<${name}${attrs} data-pagefind-ignore>`));
}

const BODY_OPEN = /<[a-z][a-z0-9]*\b[^>]*\sdata-pagefind-body\b[^>]*>/i;

/** Insert markup right after the opening tag of the `data-pagefind-body` element. */
export function injectIntoBody(html: string, markup: string): string {
  const m = BODY_OPEN.exec(html);
  if (!m) throw new Error('data-pagefind-body 요소가 없습니다');
  const at = m.index + m[0].length;
  return html.slice(0, at) + markup + html.slice(at);
}

/** A page cut down to what the indexer reads: its `data-pagefind-body` element. */
export interface SearchDocument {
  /** The `data-pagefind-body` element (the whole page when it cannot be cut out safely). */
  body: string;
  /** The document Pagefind reads: `body` (as changed) with `markup` at its start, under the page's title and language. */
  wrap(body: string, markup: string): string;
}

const CLOSE_MAIN = '</main>';

/**
 * Cut a built page down to its indexed element, so neither this process nor Pagefind parses
 * the header, navigation and footer it would skip anyway. Only a `<main>` is cut out (it
 * cannot nest, so its first closing tag ends it); any other element keeps the whole page.
 */
export function searchDocument(html: string): SearchDocument {
  const open = BODY_OPEN.exec(html);
  if (!open) throw new Error('data-pagefind-body 요소가 없습니다');
  const end = /^<main\b/i.test(open[0]) ? html.indexOf(CLOSE_MAIN, open.index) : -1;
  if (end === -1) return { body: html, wrap: (body, markup) => injectIntoBody(body, markup) };
  const lang = /<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? 'ko';
  const title = /<title\b[^>]*>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? '';
  return {
    body: html.slice(open.index, end + CLOSE_MAIN.length),
    wrap: (body, markup) => `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">${title}</head><body>${injectIntoBody(body, markup)}</body></html>`,
  };
}

/** True when the page marks a part of itself for indexing. */
export function hasSearchBody(html: string): boolean {
  return BODY_OPEN.test(html);
}
