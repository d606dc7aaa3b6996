// Astro content collections: one glob loader per folder of `content/` (or CONTENT_ROOT),
// each validated by the schema in `src/schemas/` that the validator, CMS and exports also read.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { z } from 'zod';
import {
  COLLECTIONS, announcementSchema, businessSchema, companySchema, contentRoot, forumSchema, guideSchema,
  planSchema, programSchema, type CollectionName,
} from './schemas/index.ts';

const root = contentRoot();

/** CMS-written collections accept only .md; developer guides may be .mdx. */
function collection<S extends z.ZodType>(name: CollectionName, schema: S) {
  return defineCollection({
    loader: glob({ base: `${root}/${name}`, pattern: COLLECTIONS[name].cms ? '*.md' : '*.{md,mdx}' }),
    schema,
  });
}

export const collections = {
  programs: collection('programs', programSchema),
  businesses: collection('businesses', businessSchema),
  companies: collection('companies', companySchema),
  forums: collection('forums', forumSchema),
  announcements: collection('announcements', announcementSchema),
  plans: collection('plans', planSchema),
  guides: collection('guides', guideSchema),
};
