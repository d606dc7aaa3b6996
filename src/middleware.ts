/**
 * During `astro build` the search integration registers a tap (src/integrations/search-tap.ts)
 * and every rendered HTML page is handed to it, so search indexing runs beside rendering.
 * Without a tap (astro dev, a build without search) pages pass through untouched.
 */
import { defineMiddleware } from 'astro:middleware';

const TAP = Symbol.for('sangsaengnuri.searchTap');

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const tap = (globalThis as Record<symbol, unknown>)[TAP] as ((pathname: string, html: string) => void) | undefined;
  if (!tap || !context.isPrerendered || !response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  tap(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
