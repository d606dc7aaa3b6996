/** /data/programs.schema.json: JSON Schema of programs.json, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { fileResponse, siteExports } from './_site.ts';

export const GET: APIRoute = async () => fileResponse((await siteExports()).programs.schema, 'application/schema+json');
