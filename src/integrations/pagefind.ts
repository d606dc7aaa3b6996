/**
 * Astro integration: after the build, index the site with Pagefind (Korean token layer on
 * unless SEARCH_KOREAN=0). The indexing starts in this hook and runs in the background while the
 * next hooks (sitemap, fonts, CSP) do their work (a large site in shards of SEARCH_SHARD_PAGES
 * pages, each indexed by a Pagefind process of its own, SEARCH_SHARD_PROCESSES at once, merged
 * into one index at the end); background.ts, last, waits for it. Logs pages and time; a failure
 * fails the build with the cause attached.
 *
 * (Indexing each page as Astro renders it, through a middleware and a worker thread, was
 * measured at 10,000 programs: rendering slowed by as much as indexing gained, on two cores.)
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../schemas/index.ts';
import { runInBackground } from './background.ts';
import { addSitePages, searchIndexDir } from './pagefind-index.ts';

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
      'astro:build:done': ({ dir, logger }) => {
        const korean = koreanLayerEnabled();
        const rendered = performance.now();
        const siteDir = fileURLToPath(dir);
        // The index folder exists before the next hooks run, so they see the site as it will be
        // (the CSP rules list its top-level folders; the fonts skip it).
        mkdirSync(searchIndexDir(siteDir), { recursive: true });
        // The whole indexing runs while the sitemap, fonts and CSP hooks do theirs: this process
        // mostly waits for Pagefind's, and those hooks fill the waits. They read the built pages
        // (the CSP rewrites their <head>) with synchronous calls on this thread, so a page is never
        // read half-written; the index is made from each page's <main>, which no hook changes.
        runInBackground('검색 색인', (async () => {
          try {
            const indexer = await addSitePages({ siteDir, contentDir: contentRoot(), publicDir: process.env.PUBLIC_DIR?.trim() || 'public', korean });
            const report = await indexer.write();
            const types = Object.entries(report.byType).map(([t, n]) => `${t} ${n}`).join(', ');
            logger.info(`검색 색인: 페이지 ${report.pages}개 (${types}), 색인 ${(report.indexBytes / 1024).toFixed(0)} KB (조각 ${report.chunks.chunks}개), 정렬 마감일 ${report.sorted.deadline}개 · 등록일 ${report.sorted.registered}개, 한국어 확장 ${korean ? '켜짐' : '꺼짐 (SEARCH_KOREAN=0)'}, Pagefind 프로세스 ${report.shards}개${report.shards > 1 ? '에서 나눠 만든 뒤 합침' : ''}, ${(report.ms / 1000).toFixed(1)}s, 렌더링 후 ${((performance.now() - rendered) / 1000).toFixed(1)}s`);
            if (report.chunks.unreachable > 0) logger.warn(`검색 색인: 앞부분 일치 검색이 불러올 수 없는 색인 조각 ${report.chunks.unreachable}개 (Pagefind가 고른 조각만 검색됨)`);
            if (report.missing.length > 0) logger.warn(`검색 색인: 페이지가 없는 항목 ${report.missing.length}개 (예: ${report.missing.slice(0, 3).join(', ')})`);
          } catch (error) {
            throw failure(error);
          }
        })());
      },
    },
  };
}
