/** /data/companies.schema.json: JSON Schema of companies.json, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { fileResponse, siteExports } from './_site.ts';

export const GET: APIRoute = async () => fileResponse((await siteExports()).companies.schema, 'application/schema+json');
