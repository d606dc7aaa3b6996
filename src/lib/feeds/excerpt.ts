/**
 * A plain-text excerpt of Markdown for feed summaries. It only has to read well as
 * text: the result is escaped like any other text, so nothing in it can become markup.
 */

/** Markdown → one plain-text paragraph of at most `max` characters (an ellipsis marks a cut). */
export function markdownExcerpt(markdown: string | undefined, max = 300): string {
  if (!markdown) return '';
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|\|)/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
