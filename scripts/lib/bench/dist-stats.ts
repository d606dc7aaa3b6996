/**
 * Figures read from a built site on disk: total size, page count, Pagefind index size,
 * and the gzipped HTML, CSS and JavaScript one page makes a browser load (stylesheets,
 * scripts and module preloads it references, inline script and style, and the static
 * imports of its modules, followed transitively — what loads before any interaction).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Total bytes and file count under `dir`. */
export function dirStats(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0, files = 0, html = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        bytes += statSync(full).size;
        files++;
        if (entry.name.endsWith('.html')) html++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files, html };
}

/** The Pagefind bundle folder of a built site (`pagefind/` at the root, or wherever pagefind.js lives). */
export function findPagefindDir(dist: string): string | undefined {
  const direct = join(dist, 'pagefind');
  if (existsSync(join(direct, 'pagefind.js'))) return direct;
  const stack = [dist];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = join(d, entry.name);
      if (existsSync(join(full, 'pagefind.js')) && existsSync(join(full, 'pagefind-entry.json'))) return full;
      stack.push(full);
    }
  }
  return undefined;
}

export function gzipSize(data: string | Buffer): number {
  return gzipSync(data, { level: 6 }).length;
}

export interface PageWeight {
  path: string;
  /** gzipped bytes of the HTML document (inline script and style included). */
  html: number;
  /** gzipped bytes of external stylesheets and of inline <style> (counted on its own). */
  css: number;
  cssInline: number;
  /** gzipped bytes of external scripts with their static imports, and of inline <script>. */
  js: number;
  jsInline: number;
  /** What the browser downloads: the document plus external CSS and JS (inline parts are in the document). */
  total: number;
  /** Files counted (site-relative URLs), for the report. */
  assets: string[];
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The HTML file serving `urlPath` (`/programs/` → programs/index.html). */
export function htmlFileFor(dist: string, urlPath: string): string {
  const clean = urlPath.replace(/^\//, '');
  if (clean.endsWith('.html')) return join(dist, clean);
  return join(dist, clean, 'index.html');
}

/** Weight of the page at `urlPath` as a browser loads it before any interaction. */
export function pageWeight(dist: string, urlPath: string): PageWeight {
  const file = htmlFileFor(dist, urlPath);
  const html = readFileSync(file, 'utf8');
  const weight: PageWeight = { path: urlPath, html: gzipSize(html), css: 0, cssInline: 0, js: 0, jsInline: 0, total: 0, assets: [] };
  const seen = new Set<string>();
  const base = urlPath.endsWith('/') ? urlPath : posix.dirname(urlPath) + '/';
  const local = (href: string, from: string): string | undefined => {
    if (/^(?:[a-z]+:)?\/\//i.test(href) || href.startsWith('data:')) return undefined;
    const path = href.split(/[?#]/)[0];
    return path.startsWith('/') ? posix.normalize(path) : posix.normalize(posix.join(from, path));
  };
  const addJs = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const disk = join(dist, url);
    if (!existsSync(disk)) return;
    const code = readFileSync(disk, 'utf8');
    weight.js += gzipSize(code);
    weight.assets.push(url);
    // Static imports load with the module; dynamic import() waits for an interaction.
    for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+\.m?js)["']/g)) {
      const next = local(m[1], posix.dirname(url) + '/');
      if (next) addJs(next);
    }
  };
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase();
    const href = attr(m[0], 'href');
    if (!href) continue;
    const url = local(href, base);
    if (!url || seen.has(url)) continue;
    if (rel.split(/\s+/).includes('stylesheet')) {
      seen.add(url);
      const disk = join(dist, url);
      if (existsSync(disk)) {
        weight.css += gzipSize(readFileSync(disk));
        weight.assets.push(url);
      }
    } else if (rel === 'modulepreload') {
      addJs(url);
    }
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(`<script ${m[1]}>`, 'src');
    const type = (attr(`<script ${m[1]}>`, 'type') ?? '').toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue; // JSON-LD, templates
    if (src) {
      const url = local(src, base);
      if (url) addJs(url);
    } else if (m[2].trim()) {
      weight.jsInline += gzipSize(m[2]);
    }
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) weight.cssInline += gzipSize(m[1]);
  weight.total = weight.html + weight.css + weight.js;
  return weight;
}
