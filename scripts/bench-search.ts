/**
 * `npm run bench:search`: what search costs a visitor, measured in Chromium on the
 * real search page: index size on disk (Korean layer and plain, so the growth shows),
 * bytes the first query fetches, bytes per later query (from typing it: the page starts fetching
 * its index chunks then) and query latency p50/p95 (from pressing Enter to results on screen,
 * `performance.measure('search-query')`; the query is typed with one `fill`, so Enter follows
 * within milliseconds, as after a paste), once with index chunks still to fetch and once with
 * them cached, in a fresh browser `BENCH_SEARCH_RUNS` times (default 3; each query's figure is
 * its median over the runs), from a static server in a process of its own; whether each query
 * showed as many results as Pagefind finds with every index chunk loaded; and Pagefind's own
 * search time per query with every chunk loaded (the floor under the page's latency).
 *
 *   npm run bench:search                         # shipped content (builds into a temp folder)
 *   SITE_DIR=dist npm run bench:search           # an existing build
 *   CONTENT_ROOT=/tmp/corpus-10000 PUBLIC_DIR=/tmp/corpus-10000/.public npm run bench:search
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex, indexSize } from '../src/integrations/pagefind-index.ts';
import { contentRoot } from '../src/schemas/index.ts';
import { readPrefixChunkMap } from '../src/integrations/pagefind-prefix-chunks.ts';
import { chunkProbes } from '../src/lib/search/prefix-chunks.ts';
import { META_WEIGHTS } from '../src/lib/search/meta-keys.ts';
import { planQuery } from '../src/lib/search/query.ts';
import { launchBrowser, type Page } from '../tests/helpers/browser.ts';
import { serveStaticProcess } from './lib/static-server.ts';

const QUERIES = [
  '협력', '중소기업', '교육', '기술', '판로', '지원사업', '컨설팅', '특허', '해외', '수자원', '발전', '전자', '상생협력',
  '품질', '인력', '금융', '마케팅', '스마트', '중소기업을', '기술지원', '프로그램', '공모', '설명회', '구매상담회', '임치',
  'ㅅㅅㄴㄹ', 'tkdtodsnfl', '2018년', '에너지', '온라인 교육',
];
const siteNow = process.env.SITE_NOW?.trim() || '2018-05-10';
const work = mkdtempSync(join(tmpdir(), 'bench-search-'));

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const full = join(dir, name);
    return n + (statSync(full).isDirectory() ? dirBytes(full) : statSync(full).size);
  }, 0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Fresh pages the queries are measured in (`BENCH_SEARCH_RUNS`, default 3). */
const RUNS = Math.max(1, Number(process.env.BENCH_SEARCH_RUNS) || 3);

interface Measured {
  query: string;
  /** Enter → the first page of results on screen. */
  ms: number;
  /** Enter → the ranked list known (Pagefind's search with its index chunks, and our ordering). */
  rankedMs: number;
  /** Enter → the first page's excerpt fragments loaded (before rendering and its font slices). */
  excerptsMs: number;
  /** First page on screen → the facet counts on screen. */
  facetsAfterMs: number;
  /** The query typed → Enter (the page fetches its index chunks from the moment it is typed). */
  typedMs: number;
  bytes: number;
  withFacets: number;
  total: number;
}
interface Counted {
  query: string;
  shown: number;
  complete: number;
  /** Pagefind's own search alone, every chunk loaded. */
  pagefindMs: number;
}
interface Run {
  cold: Measured[];
  warm: number[];
  /** Per query: the count the page showed, and Pagefind's count and time with every index chunk loaded. */
  counts?: Counted[];
}

/** The words the engine searched for a query whose status line reads `status` (particle stripped, English mode retried). */
function searchedTerm(query: string, status: string): string {
  const retried = status.match(/대신 한글 ‘([^’]+)’/)?.[1];
  const plan = planQuery(retried ?? query);
  return plan.stripped ?? plan.text;
}

/** Per query, what a third copy of Pagefind on the page finds with every index chunk loaded. */
interface Complete {
  /** Results: what the page must show if no word a query's prefix reaches is missed. */
  count: number;
  /** Pagefind's own search alone (nothing left to fetch; median of three). */
  ms: number;
}

/**
 * Each query's result count and search time from a third copy of Pagefind on the page with every
 * index chunk loaded (`probes`: a word for each chunk, from the build's prefix chunk map), set up as
 * the page's results copy is (on the page, the site's ranking weights): the floor under the page's
 * latency that no code of ours can lower.
 */
async function completeSearches(page: Page, probes: string[], terms: string[]): Promise<Complete[]> {
  return page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js?complete');
    await pf.options({ noWorker: true, ranking: { metaWeights: ${JSON.stringify(META_WEIGHTS)} } });
    await pf.preload(${JSON.stringify(probes.join(' '))});
    const out = [];
    for (const term of ${JSON.stringify(terms)}) {
      const times = [];
      let count = 0;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        count = (await pf.search(term))?.results.length ?? 0;
        times.push(performance.now() - started);
      }
      out.push({ count, ms: times.sort((a, b) => a - b)[1] });
    }
    return out;
  })()`) as Promise<Complete[]>;
}

/**
 * One fresh search page: every query once (chunks to fetch), then again (cached); with
 * `everyChunk` (a word per index chunk), then each query's count against Pagefind with every
 * chunk loaded.
 */
async function measureRun(origin: string, everyChunk?: string[]): Promise<Run> {
  // A browser of its own: a page of the same browser would find the chunks in its HTTP cache.
  const browser = await launchBrowser();
  const page = await browser.browser.newPage();
  try {
    // The facet copy of Pagefind fetches from a worker: count every response under /pagefind/
    // for the total; the bytes until results are on screen come from the page's own resource
    // timing (the results copy runs on the page), so facet fetches started later are not counted.
    let fetched = 0;
    page.on('requestfinished', async (request) => {
      if (!request.url().includes('/pagefind/')) return;
      const sizes = await request.sizes().catch(() => undefined);
      fetched += sizes?.responseBodySize ?? 0;
    });
    await page.goto(`${origin}/search/`);
    await page.evaluate(() => performance.setResourceTimingBufferSize(100_000));
    const input = page.locator('[data-search-input]');
    let first = true;
    const statuses = new Map<string, string>();
    const measure = async (query: string): Promise<Measured> => {
      const before = await page.evaluate(() => [document.documentElement.dataset.searchDone ?? '', performance.getEntriesByName('search-query').length] as const);
      fetched = 0;
      // The page starts fetching a query's index chunks as it is typed: bytes count from here.
      const typedAt = await page.evaluate(() => performance.now());
      await input.fill(query);
      await input.press('Enter');
      // Results on screen (the measure is taken then); facets may still be loading.
      await page.waitForFunction((n) => performance.getEntriesByName('search-query').length > n, before[1], { timeout: 60_000 });
      await page.waitForFunction((prev) => (document.documentElement.dataset.searchDone ?? '') !== prev, before[0], { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const run = await page.evaluate(({ first, typedAt }) => {
        const last = (name: string) => performance.getEntriesByName(name).at(-1)?.duration ?? Number.NaN;
        const start = performance.getEntriesByName('search-start').at(-1)?.startTime ?? 0;
        const shown = start + last('search-query');
        // From typing the query (the first query: from opening the page, as focusing the box
        // already starts loading Pagefind) until the results are shown.
        const since = first ? 0 : typedAt;
        const bytes = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.includes('/pagefind/') && r.startTime >= since && r.startTime <= shown)
          .reduce((n, r) => n + r.encodedBodySize, 0);
        const status = document.querySelector('[data-search-status]')?.textContent ?? '';
        return { ms: last('search-query'), rankedMs: last('search-ranked'), excerptsMs: last('search-excerpts'), facetsAfterMs: last('search-facets') - last('search-query'), typedMs: start - typedAt, bytes, status, total: Number(status.match(/([\d,]+)건/)?.[1]?.replace(/,/g, '') ?? 0) };
      }, { first, typedAt });
      first = false;
      statuses.set(query, run.status);
      return { query, ms: run.ms, rankedMs: run.rankedMs, excerptsMs: run.excerptsMs, facetsAfterMs: run.facetsAfterMs, typedMs: run.typedMs, bytes: run.bytes, total: run.total, withFacets: fetched };
    };
    const cold: Measured[] = [];
    for (const query of QUERIES) cold.push(await measure(query));
    // Second pass: every chunk is loaded, so this is the search and rendering alone.
    const warm: number[] = [];
    for (const query of QUERIES.slice(1)) warm.push((await measure(query)).ms);
    if (!everyChunk) return { cold, warm };
    const complete = await completeSearches(page, everyChunk, QUERIES.map((q) => searchedTerm(q, statuses.get(q) ?? '')));
    return { cold, warm, counts: QUERIES.map((query, i) => ({ query, shown: cold[i].total, complete: complete[i].count, pagefindMs: complete[i].ms })) };
  } finally {
    await browser.close();
  }
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
}

/** Whether each query showed every page Pagefind finds with all its index chunks loaded. */
function countsLine(counts: Counted[]): string {
  const off = counts.filter((c) => c.shown !== c.complete);
  const head = `  결과 수: 모든 색인 조각을 읽은 Pagefind와 같음 ${counts.length - off.length}/${counts.length}`;
  return off.length ? `${head} — 다름: ${off.map((c) => `${c.query} ${c.shown}건 (전체 ${c.complete}건)`).join(', ')}` : head;
}

/**
 * Pagefind's own search time over the later queries, every chunk loaded: the part of the latency
 * that is Pagefind's WASM search and its result list alone, before any fetch or code of ours.
 */
function pagefindLine(counts: Counted[]): string[] {
  if (counts.length === 0) return [];
  const times = counts.map((c) => c.pagefindMs).sort((a, b) => a - b);
  const over = counts.filter((c) => c.pagefindMs >= 100).map((c) => `${c.query} ${c.pagefindMs.toFixed(0)} ms`);
  return [
    `  Pagefind 검색만 (이후 검색 ${counts.length}개, 모든 색인 조각을 읽은 뒤, 페이지와 같은 설정, 3회 중앙값): p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms`,
    `    100 ms 이상 ${over.length}개${over.length ? `: ${over.join(', ')}` : ''}`,
  ];
}

/** Print one protocol's figures: per query the median over the runs, and every sample. */
function report(runs: Run[], runtime: { raw: number; gzip: number }): void {
  // Per query, the median over the runs (one slow moment of a shared machine is not the query's cost).
  const perQuery = QUERIES.map((query, i) => ({
    query,
    ms: median(runs.map((run) => run.cold[i].ms)),
    rankedMs: median(runs.map((run) => run.cold[i].rankedMs)),
    excerptsMs: median(runs.map((run) => run.cold[i].excerptsMs)),
    facetsAfterMs: median(runs.map((run) => run.cold[i].facetsAfterMs)),
    typedMs: median(runs.map((run) => run.cold[i].typedMs)),
    warm: i === 0 ? 0 : median(runs.map((run) => run.warm[i - 1])),
    bytes: runs[0].cold[i].bytes,
    withFacets: runs[0].cold[i].withFacets,
    total: runs[0].cold[i].total,
  }));
  const [first, ...rest] = perQuery;
  const times = rest.map((r) => r.ms).sort((a, b) => a - b);
  const warmTimes = rest.map((r) => r.warm).sort((a, b) => a - b);
  const allTimes = runs.flatMap((run) => run.cold.slice(1).map((c) => c.ms)).sort((a, b) => a - b);
  const allWarm = runs.flatMap((run) => run.warm).sort((a, b) => a - b);
  const ranked = rest.map((r) => r.rankedMs).sort((a, b) => a - b);
  const excerpts = rest.map((r) => r.excerptsMs).sort((a, b) => a - b);
  const facetsAfter = rest.map((r) => r.facetsAfterMs).sort((a, b) => a - b);
  const restBytes = rest.map((r) => r.bytes);
  const typed = rest.map((r) => r.typedMs).sort((a, b) => a - b);
  const spread = (xs: number[]) => `모든 측정 ${xs.length}개: p50 ${percentile(xs, 50).toFixed(1)} ms · p95 ${percentile(xs, 95).toFixed(1)} ms · 최대 ${xs[xs.length - 1].toFixed(1)} ms`;
  console.log(
    [
      `  첫 검색 ‘${first.query}’: 결과까지 ${kb(first.bytes)} 내려받음 (pagefind.js·WASM 포함; JS·WASM·JSON을 gzip으로 주는 호스트에서는 ${kb(first.bytes - runtime.raw + runtime.gzip)}), ${first.ms.toFixed(0)} ms, 결과 ${first.total}건`,
      `    이어서 필터(패싯) 데이터까지: ${kb(first.withFacets)}`,
      `  이후 검색 ${rest.length}개 (새 색인 조각 내려받기 포함): 지연 p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms`,
      `    (${spread(allTimes)})`,
      `    그중 순위 목록까지 (검색·색인 조각 포함, 발췌 조각 전): p50 ${percentile(ranked, 50).toFixed(1)} ms · p95 ${percentile(ranked, 95).toFixed(1)} ms`,
      `    그중 첫 쪽 발췌 조각까지 (그리기·글꼴 조각 전): p50 ${percentile(excerpts, 50).toFixed(1)} ms · p95 ${percentile(excerpts, 95).toFixed(1)} ms`,
      `    필터(패싯) 수는 결과가 보인 뒤: p50 ${percentile(facetsAfter, 50).toFixed(1)} ms · p95 ${percentile(facetsAfter, 95).toFixed(1)} ms 더`,
      `  같은 검색 다시 (조각 캐시됨): 지연 p50 ${percentile(warmTimes, 50).toFixed(1)} ms · p95 ${percentile(warmTimes, 95).toFixed(1)} ms`,
      `    (${spread(allWarm)})`,
      `    (검색어 입력 → Enter: p50 ${percentile(typed, 50).toFixed(1)} ms · 최대 ${typed[typed.length - 1].toFixed(1)} ms — 그동안 페이지는 입력된 검색어의 색인 조각을 이미 받기 시작함)`,
      `  이후 검색당 내려받음 (입력부터): 평균 ${kb(restBytes.reduce((a, b) => a + b, 0) / restBytes.length)} · 최대 ${kb(Math.max(...restBytes))}`,
      countsLine(runs[0].counts ?? []),
      ...pagefindLine(runs[0].counts?.slice(1) ?? []),
      `    검색어        처음(중앙값) (순위 목록 · 발췌)   다시   내려받음  결과   Pagefind만`,
      ...perQuery.map((r, i) => `    ${r.query.padEnd(12)} ${r.ms.toFixed(1).padStart(7)} ms (${r.rankedMs.toFixed(1).padStart(6)} · ${r.excerptsMs.toFixed(1).padStart(6)} ms) ${(r.warm ? `${r.warm.toFixed(1)} ms` : '').padStart(9)} ${kb(r.bytes).padStart(8)} ${String(r.total).padStart(6)}건 ${(runs[0].counts?.[i] ? `${runs[0].counts[i].pagefindMs.toFixed(1)} ms` : '').padStart(10)}`),
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  let siteDir = process.env.SITE_DIR?.trim() ? resolve(process.env.SITE_DIR.trim()) : '';
  if (!siteDir) {
    siteDir = join(work, 'site');
    console.log(`[bench:search] ${contentRoot()} 를 ${siteDir} 에 빌드합니다 (SITE_NOW=${siteNow})`);
    execFileSync(process.execPath, ['scripts/build.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, SITE_NOW: siteNow, DIST_DIR: siteDir, ASTRO_CACHE_DIR: join(work, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
  }
  const koreanBytes = indexSize(join(siteDir, 'pagefind'));
  const bundleBytes = dirBytes(join(siteDir, 'pagefind'));
  const plain = await buildSearchIndex({ siteDir, contentDir: contentRoot(), publicDir: process.env.PUBLIC_DIR?.trim() || 'public', korean: false, outputPath: join(work, 'plain'), today: siteNow });
  const { indexBytes: plainBytes, pages } = plain;

  // pagefind.js, the WASM and the prefix chunk map are plain files a static host usually gzips; pf_*
  // files are gzip already. The results copy of Pagefind runs on the page: the first query loads
  // pagefind.js and the WASM, not the worker.
  const runtimeFiles = readdirSync(join(siteDir, 'pagefind')).filter((n) => /^(?:pagefind\.js|wasm\.[a-z]+\.pagefind|prefix-chunks\.[\w-]+\.json)$/.test(n));
  const runtime = runtimeFiles.reduce(
    (acc, n) => {
      const body = readFileSync(join(siteDir, 'pagefind', n));
      return { raw: acc.raw + body.length, gzip: acc.gzip + gzipSync(body).length };
    },
    { raw: 0, gzip: 0 },
  );
  console.log(
    [
      `검색 벤치마크 (${contentRoot()}, 색인된 페이지 ${pages.toLocaleString('ko-KR')}개, SITE_NOW=${siteNow}; 새 브라우저로 ${RUNS}회, 검색어별 중앙값)`,
      `  색인 크기 (pf_index/pf_fragment/pf_filter/pf_meta): 한국어 ${kb(koreanBytes)} · 기본 ${kb(plainBytes)} · 증가 ×${(koreanBytes / plainBytes).toFixed(2)}`,
      `  /pagefind/ 전체 (JS·WASM 포함): ${kb(bundleBytes)}`,
    ].join('\n'),
  );
  // The server is a process of its own, as a host is: this one is busy driving the browser.
  const server = await serveStaticProcess(siteDir);
  try {
    const runs: Run[] = [];
    const everyChunk = chunkProbes(readPrefixChunkMap(join(siteDir, 'pagefind')));
    for (let r = 0; r < RUNS; r++) runs.push(await measureRun(server.url, r === 0 ? everyChunk : undefined));
    report(runs, runtime);
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
