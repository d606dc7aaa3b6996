/** /robots.txt: everything public may be crawled except the CMS; points at the sitemap. */
import type { APIRoute } from 'astro';
import { SITE_URL } from '../site.ts';

export const GET: APIRoute = () =>
  new Response(['User-agent: *', 'Allow: /', 'Disallow: /admin/', '', `Sitemap: ${SITE_URL}/sitemap.xml`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
