/**
 * The Korean search suite over the shipped content: every query names the page that
 * must be in its top 5. Runs the site's search engine against the real index of the
 * test build in Chromium, and the same queries raw against a plain Pagefind index of
 * the same pages (SEARCH_KOREAN=0), printing recall@5 of both, the misses and the
 * index growth the Korean layer costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildSearchIndex, indexSize } from '../../src/integrations/pagefind-index.ts';
import { SearchEngine } from '../../src/lib/search/engine.ts';
import { FILTER } from '../../src/lib/search/facets.ts';
import { META_WEIGHTS } from '../../src/lib/search/meta-keys.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { TEST_DIST, TEST_SITE_NOW } from '../helpers/paths.ts';
import { mountBundle, openPagefind, type BrowserPagefind } from '../fixtures/search-harness/browser-pagefind.ts';
import { withPrefixChunks } from '../../src/lib/search/prefix-chunks.ts';
import { readPrefixChunkMap } from '../../src/integrations/pagefind-prefix-chunks.ts';

type Kind = '복합어 일부' | '조사' | '두 글자' | '기업명' | '업종' | '영어' | '대소문자' | '초성' | '영문 자판' | '문서';

/** [query, page that must be in the top 5, what the query exercises]. */
const SUITE: [string, string, Kind][] = [
  ['수자원', '/companies/kwater/', '복합어 일부'],
  ['관광공사', '/companies/knto/', '복합어 일부'],
  ['보증실무', '/programs/2018-doosan-nuclear-quality-assurance-education/', '복합어 일부'],
  ['혁신', '/programs/2018-icpa-equipment-fund/', '복합어 일부'],
  ['아이디어', '/programs/2018-icpa-winwin-idea-contest/', '복합어 일부'],
  ['팩토리', '/programs/2018-kospo-green-factory/', '복합어 일부'],
  ['상담회', '/programs/2017-purchase-consultation/', '복합어 일부'],
  ['중소기업', '/programs/2018-koen-partner-promotion/', '복합어 일부'],
  ['오토에버', '/companies/hyundai-autoever/', '복합어 일부'],
  ['중공업', '/companies/doosan-heavy/', '복합어 일부'],
  ['기업사랑', '/plans/2011-changwon-company-love-movement/', '복합어 일부'],
  ['설비자금으로', '/programs/2018-icpa-equipment-fund/', '조사'],
  ['구매상담회는', '/programs/2017-purchase-consultation/', '조사'],
  ['물주간의', '/programs/2018-singapore-water-week/', '조사'],
  ['정책메이트를', '/forums/notices/2004-05-policy-mate/', '조사'],
  ['휴가지원을', '/programs/knto-worker-vacation-support/', '조사'],
  ['임치', '/programs/2018-tech-escrow/', '두 글자'],
  ['휴가', '/programs/knto-worker-vacation-support/', '두 글자'],
  ['항만', '/companies/icpa/', '두 글자'],
  ['설비', '/programs/2018-icpa-equipment-fund/', '두 글자'],
  ['과제', '/programs/2018-kowepo-2019-research-projects/', '두 글자'],
  ['한국남동발전', '/companies/koen/', '기업명'],
  ['인천항만공사', '/companies/icpa/', '기업명'],
  ['삼성전자', '/companies/samsung-electronics/', '기업명'],
  ['한전KDN', '/companies/kdn/', '기업명'],
  ['화장품', '/companies/amorepacific/', '업종'],
  ['반도체', '/companies/semes/', '업종'],
  ['케이블', '/companies/iljin-electric/', '업종'],
  ['트레일러', '/companies/erae-automotive-systems/', '업종'],
  ['Solution Day', '/programs/2018-hyundai-autoever-solution-day/', '영어'],
  ['singapore', '/programs/2018-singapore-water-week/', '영어'],
  ['test-bed', '/programs/2018-komipo-test-bed/', '영어'],
  ['KOSPO', '/programs/2018-kospo-green-factory/', '대소문자'],
  ['Water WEEK', '/programs/2018-singapore-water-week/', '대소문자'],
  ['ㅎㄱㅅㅈㅇㄱㅅ', '/companies/kwater/', '초성'],
  ['ㅅㅅㄴㄹ', '/guides/sangsaengnuri-guide/', '초성'],
  ['ㄱㅅㅈㄹ', '/programs/2018-tech-escrow/', '초성'],
  ['ㅅㅁㅅ', '/companies/semes/', '초성'],
  ['tkdtodsnfl', '/guides/sangsaengnuri-guide/', '영문 자판'],
  ['spdlqj', '/companies/naver/', '영문 자판'],
  ['rnaotkdekaghl', '/programs/2017-purchase-consultation/', '영문 자판'],
  ['혁신관리', '/plans/2005-smba-innovation-management-plan/', '문서'],
  ['동반성장 평가', '/guides/winwin-evaluation-criteria/', '문서'],
];

let browser: TestBrowser;
let korean: BrowserPagefind;
let plain: BrowserPagefind;
let engine: SearchEngine;
let plainDir: string;
let plainBytes = 0;

beforeAll(async () => {
  plainDir = mkdtempSync(join(tmpdir(), 'search-plain-'));
  await buildSearchIndex({ siteDir: TEST_DIST, contentDir: process.env.CONTENT_ROOT?.trim() || 'content', korean: false, outputPath: plainDir, today: TEST_SITE_NOW });
  plainBytes = indexSize(plainDir);
  const site = inject('siteUrl');
  browser = await launchBrowser();
  const page = await browser.browser.newPage();
  await mountBundle(page, site, '/pagefind-plain/', plainDir);
  await page.goto(`${site}/search/`);
  korean = await openPagefind(page, '/pagefind/', META_WEIGHTS);
  plain = await openPagefind(page, '/pagefind-plain/');
  // As the search page does: every chunk a query's prefixes reach is loaded first.
  engine = new SearchEngine(withPrefixChunks(korean, Promise.resolve(readPrefixChunkMap(join(TEST_DIST, 'pagefind')))), {
    filterKeys: { type: FILTER.type, status: FILTER.status, company: FILTER.company },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (plainDir) rmSync(plainDir, { recursive: true, force: true });
});

describe('Korean search suite (recall@5 over the shipped content)', () => {
  it('has at least 30 queries, with 초성 and English-mode ones', () => {
    expect(SUITE.length).toBeGreaterThanOrEqual(30);
    expect(SUITE.filter(([, , k]) => k === '초성').length).toBeGreaterThanOrEqual(3);
    expect(SUITE.filter(([, , k]) => k === '영문 자판').length).toBeGreaterThanOrEqual(2);
  });

  it('finds every target in the top 5, and prints the plain index beside it', async () => {
    const rows: { query: string; kind: Kind; target: string; rank: number; plainRank: number }[] = [];
    for (const [query, target, kind] of SUITE) {
      const outcome = await engine.search({ query, filters: {}, sort: 'relevance', today: TEST_SITE_NOW });
      const top = (await outcome.page(0, 5)).map((r) => r.url);
      const plainTop = (await plain.rawUrls(query)).slice(0, 5);
      rows.push({ query, kind, target, rank: top.indexOf(target) + 1, plainRank: plainTop.indexOf(target) + 1 });
    }
    const recall = rows.filter((r) => r.rank > 0).length / rows.length;
    const plainRecall = rows.filter((r) => r.plainRank > 0).length / rows.length;
    const koreanBytes = indexSize(join(TEST_DIST, 'pagefind'));
    const lines = rows.map((r) => `  ${r.rank || '✗'}\t${r.plainRank || '✗'}\t${r.kind}\t${r.query} → ${r.target}`);
    console.log(
      [
        `검색 품질: recall@5 한국어 ${recall.toFixed(2)} · 기본 Pagefind ${plainRecall.toFixed(2)} (질의 ${rows.length}개)`,
        `  순위(한국어)\t순위(기본)\t유형\t질의 → 찾아야 할 페이지`,
        ...lines,
        `색인 크기: 한국어 ${(koreanBytes / 1024).toFixed(0)} KB · 기본 ${(plainBytes / 1024).toFixed(0)} KB (×${(koreanBytes / plainBytes).toFixed(2)})`,
      ].join('\n'),
    );
    const misses = rows.filter((r) => r.rank === 0).map((r) => `${r.query} → ${r.target}`);
    expect(misses).toEqual([]);
    expect(recall).toBe(1);
    expect(koreanBytes).toBeLessThan(3 * plainBytes);
  });
});
