/**
 * Excerpts with highlighted matches, built from the page's own text. Pagefind marks
 * whole indexed words and nothing when a page matched through the Korean token
 * field, so the excerpt is cut and marked here: 협력 is marked inside
 * 상생협력프로그램, and an 초성 query marks the words whose 초성 contain it.
 */
import { choseongOf, isChoseongWord } from './hangul.ts';

export interface Excerpt {
  /** HTML: the text escaped, matches wrapped in <mark>. */
  html: string;
  /** Number of marked matches. */
  marks: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Character ranges [start, end) of `terms` in `text` (case-insensitive, 초성 by word). */
export function matchRanges(text: string, terms: string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    if (isChoseongWord(term)) {
      for (const m of text.matchAll(/[\uAC00-\uD7A3]+/g)) {
        if (choseongOf(m[0]).includes(term)) ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      }
      continue;
    }
    const needle = term.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Wrap the ranges of `text` in <mark>, escaping everything. */
export function markRanges(text: string, ranges: [number, number][], offset = 0): string {
  let html = '';
  let at = 0;
  for (const [s, e] of ranges) {
    const start = Math.max(s - offset, 0);
    const end = Math.min(e - offset, text.length);
    if (end <= 0 || start >= text.length) continue;
    html += escapeHtml(text.slice(at, start)) + `<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

/**
 * An excerpt of about `length` characters around the densest cluster of matches,
 * cut at spaces, with an ellipsis where text was left out.
 */
export function buildExcerpt(content: string, terms: string[], length = 140): Excerpt {
  const text = content.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(text, terms);
  if (text.length <= length) return { html: markRanges(text, ranges), marks: ranges.length };
  // Start at the match that has the most other matches within the window after it.
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    const count = ranges.filter((r) => r[0] >= ranges[i][0] && r[1] <= ranges[i][0] + length).length;
    if (count > bestCount) [bestStart, bestCount] = [ranges[i][0], count];
  }
  let start = Math.max(0, bestStart - Math.floor(length / 4));
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space > bestStart - length / 2 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > bestStart) end = space;
  }
  const slice = text.slice(start, end);
  const inside = ranges.filter((r) => r[1] > start && r[0] < end);
  const html = `${start > 0 ? '… ' : ''}${markRanges(slice, inside, start)}${end < text.length ? ' …' : ''}`;
  return { html, marks: inside.length };
}
