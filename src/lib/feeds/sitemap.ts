/** sitemap.xml (https://www.sitemaps.org/protocol.html) from a list of page paths. */
import { absoluteUrl } from './links.ts';
import { escapeXml } from './xml.ts';

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;

/** Paths that are never listed: the CMS and the not-found page. */
export function isListable(path: string): boolean {
  return !path.startsWith('/admin/') && path !== '/404/' && !path.startsWith('/404.');
}

/** The sitemap document for site paths such as `/programs/x/` (sorted, duplicates dropped). */
export function renderSitemap(site: string, paths: Iterable<string>): string {
  const urls = [...new Set([...paths].filter(isListable))].sort();
  if (urls.length > SITEMAP_MAX_URLS) {
    throw new Error(`sitemap.xml: ${urls.length}개 주소는 한 파일의 한도(${SITEMAP_MAX_URLS})를 넘습니다. 사이트맵 색인으로 나누어야 합니다`);
  }
  const body = urls.map((path) => `<url><loc>${escapeXml(absoluteUrl(site, path))}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}
