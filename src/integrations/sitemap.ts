/**
 * Writes sitemap.xml after the build from the HTML pages really written to the
 * output folder, so every page of every route is listed without restating routes.
 * Left out: /admin/, the 404 page and any page that asks search engines not to index it.
 */
import type { AstroIntegration } from 'astro';
import { closeSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isListable, renderSitemap } from '../lib/feeds/sitemap.ts';

const NOINDEX = /<meta\s+name=["']?robots["']?\s+content=["'][^"']*noindex/i;

const HEAD_BYTES = 8192;

/** The first bytes of a file: enough to see a robots meta tag in <head>. `buffer` is reused from page to page. */
function head(file: string, buffer: Buffer): string {
  const fd = openSync(file, 'r');
  try {
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function* htmlPages(root: string, dir = root): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['_astro', 'pagefind', 'uploads'].includes(entry.name)) yield* htmlPages(root, full);
    } else if (entry.name === 'index.html') {
      const rel = relative(root, dir).split(sep).join('/');
      yield rel === '' ? '/' : `/${rel}/`;
    }
  }
}

/** Paths of the built pages the sitemap lists: listable, and not asking search engines to stay away. */
export function listedPages(root: string): string[] {
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  return [...htmlPages(root)].filter((p) => isListable(p) && !NOINDEX.test(head(join(root, p, 'index.html'), buffer)));
}

export default function sitemap(): AstroIntegration {
  let site = '';
  return {
    name: 'sangsaengnuri:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!site) throw new Error('sitemap.xml: astro.config.mjs 에 site 가 없습니다');
        const root = fileURLToPath(dir);
        const paths = listedPages(root);
        writeFileSync(join(root, 'sitemap.xml'), renderSitemap(site, paths));
        logger.info(`sitemap.xml: ${paths.length} pages`);
      },
    },
  };
}
