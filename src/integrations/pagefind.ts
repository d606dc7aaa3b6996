/**
 * Astro integration: after the build, index the site with Pagefind (Korean token
 * layer on unless SEARCH_KOREAN=0). Logs pages and time; a failure fails the build
 * with the cause attached; Pagefind's service is closed in every case.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../schemas/index.ts';
import { buildSearchIndex, closeSearchIndexer } from './pagefind-index.ts';

/** SEARCH_KOREAN=0 builds a plain Pagefind index (no Korean layer), for comparison. */
export function koreanLayerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.SEARCH_KOREAN?.trim() !== '0';
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'sangsaengnuri:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const korean = koreanLayerEnabled();
        try {
          const report = await buildSearchIndex({ siteDir: fileURLToPath(dir), contentDir: contentRoot(), publicDir: process.env.PUBLIC_DIR?.trim() || 'public', korean });
          const types = Object.entries(report.byType).map(([t, n]) => `${t} ${n}`).join(', ');
          logger.info(`검색 색인: 페이지 ${report.pages}개 (${types}), 색인 ${(report.indexBytes / 1024).toFixed(0)} KB, 한국어 확장 ${korean ? '켜짐' : '꺼짐 (SEARCH_KOREAN=0)'}, ${(report.ms / 1000).toFixed(1)}s`);
          if (report.missing.length > 0) logger.warn(`검색 색인: 페이지가 없는 항목 ${report.missing.length}개 (예: ${report.missing.slice(0, 3).join(', ')})`);
        } catch (error) {
          throw new Error(`검색 색인(Pagefind) 생성 실패: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        } finally {
          await closeSearchIndexer();
        }
      },
    },
  };
}
