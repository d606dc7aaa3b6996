/**
 * The listing's data files (src/lib/listing/chunks.ts): meta.json, index-<f>.json per
 * 지원분야 and rows-<f>-<k>.json, written once per build from the current programs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../data/site-data.ts';
import { encodeListing } from '../../../lib/listing/chunks.ts';
import { toListingItem } from '../../../lib/listing/from-site.ts';
import { currentPrograms } from '../../../lib/listing/site-listing.ts';

async function files(): Promise<Map<string, unknown>> {
  const site = await loadSite();
  const current = currentPrograms(site);
  const companies = [...new Map(current.map((p) => [p.data.company, p.company])).values()].map((c) => ({ slug: c.id, name: c.data.name, class: c.data.class }));
  const pinned = Boolean(process.env.SITE_NOW?.trim());
  const { meta, indexes, rows } = encodeListing(current.map(toListingItem), companies, site.today, pinned);
  const out = new Map<string, unknown>([['meta', meta]]);
  for (const index of indexes) out.set(`index-${index.field}`, index);
  for (const r of rows) out.set(`rows-${r.field}-${r.chunk}`, r.rows);
  return out;
}

let cache: Promise<Map<string, unknown>> | undefined;
const all = () => (cache ??= files());

export const getStaticPaths: GetStaticPaths = async () => [...(await all()).keys()].map((file) => ({ params: { file } }));

export const GET: APIRoute = async ({ params }) => {
  const body = (await all()).get(String(params.file));
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
