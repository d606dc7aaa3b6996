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
  devToolbar: { enabled: false },
});
