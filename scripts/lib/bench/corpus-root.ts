/** Generate a corpus into a content root and write its manifest (used by npm run corpus and the bench). */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Status } from '../../../src/schemas/choices.ts';
import { generateCorpus, type CorpusOptions } from './corpus-entries.ts';
import { MANIFEST_NAME, assertSafeRoot, writeCorpus } from './corpus-writer.ts';

export interface CorpusManifest {
  seed: string;
  siteNow: string;
  programs: number;
  counts: Record<string, number>;
  uploads: number;
  statuses: Record<Status, number>;
  /** The environment a build of this corpus needs. */
  env: { CONTENT_ROOT: string; PUBLIC_DIR: string; SITE_NOW: string };
}

/** Write the corpus for `opts` into `root` (refusing the shipped content) and return its manifest. */
export function createCorpusRoot(root: string, opts: CorpusOptions, repo: string): CorpusManifest {
  assertSafeRoot(root, repo, join(repo, 'content'));
  const corpus = generateCorpus(opts);
  const written = writeCorpus(root, corpus.entries, corpus.files, { content: join(repo, 'content'), public: join(repo, 'public') });
  const manifest: CorpusManifest = {
    seed: opts.seed, siteNow: opts.siteNow, programs: opts.programs, counts: written.counts, uploads: written.uploads, statuses: corpus.statuses,
    env: { CONTENT_ROOT: resolve(root), PUBLIC_DIR: resolve(written.publicDir), SITE_NOW: opts.siteNow },
  };
  writeFileSync(join(root, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
