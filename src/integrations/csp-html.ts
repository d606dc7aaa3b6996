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
const SUSPICIOUS = new RegExp([
  String.raw`\son[a-z]+\s*=`,
  String.raw`(?:javascript|vbscript)\s*:`,
  String.raw`\s(?:href|src|action|formaction|data|poster|cite|background|xlink:href)\s*=\s*["']?[^"'>\s]*&`,
  String.raw`<(?:script|img|source|iframe|frame|embed|object|video|audio|track|input)\b(?:[^>"']|"[^"]*"|'[^']*')*\s(?:src|srcset|data|poster)\s*=\s*["']?[^"'>]*//`,
  // <link> only when it loads something (a canonical or alternate link to the site itself is no subresource).
  String.raw`<link\b(?=(?:[^>"']|"[^"]*"|'[^']*')*\brel\s*=\s*["']?[^"'>]*\b(?:stylesheet|preload|modulepreload|prefetch|icon|manifest|apple-touch-icon)\b)(?:[^>"']|"[^"]*"|'[^']*')*\shref\s*=\s*["']?[^"'>]*//`,
].join('|'), 'i');

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
  if (!SUSPICIOUS.test(html)) return { inlineScripts, unsafe: [], thirdParty: [] };
  const full = scanPage(html);
  return { ...full, inlineScripts };
}

const EXISTING_META = /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>\s*/gi;

function escapeAttr(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/**
 * Put the policy in a <meta> at the top of <head> (a policy only governs what follows it),
 * right after <meta charset> when that comes first. Any earlier CSP meta is replaced.
 */
export function injectMeta(html: string, policyText: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policyText)}">`;
  const clean = html.replace(EXISTING_META, '');
  const head = /<head(?:\s[^>]*)?>/i.exec(clean);
  if (!head) throw new Error('no <head> element');
  let at = head.index + head[0].length;
  const charset = /^\s*<meta\s+charset\s*=[^>]*>/i.exec(clean.slice(at));
  if (charset) at += charset[0].length;
  return `${clean.slice(0, at)}${meta}${clean.slice(at)}`;
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
