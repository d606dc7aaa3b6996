/** /data/programs.json: every field of every entry, absolute URLs (see lib/feeds/exports.ts). */
import type { APIRoute } from 'astro';
import { fileResponse, siteExports } from './_site.ts';

export const GET: APIRoute = async () => fileResponse((await siteExports()).programs.json, 'application/json');
