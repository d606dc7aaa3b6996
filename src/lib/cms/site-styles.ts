/**
 * The site's own stylesheets, read from the built HTML, so the CMS preview frame uses
 * exactly the CSS visitors get: linked files (/_astro/*.css) and the small stylesheets
 * Astro inlines as <style>. A bounded sample of pages is read (the home page, each
 * section's index and its first detail page), not all 10,000.
 */
import { join } from 'node:path';

export type SiteStyle = { href: string } | { raw: string };

const SKIP = new Set(['admin', '_astro', 'pagefind', 'uploads', 'fonts']);

const LINK = /<link\b[^>]*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** Stylesheet links and inline styles of one HTML document, in document order. */
export function stylesOf(html: string): SiteStyle[] {
  const found: { at: number; style: SiteStyle }[] = [];
  for (const m of html.matchAll(LINK)) {
    const tag = m[0];
    if (!/\brel=["']?stylesheet\b/i.test(tag)) continue;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (href) found.push({ at: m.index, style: { href } });
  }
  for (const m of html.matchAll(STYLE)) if (m[1].trim()) found.push({ at: m.index, style: { raw: m[1] } });
  return found.sort((a, b) => a.at - b.at).map((f) => f.style);
}

/** The union of the styles of a sample of built pages, without repeats. */
export function collectSiteStyles(outDir: string, readText: (path: string) => string, listDir: (path: string) => string[]): SiteStyle[] {
  const pages = ['index.html'];
  for (const section of listDir(outDir).filter((d) => !SKIP.has(d) && !d.includes('.') && !d.startsWith('_')).sort()) {
    pages.push(join(section, 'index.html'));
    const first = listDir(join(outDir, section)).filter((d) => !d.includes('.')).sort()[0];
    if (first) pages.push(join(section, first, 'index.html'));
  }
  const seen = new Set<string>();
  const out: SiteStyle[] = [];
  for (const page of pages) {
    let html: string;
    try {
      html = readText(join(outDir, page));
    } catch {
      continue;
    }
    for (const style of stylesOf(html)) {
      const key = 'href' in style ? `href:${style.href}` : `raw:${style.raw}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(style);
    }
  }
  return out;
}
