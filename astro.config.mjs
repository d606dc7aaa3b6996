// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { satteri } from '@astrojs/markdown-satteri';
import { sanitizedMarkdown } from './src/lib/markdown/sanitize-processor.ts';
import pagefind from './src/integrations/pagefind.ts';
import sitemap from './src/integrations/sitemap.ts';
import cms from './src/integrations/cms.ts';
import csp from './src/integrations/csp.ts';
import siteFonts from './src/integrations/fonts.ts';
import awaitBackground from './src/integrations/background.ts';

// The build writes to ASTRO_OUT_DIR (scripts/build.ts points it at a temporary folder and
// swaps it into dist/ only when everything succeeded).
export default defineConfig({
  site: (process.env.SITE_URL || 'https://winwinnuri.github.io').replace(/\/$/, ''),
  output: 'static',
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  // PUBLIC_DIR (also read by scripts/validate.ts) points at another public folder: the scale
  // corpus (npm run corpus) keeps its generated uploads there, next to its CONTENT_ROOT.
  publicDir: process.env.PUBLIC_DIR || 'public',
  trailingSlash: 'ignore',
  // Four pages rendered at once: one page's file writes no longer leave the thread idle (at
  // 10,000 programs the one-at-a-time default sat idle ~12 s of its 45 s; four: 29–33 s in all).
  build: { format: 'directory', concurrency: 4 },
  // pagefind() indexes the built site in astro:build:done (SEARCH_KOREAN=0: plain index).
  // cms() copies the cached /admin/ bundle (Decap CMS, built by admin/build.ts, not by Astro).
  // csp() stays last: it hashes the inline scripts of the final HTML (src/integrations/csp.ts).
  // siteFonts() subsets Pretendard GOV to the characters of the built pages (src/integrations/fonts.ts).
  // awaitBackground() comes after everything: Pagefind writes its index while the hooks between run.
  integrations: [mdx(), pagefind(), sitemap(), siteFonts(), cms(), csp(), awaitBackground()],
  // Every .md document leaves Markdown through the HTML allow-list (src/lib/markdown/sanitize.ts).
  // Smart punctuation off: 공공누리 제4유형 documents are reproduced character for character.
  markdown: { processor: sanitizedMarkdown(satteri({ features: { smartPunctuation: false } })) },
  // Workers as ES modules: the search page's facet worker imports Pagefind's runtime at run time.
  vite: { plugins: [tailwindcss()], worker: { format: 'es' } },
  // Per-process cache folder, so parallel builds (tests, benchmarks) do not share state.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  devToolbar: { enabled: false },
});
