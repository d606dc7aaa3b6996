// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';

// The build writes to ASTRO_OUT_DIR (scripts/build.ts points it at a temporary folder and
// swaps it into dist/ only when everything succeeded).
export default defineConfig({
  site: (process.env.SITE_URL || 'https://winwinnuri.github.io').replace(/\/$/, ''),
  output: 'static',
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  vite: { plugins: [tailwindcss()] },
  // Per-process cache folder, so parallel builds (tests, benchmarks) do not share state.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  devToolbar: { enabled: false },
});
