/**
 * Binds the site's content (loadSite) to the pure feed and export writers in
 * src/lib/feeds/. Every feed, calendar and export endpoint reads this module, so all
 * files of one build share one "today", one generation instant and one computation
 * of the exports. (The leading underscore keeps Astro from routing this file.)
 */
import { loadSite } from '../../data/site-data.ts';
import { companyExports, programExports, type ExportFiles } from '../../lib/feeds/exports.ts';
import type { FeedContext } from '../../lib/feeds/types.ts';
import { SITE_URL } from '../../site.ts';

const builtAt = new Date();

let context: Promise<FeedContext> | undefined;

/**
 * The context every feed of this build is written with: one object per build, so the
 * per-program <item>/VEVENT text cached against it is reused by every feed holding the program.
 */
export function feedContext(): Promise<FeedContext> {
  context ??= loadSite().then((site) => ({ site: SITE_URL, today: site.today, builtAt }));
  return context;
}

let exports: Promise<{ programs: ExportFiles; companies: ExportFiles }> | undefined;

/** The open-data files of this build, computed once. */
export function siteExports(): Promise<{ programs: ExportFiles; companies: ExportFiles }> {
  exports ??= (async () => {
    const [site, ctx] = [await loadSite(), await feedContext()];
    const src = { programs: site.programs, companies: site.companies, businesses: site.businesses };
    return { programs: programExports(src, ctx), companies: companyExports(src, ctx) };
  })();
  return exports;
}

/** A static-file response with the right media type (used by `astro dev`; the build writes the body). */
export function fileResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
