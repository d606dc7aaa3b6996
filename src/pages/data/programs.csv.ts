/** /data/programs.csv: the same records as a spreadsheet (UTF-8 with BOM, RFC 4180). */
import type { APIRoute } from 'astro';
import { fileResponse, siteExports } from './_site.ts';

export const GET: APIRoute = async () => fileResponse((await siteExports()).programs.csv, 'text/csv');
