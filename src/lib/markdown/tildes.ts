/**
 * Korean text writes ranges with a single tilde ("2018-05-03~2018-05-13", "5/30~31").
 * The Markdown engine (GFM) reads two single tildes in one paragraph as strikethrough,
 * silently striking out the text between two ranges. Before rendering, every lone `~`
 * in Markdown text is escaped (`\~`), so it stays a literal tilde; `~~double~~`
 * strikethrough, code spans, fenced code and raw HTML blocks are left as they are.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A line that opens a raw HTML block (CommonMark types 1–7, approximately): no inline parsing inside. */
const HTML_BLOCK_START = /^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*|\/[A-Za-z]|!--|\?|![A-Z])/;
const AUTOLINK_START = /^ {0,3}<[A-Za-z][A-Za-z0-9+.-]{1,31}:/;
const LONE_TILDE = /(?<![~\\])~(?!~)/g;

/** Escape lone tildes in one line of Markdown text, outside code spans and HTML tags. */
function escapeLine(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '`') {
      // A code span: copy through the matching run of backticks (or to the end if unmatched).
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      const end = close < 0 ? i + run.length : close + run.length;
      out += line.slice(i, end);
      i = end;
    } else if (ch === '<') {
      const close = line.indexOf('>', i);
      const end = close < 0 ? i + 1 : close + 1;
      out += line.slice(i, end);
      i = end;
    } else {
      let next = line.length;
      for (const stop of ['`', '<']) {
        const at = line.indexOf(stop, i);
        if (at >= 0 && at < next) next = at;
      }
      out += line.slice(i, next).replace(LONE_TILDE, '\\~');
      i = next;
    }
  }
  return out;
}

/** Escape the lone tildes of a Markdown document (see the module comment). */
export function escapeLoneTildes(markdown: string): string {
  if (!markdown.includes('~')) return markdown;
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let inHtmlBlock = false;
  return lines
    .map((line) => {
      const fenceMatch = FENCE.exec(line);
      if (fence) {
        if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
        return line;
      }
      if (fenceMatch) {
        fence = fenceMatch[1];
        return line;
      }
      if (inHtmlBlock) {
        if (line.trim() === '') inHtmlBlock = false;
        return line;
      }
      if (HTML_BLOCK_START.test(line) && !AUTOLINK_START.test(line)) {
        inHtmlBlock = true;
        return line;
      }
      // Indented code (4 spaces) is literal too.
      if (/^(?: {4}|\t)/.test(line)) return line;
      return escapeLine(line);
    })
    .join('\n');
}
