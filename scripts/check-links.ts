/**
 * Link and asset integrity over a built site: every internal link, #anchor, image, script,
 * stylesheet, form action, attachment, CSS url() and sitemap/feed URL must resolve to a file of the build (and an
 * anchor to an id or name on the target page). External sites are not fetched.
 *
 * `npm run check-links [-- DIR]` (default: DIST_DIR or dist) prints one line per miss —
 * page, link, reason — and exits 1 if there is any. tests/build/links-*.test.ts runs
 * checkLinks() over the test build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Parser } from 'htmlparser2';

export interface Miss {
  /** Built file the link is on, e.g. `programs/x/index.html`. */
  page: string;
  /** The link as written. */
  link: string;
  /** Why it does not resolve. */
  reason: string;
}

/** Attributes that name a URL, per element (srcset lists are split). */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'], area: ['href'], link: ['href'], img: ['src', 'srcset'], source: ['src', 'srcset'], script: ['src'],
  iframe: ['src'], form: ['action'], video: ['src', 'poster'], audio: ['src'], track: ['src'], object: ['data'],
  embed: ['src'], use: ['href', 'xlink:href'], image: ['href', 'xlink:href'], input: ['src'], button: ['formaction'],
  blockquote: ['cite'], q: ['cite'], del: ['cite'], ins: ['cite'],
};
/** <link rel> values that point at a page of this site or an asset of it (others, e.g. dns-prefetch, are skipped). */
const LINK_RELS = /\b(?:stylesheet|icon|apple-touch-icon|manifest|preload|modulepreload|prefetch|alternate|canonical|next|prev|search|license|help)\b/i;
/** <meta> whose content is a URL (social previews). */
const META_URLS = new Set(['og:image', 'og:url', 'twitter:image', 'og:image:secure_url']);

interface Page {
  ids: Set<string>;
  links: string[];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

function readPage(html: string): Page {
  const page: Page = { ids: new Set(), links: [] };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (attribs.id) page.ids.add(attribs.id);
        if (name === 'a' && attribs.name) page.ids.add(attribs.name);
        if (name === 'link' && !LINK_RELS.test(attribs.rel ?? '')) return;
        if (name === 'meta') {
          const key = attribs.property ?? attribs.name;
          if (key && META_URLS.has(key) && attribs.content) page.links.push(attribs.content);
          return;
        }
        for (const attr of URL_ATTRS[name] ?? []) {
          const value = attribs[attr];
          if (value === undefined) continue;
          if (attr === 'srcset') page.links.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean));
          else page.links.push(value);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return page;
}

/** URL path a built file is served at: `programs/x/index.html` → `/programs/x/`. */
export function urlOf(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The built file a URL path is served from, or undefined. */
function fileFor(dist: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const base = join(dist, decoded);
  if (!base.startsWith(dist)) return undefined;
  const candidates = decoded.endsWith('/') ? [join(base, 'index.html')] : [base, join(base, 'index.html'), `${base}.html`];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const LOCAL = 'https://site.invalid';

/** Check every link of every HTML page and every url() of every stylesheet of `dist`. */
export function checkLinks(distDir: string, siteUrl = process.env.SITE_URL || 'https://winwinnuri.github.io'): { pages: number; links: number; misses: Miss[] } {
  const dist = resolve(distDir);
  const all = files(dist);
  const htmlFiles = all.filter((f) => f.endsWith('.html'));
  const pages = new Map<string, Page>();
  for (const f of htmlFiles) pages.set(f, readPage(readFileSync(f, 'utf8')));
  const site = new URL(siteUrl);
  const misses: Miss[] = [];
  let links = 0;

  const check = (from: string, link: string) => {
    const pageRel = relative(dist, from);
    // As the URL parser reads it: tabs/newlines anywhere dropped, surrounding spaces trimmed.
    const trimmed = link.replace(/[\t\n\r]/g, '').trim();
    if (!trimmed || /^(?:mailto|tel|data|sms|webcal):/i.test(trimmed)) return;
    links++;
    if (/^(?:javascript|vbscript):/i.test(trimmed)) {
      misses.push({ page: pageRel, link, reason: 'script URL' });
      return;
    }
    let url: URL;
    try {
      url = new URL(trimmed, `${LOCAL}${urlOf(pageRel)}`);
    } catch {
      misses.push({ page: pageRel, link, reason: 'not a URL' });
      return;
    }
    const internal = url.origin === LOCAL || url.origin === site.origin;
    if (!internal) return;
    const target = fileFor(dist, url.pathname);
    if (!target) {
      misses.push({ page: pageRel, link, reason: `no file for ${url.pathname}` });
      return;
    }
    const fragment = url.hash.slice(1);
    if (fragment && fragment !== 'top' && target.endsWith('.html')) {
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      if (!pages.get(target)?.ids.has(id)) misses.push({ page: pageRel, link, reason: `no id="${id}" on ${relative(dist, target)}` });
    }
  };

  for (const [file, page] of pages) for (const link of page.links) check(file, link);
  for (const css of all.filter((f) => f.endsWith('.css'))) {
    for (const m of readFileSync(css, 'utf8').matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      if (!m[2].startsWith('#')) check(css, m[2]);
    }
  }
  // The sitemap and the feeds promise pages too: every <loc>/<link> on this site must exist.
  for (const xml of all.filter((f) => /(?:sitemap[^/]*|\.xml)$/.test(f) && f.endsWith('.xml'))) {
    for (const m of readFileSync(xml, 'utf8').matchAll(/<(?:loc|link)>\s*([^<\s]+)\s*<\/(?:loc|link)>/g)) check(xml, m[1]);
  }
  return { pages: pages.size, links, misses };
}

if (import.meta.main) {
  const dir = process.argv[2] || process.env.DIST_DIR?.trim() || 'dist';
  const { pages, links, misses } = checkLinks(dir);
  for (const m of misses) console.error(`${m.page}: ${m.link} — ${m.reason}`);
  console.log(`링크 검사: 페이지 ${pages}개, 링크 ${links}개, 깨진 링크 ${misses.length}개`);
  process.exit(misses.length ? 1 : 0);
}
