/**
 * The yardstick: a throwaway Astro project in a temporary folder that renders the same
 * program Markdown files into the same number of pages with a minimal layout, no schema,
 * no integrations and no CSS. It reuses this repository's node_modules (symlinked), so the
 * Astro version is the one the site builds with. Our build time divided by its time is the
 * overhead the site adds, comparable across machines.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BareProject {
  root: string;
  outDir: string;
  /** Command and arguments that build it (run with cwd = root). */
  command: string[];
}

/** Write the bare project for the programs under `contentRoot/programs`. */
export function createBareProject(root: string, repo: string, contentRoot: string): BareProject {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages/programs'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  const outDir = join(root, 'dist');
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(root, 'astro.config.mjs'), [
    "import { defineConfig } from 'astro/config';",
    '',
    'export default defineConfig({',
    "  output: 'static',",
    `  outDir: ${JSON.stringify(outDir)},`,
    `  cacheDir: ${JSON.stringify(join(root, '.astro-cache'))},`,
    "  build: { format: 'directory' },",
    '  devToolbar: { enabled: false },',
    '  integrations: [],',
    '});',
    '',
  ].join('\n'));
  writeFileSync(join(root, 'src/content.config.ts'), [
    "import { defineCollection } from 'astro:content';",
    "import { glob } from 'astro/loaders';",
    '',
    'export const collections = {',
    `  programs: defineCollection({ loader: glob({ base: ${JSON.stringify(join(contentRoot, 'programs'))}, pattern: '*.md' }) }),`,
    '};',
    '',
  ].join('\n'));
  writeFileSync(join(root, 'src/pages/programs/[id].astro'), [
    '---',
    "import { getCollection, render } from 'astro:content';",
    '',
    'export async function getStaticPaths() {',
    "  const programs = await getCollection('programs');",
    '  return programs.map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
    '}',
    'const { entry } = Astro.props;',
    'const { Content } = await render(entry);',
    'const data = entry.data as { title: string };',
    '---',
    '<!doctype html>',
    '<html lang="ko">',
    '  <head><meta charset="utf-8" /><title>{data.title}</title></head>',
    '  <body><main><h1>{data.title}</h1><Content /></main></body>',
    '</html>',
    '',
  ].join('\n'));
  writeFileSync(join(root, 'src/pages/index.astro'), '<!doctype html>\n<html lang="ko"><head><meta charset="utf-8" /><title>bare</title></head><body><p>bare</p></body></html>\n');
  return { root, outDir, command: [process.execPath, join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'] };
}
