/**
 * Astro integration: index the site with Pagefind (Korean token layer on unless
 * SEARCH_KOREAN=0). While Astro renders, each page goes through the search tap
 * (search-tap.ts) to a worker that prepares it and hands it to Pagefind; when the build
 * is done, Pagefind writes its index in its own process while the next hooks run
 * (background.ts waits for it). SEARCH_TAP=0, or a build whose pages did not pass the tap,
 * reads the built files instead. Logs pages and time; a failure fails the build with the
 * cause attached; Pagefind's service is closed in every case.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../schemas/index.ts';
import { runInBackground } from './background.ts';
import { addSitePages, closeSearchIndexer, type SearchIndexReport } from './pagefind-index.ts';
import { startSearchTap, type SearchTap } from './search-tap.ts';

/** SEARCH_KOREAN=0 builds a plain Pagefind index (no Korean layer), for comparison. */
export function koreanLayerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.SEARCH_KOREAN?.trim() !== '0';
}

function failure(error: unknown): Error {
  return new Error(`검색 색인(Pagefind) 생성 실패: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

export default function pagefindIntegration(): AstroIntegration {
  let outDir = '';
  let tap: SearchTap | undefined;
  const options = (siteDir: string) => ({ siteDir, contentDir: contentRoot(), publicDir: process.env.PUBLIC_DIR?.trim() || 'public', korean: koreanLayerEnabled() });
  return {
    name: 'sangsaengnuri:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        if (process.env.SEARCH_TAP?.trim() !== '0') tap = startSearchTap(options(outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const korean = koreanLayerEnabled();
        const rendered = performance.now();
        let write: () => Promise<SearchIndexReport>;
        let close: () => Promise<unknown>;
        try {
          if (tap && tap.pages > 0) {
            const t = tap;
            await t.finish();
            [write, close] = [() => t.write(), () => t.close()];
          } else {
            await tap?.close();
            const indexer = await addSitePages(options(fileURLToPath(dir)));
            [write, close] = [() => indexer.write(), closeSearchIndexer];
          }
        } catch (error) {
          await Promise.allSettled([tap?.close(), closeSearchIndexer()]);
          throw failure(error);
        }
        // The index is written by Pagefind's process while the fonts, sitemap and CSP hooks run here.
        runInBackground('검색 색인', write().then(
          (report) => {
            const types = Object.entries(report.byType).map(([t, n]) => `${t} ${n}`).join(', ');
            logger.info(`검색 색인: 페이지 ${report.pages}개 (${types}), 색인 ${(report.indexBytes / 1024).toFixed(0)} KB, 한국어 확장 ${korean ? '켜짐' : '꺼짐 (SEARCH_KOREAN=0)'}, ${(report.ms / 1000).toFixed(1)}s, 렌더링 후 ${((performance.now() - rendered) / 1000).toFixed(1)}s`);
            if (report.missing.length > 0) logger.warn(`검색 색인: 페이지가 없는 항목 ${report.missing.length}개 (예: ${report.missing.slice(0, 3).join(', ')})`);
          },
          (error: unknown) => {
            throw failure(error);
          },
        ).finally(() => close()));
      },
    },
  };
}
