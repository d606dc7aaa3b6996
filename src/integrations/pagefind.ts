/**
 * Astro integration: after the build, index the site with Pagefind (Korean token layer on
 * unless SEARCH_KOREAN=0). The pages are handed to Pagefind in this hook (a large site in shards
 * of SEARCH_SHARD_PAGES pages, one Pagefind process after another, merged into one index at the
 * end); the last shard is written and the index merged while the next hooks (sitemap, fonts, CSP) run here,
 * and background.ts, last, waits for it. Logs pages and time; a failure fails the build
 * with the cause attached; Pagefind's service is closed in every case.
 *
 * (Indexing each page as Astro renders it, through a middleware and a worker thread, was
 * measured at 10,000 programs: rendering slowed by as much as indexing gained, on two cores.)
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../schemas/index.ts';
import { runInBackground } from './background.ts';
import { addSitePages, closeSearchIndexer, type SearchIndexer } from './pagefind-index.ts';

/** SEARCH_KOREAN=0 builds a plain Pagefind index (no Korean layer), for comparison. */
export function koreanLayerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.SEARCH_KOREAN?.trim() !== '0';
}

function failure(error: unknown): Error {
  return new Error(`검색 색인(Pagefind) 생성 실패: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'sangsaengnuri:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const korean = koreanLayerEnabled();
        const rendered = performance.now();
        let indexer: SearchIndexer;
        try {
          indexer = await addSitePages({ siteDir: fileURLToPath(dir), contentDir: contentRoot(), publicDir: process.env.PUBLIC_DIR?.trim() || 'public', korean });
        } catch (error) {
          await closeSearchIndexer();
          throw failure(error);
        }
        // The index is written by Pagefind's process while the sitemap, fonts and CSP hooks run here.
        runInBackground('검색 색인', indexer.write().then(
          (report) => {
            const types = Object.entries(report.byType).map(([t, n]) => `${t} ${n}`).join(', ');
            logger.info(`검색 색인: 페이지 ${report.pages}개 (${types}), 색인 ${(report.indexBytes / 1024).toFixed(0)} KB (조각 ${report.chunks.chunks}개), 정렬 마감일 ${report.sorted.deadline}개 · 등록일 ${report.sorted.registered}개, 한국어 확장 ${korean ? '켜짐' : '꺼짐 (SEARCH_KOREAN=0)'}, Pagefind 프로세스 ${report.shards}개${report.shards > 1 ? '에서 나눠 만든 뒤 합침' : ''}, ${(report.ms / 1000).toFixed(1)}s, 렌더링 후 ${((performance.now() - rendered) / 1000).toFixed(1)}s`);
            if (report.chunks.unreachable > 0) logger.warn(`검색 색인: 앞부분 일치 검색이 불러올 수 없는 색인 조각 ${report.chunks.unreachable}개 (Pagefind가 고른 조각만 검색됨)`);
            if (report.missing.length > 0) logger.warn(`검색 색인: 페이지가 없는 항목 ${report.missing.length}개 (예: ${report.missing.slice(0, 3).join(', ')})`);
          },
          (error: unknown) => {
            throw failure(error);
          },
        ).finally(() => closeSearchIndexer()));
      },
    },
  };
}
