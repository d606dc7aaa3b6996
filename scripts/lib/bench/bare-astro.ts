/**
 * The yardstick: a throwaway Astro project in a temporary folder that renders the same
 * program Markdown files into the same number of pages with a minimal layout, no schema,
 * no integrations and no CSS. It reuses this repository's node_modules (symlinked), so the
 * Astro version is the one the site builds with. Our build time divided by its time is the
 * overhead the site adds, comparable across machines.
 *
 * With `same` it is the floor instead: the same minimal pages, but as many as our build
 * writes (program Markdown reused for the pages beyond the programs), as many small generated
 * files as our calendars, feeds and exports, the same public folder copied, and
 * `data-pagefind-body` on as many pages as our search indexes. Built and then indexed by plain
 * Pagefind, it is what Astro and Pagefind alone cost for the outputs the site must have,
 * before any of its own layout, Korean search layer, fonts, CSP or content check.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BareProject {
  root: string;
  outDir: string;
  /** Command and arguments that build it (run with cwd = root). */
  command: string[];
}

/** Our build's outputs the floor project matches (see the module comment). */
export interface SameOutputs {
  /** HTML pages. */
  pages: number;
  /** Generated files other than pages (calendars, feeds, exports). */
  files: number;
  /** Pages in the search index. */
  indexed: number;
  /** The public folder our build copied. */
  publicDir: string;
}

/**
 * A page route over the program Markdown. `paths` is the getStaticPaths body's expression
 * (with `programs` in scope) giving `{ params, props: { entry, indexed } }` per page.
 */
function markdownPage(paths: string): string {
  return [
    '---',
    "import { getCollection, render } from 'astro:content';",
    '',
    'export async function getStaticPaths() {',
    "  const programs = await getCollection('programs');",
    `  return ${paths};`,
    '}',
    'const { entry, indexed } = Astro.props;',
    'const { Content } = await render(entry);',
    'const data = entry.data as { title: string };',
    '---',
    '<!doctype html>',
    '<html lang="ko">',
    '  <head><meta charset="utf-8" /><title>{data.title}</title></head>',
    '  <body><main data-pagefind-body={indexed ? true : undefined}><h1>{data.title}</h1><Content /></main></body>',
    '</html>',
    '',
  ].join('\n');
}

/** Write the bare project for the programs under `contentRoot/programs` (the floor project with `same`). */
export function createBareProject(root: string, repo: string, contentRoot: string, same?: SameOutputs): BareProject {
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
    ...(same ? [`  publicDir: ${JSON.stringify(same.publicDir)},`] : []),
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
  // The yardstick's program pages carry no data-pagefind-body (Pagefind then indexes every page);
  // the floor's program pages are all searchable, like ours.
  writeFileSync(join(root, 'src/pages/programs/[id].astro'),
    markdownPage(`programs.map((entry) => ({ params: { id: entry.id }, props: { entry, indexed: ${same ? 'true' : 'false'} } }))`));
  writeFileSync(join(root, 'src/pages/index.astro'), '<!doctype html>\n<html lang="ko"><head><meta charset="utf-8" /><title>bare</title></head><body><p>bare</p></body></html>\n');
  if (same) {
    // Pages beyond the programs and the index page, the first of them searchable up to `indexed`.
    mkdirSync(join(root, 'src/pages/more'), { recursive: true });
    mkdirSync(join(root, 'src/pages/files'), { recursive: true });
    writeFileSync(join(root, 'src/pages/more/[n].astro'), markdownPage(
      `Array.from({ length: Math.max(0, ${same.pages} - programs.length - 1) }, (_, n) => ({ params: { n: String(n) }, props: { entry: programs[n % programs.length], indexed: programs.length + n < ${same.indexed} } }))`,
    ));
    writeFileSync(join(root, 'src/pages/files/[n].txt.ts'), [
      "import { getCollection } from 'astro:content';",
      '',
      'export async function getStaticPaths() {',
      "  const programs = await getCollection('programs');",
      `  return Array.from({ length: ${same.files} }, (_, n) => ({ params: { n: String(n) }, props: { title: (programs[n % programs.length].data as { title: string }).title } }));`,
      '}',
      '',
      'export const GET = ({ props }: { props: { title: string } }) => new Response(`${props.title}\\n`);',
      '',
    ].join('\n'));
  }
  return { root, outDir, command: [process.execPath, join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'] };
}
