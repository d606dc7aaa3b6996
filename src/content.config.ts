// Astro content collections: one glob loader per folder of `content/` (or CONTENT_ROOT),
// each validated by the schema in `src/schemas/` that the CMS and exports also read.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, COLLECTION_NAMES, contentRoot } from './schemas/index.ts';

const root = contentRoot();

export const collections = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [
    name,
    defineCollection({
      loader: glob({ base: `${root}/${name}`, pattern: COLLECTIONS[name].cms ? '*.md' : '*.{md,mdx}' }),
      schema: COLLECTIONS[name].schema,
    }),
  ]),
) as { [K in (typeof COLLECTION_NAMES)[number]]: ReturnType<typeof defineCollection> };
