/**
 * The allow-list every piece of CMS-written HTML passes before it reaches a page: Markdown
 * bodies (through the Astro Markdown processor, see sanitize-processor.ts) and Markdown
 * front-matter fields (through src/lib/markdown.ts). Editors are many and outside the team;
 * what is not on this list is removed.
 *
 * Kept: headings, paragraphs, lists, tables (with rowspan/colspan/scope and GFM column
 * alignment), links (https, http, mailto, tel, relative and #anchors), images (https, relative,
 * and data: PNG/JPEG/GIF/WEBP only), emphasis and inline code, footnotes and task lists as
 * Markdown renders them.
 * Removed: <script>, <style>, <iframe>, <object>, <embed>, <form> and its controls, <meta>,
 * <link>, <base>, <svg>, <math>, every on*= handler, style other than text-align, and
 * javascript:/vbscript:/data: URLs (except data: images). A Markdown h1 becomes h2 (the page owns its h1).
 */
import sanitize from 'sanitize-html';

/** data: URLs that are inert raster images; everything else under data: is dropped. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'];

/** Elements whose content is dropped along with the tag (not shown as text). */
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'noscript', 'iframe', 'frame', 'frameset', 'noembed', 'noframes',
  'xmp', 'plaintext', 'template', 'title', 'object', 'embed', 'applet', 'svg', 'math', 'head',
];

export const SANITIZE_OPTIONS: sanitize.IOptions = {
  allowedTags: [
    ...HEADINGS, 'p', 'br', 'hr', 'blockquote', 'div', 'span', 'section', 'figure', 'figcaption',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'q', 'cite',
    'code', 'pre', 'kbd', 'samp',
    'a', 'img',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'details', 'summary',
    // Only as a disabled checkbox of a GFM task list (see exclusiveFilter).
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'id', 'aria-describedby', 'aria-label', 'data-footnote-ref', 'data-footnote-backref', 'class'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    th: ['colspan', 'rowspan', 'scope', 'headers', 'abbr', 'style'],
    td: ['colspan', 'rowspan', 'headers', 'style'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed', 'type'],
    li: ['value', 'id', 'class'],
    ul: ['class'],
    section: ['class', 'data-footnotes'],
    abbr: ['title'],
    code: ['class'],
    pre: ['class'],
    input: ['type', 'checked', 'disabled'],
    ...Object.fromEntries(HEADINGS.map((h) => [h, ['id', 'class']])),
  },
  allowedClasses: {
    code: ['language-*'],
    pre: ['language-*'],
    a: ['data-footnote-backref'],
    ul: ['contains-task-list'],
    li: ['task-list-item'],
    section: ['footnotes'],
    h2: ['sr-only'],
  },
  // GFM table column alignment is the only inline style kept.
  allowedStyles: {
    th: { 'text-align': [/^(?:left|right|center)$/] },
    td: { 'text-align': [/^(?:left|right|center)$/] },
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'poster', 'background'],
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  transformTags: {
    h1: 'h2',
    img: (tagName, attribs) => {
      const src = attribs.src?.trim() ?? '';
      if (/^data:/i.test(src) && !DATA_IMAGE.test(src)) delete attribs.src;
      return { tagName, attribs };
    },
    input: (tagName, attribs) => ({ tagName, attribs: { ...attribs, disabled: '' } }),
  },
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !frame.attribs.src) ||
    (frame.tag === 'input' && frame.attribs.type !== 'checkbox'),
};

/**
 * True when Markdown source may produce HTML the allow-list must see. Markdown without `<`
 * (no raw HTML, no autolink), without `&` (no entity that could spell a scheme) and without a
 * script/data/file scheme can only produce the elements and https/http/relative URLs that
 * Markdown itself generates, all of them on the list; such text skips the (slower) HTML pass.
 */
export function needsSanitizing(markdown: string): boolean {
  return /[<&]/.test(markdown) || /(?:javascript|vbscript|data|file)\s*:/i.test(markdown);
}

/** Clean one HTML fragment with the site's allow-list. */
export function sanitizeHtml(html: string): string {
  if (!html) return '';
  return sanitize(html, SANITIZE_OPTIONS);
}
