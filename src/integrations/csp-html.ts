/**
 * What the CSP step reads from and writes into one built HTML page: the exact text of its
 * inline scripts (to hash), the script-like attributes a hash cannot allow (on*= handlers,
 * javascript: URLs), and the <meta http-equiv="Content-Security-Policy"> element itself.
 */
import { Parser } from 'htmlparser2';

export interface PageScan {
  /** Text of each inline <script> exactly as it stands between its tags (what the browser hashes). */
  inlineScripts: string[];
  /** `<tag attr="value">` of every on*= handler and javascript:/vbscript: URL (never allowed). */
  unsafe: string[];
  /** src/href of scripts, stylesheets, images, frames and media that leave this origin. */
  thirdParty: string[];
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'cite']);
const SCRIPT_URL = /^(?:javascript|vbscript):/i;

/** A URL as the browser's URL parser reads it: tabs and newlines anywhere removed, leading C0/space trimmed. */
function urlForm(value: string): string {
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
}
/** Elements whose URL the browser fetches as a subresource (links to other sites are fine). */
const SUBRESOURCE: Record<string, string[]> = {
  script: ['src'], img: ['src', 'srcset'], source: ['src', 'srcset'], iframe: ['src'], frame: ['src'], embed: ['src'],
  object: ['data'], video: ['src', 'poster'], audio: ['src'], track: ['src'], input: ['src'],
};
const STYLESHEET_LIKE = /\b(?:stylesheet|preload|modulepreload|prefetch|icon|manifest|apple-touch-icon)\b/i;

function isThirdParty(url: string): boolean {
  const value = url.trim();
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value) && !/^(?:https?:)?\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\//i.test(value);
}

/** Read one page. */
export function scanPage(html: string): PageScan {
  const scan: PageScan = { inlineScripts: [], unsafe: [], thirdParty: [] };
  let scriptStart = -1;
  let scriptHasSrc = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on[a-z]/i.test(attr) || (URL_ATTRS.has(attr) && SCRIPT_URL.test(urlForm(value)))) {
            scan.unsafe.push(`<${name} ${attr}="${value.slice(0, 80)}">`);
          }
        }
        const fetched = [...(SUBRESOURCE[name] ?? []), ...(name === 'link' && STYLESHEET_LIKE.test(attribs.rel ?? '') ? ['href'] : [])];
        for (const attr of fetched) {
          const value = attribs[attr];
          if (!value) continue;
          const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [value];
          for (const url of urls) if (isThirdParty(url)) scan.thirdParty.push(`<${name} ${attr}="${url}">`);
        }
        if (name === 'script') {
          scriptHasSrc = 'src' in attribs;
          scriptStart = parser.endIndex + 1;
        }
      },
      onclosetag(name) {
        if (name === 'script' && scriptStart >= 0) {
          if (!scriptHasSrc) {
            const text = html.slice(scriptStart, parser.startIndex);
            if (text.trim()) scan.inlineScripts.push(text);
          }
          scriptStart = -1;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return scan;
}

const INLINE_SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
/**
 * Anything that could be a handler, a script URL (also entity-encoded), or a subresource from
 * another origin. Pages without any of these cannot have a problem; the rest get the full parse.
 */
const SUSPICIOUS_PARTS = [
  String.raw`\son[a-z]+\s*=`,
  String.raw`(?:javascript|vbscript)\s*:`,
  String.raw`\s(?:href|src|action|formaction|data|poster|cite|background|xlink:href)\s*=\s*["']?[^"'>\s]*&`,
  String.raw`<(?:script|img|source|iframe|frame|embed|object|video|audio|track|input)\b(?:[^>"']|"[^"]*"|'[^']*')*\s(?:src|srcset|data|poster)\s*=\s*["']?[^"'>]*//`,
  // <link> only when it loads something (a canonical or alternate link to the site itself is no subresource).
  String.raw`<link\b(?=(?:[^>"']|"[^"]*"|'[^']*')*\brel\s*=\s*["']?[^"'>]*\b(?:stylesheet|preload|modulepreload|prefetch|icon|manifest|apple-touch-icon)\b)(?:[^>"']|"[^"]*"|'[^']*')*\shref\s*=\s*["']?[^"'>]*//`,
];
export const SUSPICIOUS = new RegExp(SUSPICIOUS_PARTS.join('|'), 'i');

/** JavaScript's `\s` for one UTF-16 code unit (WhiteSpace and LineTerminator), without a regex per character. */
export function isJsSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text[start..end)` equals the lowercase ASCII `name`, ASCII letters in any case (as a /i pattern of ASCII compares). */
function asciiNameAt(text: string, start: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== name.charCodeAt(i)) return false;
  }
  return true;
}

/** Is the `=` at `eq` preceded by (whitespace,) one of `names` (any ASCII case) that follows whitespace? */
function attrNameBefore(text: string, eq: number, names: readonly string[]): boolean {
  let k = eq - 1;
  while (k >= 0 && isJsSpace(text.charCodeAt(k))) k--;
  for (const name of names) {
    const start = k - name.length + 1;
    if (start >= 1 && isJsSpace(text.charCodeAt(start - 1)) && asciiNameAt(text, start, name)) return true;
  }
  return false;
}

/**
 * Could an attribute value `\s NAME \s* = \s* ["']? VALUE*` end right before `end`, VALUE being
 * any character but `"`, `'`, `>` (and whitespace unless `spaceInValue`)? Walks back from `end`;
 * every `=` in reach is tried as the attribute's. True whenever such a match exists.
 */
function attrValueEndsAt(text: string, end: number, names: readonly string[], spaceInValue: boolean): boolean {
  let j = end - 1;
  for (; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x22 || c === 0x27 || c === 0x3e || (!spaceInValue && isJsSpace(c))) break;
    if (c === 0x3d && attrNameBefore(text, j, names)) return true;
  }
  if (j < 0 || text.charCodeAt(j) === 0x3e) return false;
  if (text.charCodeAt(j) === 0x22 || text.charCodeAt(j) === 0x27) j--;
  while (j >= 0 && isJsSpace(text.charCodeAt(j))) j--;
  return j >= 0 && text.charCodeAt(j) === 0x3d && attrNameBefore(text, j, names);
}

const SUSPICIOUS_HANDLER = new RegExp(SUSPICIOUS_PARTS[0], 'i');
/** Every javascript:/vbscript: branch match contains this. */
const SCRIPT_COLON = /script\s*:/i;
const URL_ATTR_NAMES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'cite', 'background', 'xlink:href'];
const SUBRESOURCE_ATTR_NAMES = ['src', 'srcset', 'data', 'poster'];
const LINK_START = /<link\b/gi;
const SUSPICIOUS_LINK = new RegExp(SUSPICIOUS_PARTS[4], 'iy');

/**
 * True whenever SUSPICIOUS matches somewhere in `html` (it may also be true when it does not):
 * each branch is looked for from something rare it must contain — the handler branch as is,
 * `script:` for script URLs, each `&` and `//` walked back to its attribute, each `<link`
 * tried in place — instead of one pattern tried at every character of a 40 KB page.
 */
export function maybeSuspicious(html: string): boolean {
  if (SUSPICIOUS_HANDLER.test(html) || SCRIPT_COLON.test(html)) return true;
  for (let i = html.indexOf('&'); i >= 0; i = html.indexOf('&', i + 1)) {
    if (attrValueEndsAt(html, i, URL_ATTR_NAMES, false)) return true;
  }
  for (let i = html.indexOf('//'); i >= 0; i = html.indexOf('//', i + 1)) {
    if (attrValueEndsAt(html, i, SUBRESOURCE_ATTR_NAMES, true)) return true;
  }
  for (const m of html.matchAll(LINK_START)) {
    SUSPICIOUS_LINK.lastIndex = m.index;
    if (SUSPICIOUS_LINK.test(html)) return true;
  }
  return false;
}

/**
 * The same answers as scanPage() at a fraction of the cost, for the build (10,000 pages):
 * inline scripts are cut out by pattern (the script element's content ends at the first
 * `</script`, exactly as the tokenizer ends it), and only pages with something suspicious
 * are parsed in full. tests/build/csp-policy.test.ts checks both agree on every built page.
 */
export function quickScan(html: string): PageScan {
  const inlineScripts: string[] = [];
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${m[1]}`)) continue;
    if (m[2].trim()) inlineScripts.push(m[2]);
  }
  if (!(maybeSuspicious(html) && SUSPICIOUS.test(html))) return { inlineScripts, unsafe: [], thirdParty: [] };
  const full = scanPage(html);
  return { ...full, inlineScripts };
}

const EXISTING_META = /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>\s*/gi;

function escapeAttr(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/** The CSP <meta> element for a policy. */
export function metaElement(policyText: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policyText)}">`;
}

/** Where the policy goes in a page without a CSP meta: after `<head>`, and after `<meta charset>` when that comes first. */
function insertionPoint(html: string): number {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('no <head> element');
  let at = head.index + head[0].length;
  const charset = /^\s*<meta\s+charset\s*=[^>]*>/i.exec(html.slice(at));
  if (charset) at += charset[0].length;
  return at;
}

/**
 * Put the policy in a <meta> at the top of <head> (a policy only governs what follows it),
 * right after <meta charset> when that comes first. Any earlier CSP meta is replaced.
 */
export function injectMeta(html: string, policyText: string): string {
  const clean = html.replace(EXISTING_META, '');
  const at = insertionPoint(clean);
  return `${clean.slice(0, at)}${metaElement(policyText)}${clean.slice(at)}`;
}

/**
 * Where injectMeta() would insert the <meta> in `html`, when it only inserts (the page has no
 * CSP meta yet), so the caller can splice the bytes it read; undefined when one is to be replaced.
 */
export function metaInsertionPoint(html: string): number | undefined {
  if (/http-equiv/i.test(html) && new RegExp(EXISTING_META.source, 'i').test(html)) return undefined;
  return insertionPoint(html);
}

/** The policy text of the page's CSP <meta>, or undefined. */
export function readMeta(html: string): string | undefined {
  let found: string | undefined;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === 'meta' && attribs['http-equiv']?.toLowerCase() === 'content-security-policy' && found === undefined) found = attribs.content;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return found;
}
