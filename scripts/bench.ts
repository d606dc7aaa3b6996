/**
 * `npm run bench`: build the site for N = shipped, 1,114 and 10,000 programs and print, per N:
 * build seconds (total; content check, Astro and Pagefind apart), seconds per 1,000 pages,
 * peak resident memory of the whole build process tree, dist/ and Pagefind index size,
 * gzipped JS and CSS of the home, listing and a detail page, what a throttled mobile
 * Chromium transfers for them, and the same program pages built by a bare Astro project
 * (our build time as a ratio to it), and the floor: a bare project with as many pages and
 * generated files as ours, then plain Pagefind over as many pages as ours indexes.
 *
 *   npm run bench                         # shipped, 1114, 10000
 *   BENCH_SIZES=shipped,2000 npm run bench
 *   BENCH_QUICK=1 npm run bench           # N = 1,114 only, no bare build or browser; fails only on errors
 *
 * Other switches: BENCH_BARE=0 (skip the bare build), BENCH_BROWSER=0 (skip Chromium),
 * BENCH_DIR (work folder for corpora and bench.json, default a temporary one removed at the end),
 * BENCH_KEEP=1 (keep corpora and builds; builds live in <repo>/tmp/bench-*),
 * BENCH_JSON (also write the figures there), BENCH_SITE_NOW (default 2018-05-10), BENCH_SEED,
 * BENCH_RUNS (runs per N, default 1; with more, each run is printed and then the median and range
 * of the times and ratios: this shared machine moves ±15 % between runs).
 * Timings are printed, never judged: the exit code is 1 only when a build or a check fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createBareProject, type BareProject } from './lib/bench/bare-astro.ts';
import { createCorpusRoot } from './lib/bench/corpus-root.ts';
import { dirStats, findPagefindDir, gzipSize, pageWeight, type PageWeight } from './lib/bench/dist-stats.ts';
import { parsePhases, type BuildPhases } from './lib/bench/phases.ts';
import { formatReport, type SizeResult } from './lib/bench/report.ts';
import { summarize } from './lib/bench/summary.ts';
import { runMeasured, type MeasuredRun } from './lib/bench/run-measured.ts';
import { measureTransfers, serveGzip, type Transfer } from './lib/bench/transfer.ts';

const REPO = resolve(import.meta.dirname, '..');
const quick = process.env.BENCH_QUICK === '1';
const sizes = quick ? ['1114'] : (process.env.BENCH_SIZES?.trim() || 'shipped,1114,10000').split(',').map((s) => s.trim()).filter(Boolean);
const withBare = !quick && process.env.BENCH_BARE !== '0';
const withBrowser = !quick && process.env.BENCH_BROWSER !== '0';
const siteNow = process.env.BENCH_SITE_NOW?.trim() || '2018-05-10';
const seed = process.env.BENCH_SEED?.trim() || '8';
const keep = process.env.BENCH_KEEP === '1';
/** Runs per N (BENCH_RUNS, default 1): with more, a summary of medians and ranges follows the runs. */
const runs = (() => {
  const raw = process.env.BENCH_RUNS?.trim() || '1';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_RUNS="${raw}": a whole number ≥ 1`);
  return quick ? 1 : n;
})();
const work = process.env.BENCH_DIR?.trim() ? resolve(process.env.BENCH_DIR.trim()) : mkdtempSync('/tmp/sangsaeng-bench-');
mkdirSync(work, { recursive: true });
/**
 * Build outputs go inside the repository (tmp/ is git-ignored): Astro keeps its prerender
 * chunks in <outDir>/.prerender only when outDir lies under the working directory, and
 * otherwise in the shared <repo>/.astro/.prerender, where a concurrent build deletes them.
 */
mkdirSync(join(REPO, 'tmp'), { recursive: true });
const builds = mkdtempSync(join(REPO, 'tmp', 'bench-'));

/** First line: the machine, so figures are read against it. */
function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`;
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

/** Slugs of the programs the build must have given a page. */
function programSlugs(contentRoot: string): string[] {
  const dir = join(contentRoot, 'programs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)).sort();
}

/**
 * Build a bare project (the yardstick or the floor), then run plain Pagefind over its output.
 * A failed Astro build is an error in `errors` (undefined); a failed Pagefind run is its exit code.
 */
async function buildBare(project: BareProject, label: string, errors: string[]): Promise<{ run: MeasuredRun; pagefind: MeasuredRun } | undefined> {
  const run = await runMeasured(project.command[0], project.command.slice(1), { cwd: project.root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (run.code !== 0) {
    errors.push(`${label} Astro build exited with ${run.code}:\n${run.lines.slice(-20).map((l) => `    ${l.text}`).join('\n')}`);
    return undefined;
  }
  const pagefind = await runMeasured(process.execPath, [join(REPO, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', project.outDir], { cwd: project.root, env: process.env });
  return { run, pagefind };
}

/** Generated files of ours that are not pages: calendars, feeds and exports (the folders their routes write). */
const GENERATED_FOLDERS = ['calendar', 'rss', 'data'];

/**
 * The floor (scripts/lib/bench/bare-astro.ts): a bare Astro project with as many pages and
 * generated files as our build, our public folder, then plain Pagefind over as many pages as ours indexes.
 */
async function buildFloor(size: string, contentRoot: string, publicDir: string, dist: string, pagefindDir: string, ours: SizeResult): Promise<SizeResult['floor']> {
  const same = {
    pages: ours.pages!,
    files: GENERATED_FOLDERS.reduce((n, folder) => n + dirStats(join(dist, folder)).files, 0),
    indexed: existsSync(join(pagefindDir, 'fragment')) ? readdirSync(join(pagefindDir, 'fragment')).length : 0,
    publicDir,
  };
  const floor = createBareProject(join(builds, `floor-${size}`), REPO, contentRoot, same);
  log(`building the floor for ${size} (${same.pages} pages, ${same.files} generated files, ${same.indexed} indexed) …`);
  try {
    const built = await buildBare(floor, 'floor', ours.errors);
    if (!built) return undefined;
    const { run, pagefind: pf } = built;
    if (pf.code !== 0) {
      ours.errors.push(`plain Pagefind over the floor exited with ${pf.code}`);
      return undefined;
    }
    const stats = dirStats(floor.outDir);
    const indexed = readdirSync(join(floor.outDir, 'pagefind', 'fragment')).length;
    return { ...same, builtPages: stats.html, builtIndexed: indexed, seconds: run.ms / 1000, cpuSeconds: run.cpuSeconds, pagefindSeconds: pf.ms / 1000, pagefindCpuSeconds: pf.cpuSeconds };
  } finally {
    if (!keep) rmSync(floor.root, { recursive: true, force: true });
  }
}

/** One run of N = `size` (the browser measures only the first: page weights do not change between runs). */
async function benchSize(size: string, run = 1): Promise<SizeResult> {
  const result: SizeResult = { size, errors: [], ...(runs > 1 ? { run, runs } : {}) };
  let contentRoot = join(REPO, 'content');
  let publicDir = join(REPO, 'public');
  if (size !== 'shipped') {
    const n = Number(size);
    if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_SIZES: "${size}" is not shipped or a positive integer`);
    const root = join(work, `corpus-${n}`);
    const started = performance.now();
    const manifest = createCorpusRoot(root, { programs: n, seed, siteNow }, REPO);
    result.corpusSeconds = (performance.now() - started) / 1000;
    contentRoot = manifest.env.CONTENT_ROOT;
    publicDir = manifest.env.PUBLIC_DIR;
    log(`corpus ${n}: ${Object.entries(manifest.counts).map(([k, v]) => `${k} ${v}`).join(', ')} (${result.corpusSeconds.toFixed(1)}s)`);
  }
  const slugs = programSlugs(contentRoot);
  result.programs = slugs.length;
  const dist = join(builds, `dist-${size}`);
  const cache = join(builds, `astro-cache-${size}`);
  rmSync(dist, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });

  log(`building ${size} (${slugs.length} programs) …`);
  const env = {
    ...process.env, CONTENT_ROOT: contentRoot, PUBLIC_DIR: publicDir, SITE_NOW: siteNow,
    DIST_DIR: dist, ASTRO_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1',
  };
  const ours = await runMeasured(process.execPath, ['scripts/build.ts'], { cwd: REPO, env });
  result.buildSeconds = ours.ms / 1000;
  result.buildCpuSeconds = ours.cpuSeconds;
  result.peakRss = ours.peakRss;
  if (ours.code !== 0) {
    result.errors.push(`build exited with ${ours.code}:\n${ours.lines.slice(-40).map((l) => `    ${l.text}`).join('\n')}`);
    return result;
  }
  const phases: BuildPhases = parsePhases(ours.lines);
  result.phases = phases;
  const stats = dirStats(dist);
  result.distBytes = stats.bytes;
  result.pages = stats.html;
  const pagefindDir = findPagefindDir(dist);
  if (pagefindDir) result.pagefindBytes = dirStats(pagefindDir).bytes;
  else result.errors.push('no Pagefind index in the build output (pagefind/pagefind.js missing)');

  const missing = slugs.filter((slug) => !existsSync(join(dist, 'programs', slug, 'index.html')));
  if (missing.length > 0) result.errors.push(`${missing.length} program pages missing, e.g. /programs/${missing[0]}/`);

  const detail = slugs.length > 0 ? `/programs/${slugs[0]}/` : undefined;
  const weights: PageWeight[] = [];
  for (const path of ['/', '/programs/', ...(detail ? [detail] : [])]) {
    try {
      weights.push(pageWeight(dist, path));
    } catch (e) {
      result.errors.push(`cannot read ${path}: ${(e as Error).message}`);
    }
  }
  result.weights = weights;
  // What "every program" weighs, for comparison with what a filtered listing downloads.
  const allPrograms = join(dist, 'data', 'programs.json');
  if (existsSync(allPrograms)) result.allProgramsJsonGz = gzipSize(readFileSync(allPrograms));

  if (withBrowser && run === 1) {
    const server = await serveGzip(dist);
    try {
      // Two filtered listings: one narrow (분야 + 지역) and one that touches every 분야 (지역 only).
      const filtered = [`/programs/?field=${encodeURIComponent('교육지원')}&region=${encodeURIComponent('서울')}`, `/programs/?region=${encodeURIComponent('부산')}`];
      const paths = ['/', '/programs/', detail ?? '/', ...filtered];
      const transfers: Transfer[] = await measureTransfers(server.url, paths, {
        resultSelector: 'main a[href^="/programs/"]:not([href="/programs/"]):not([href^="/programs/past"]):not([href^="/programs/match"]):not([href*="?"])',
      });
      result.transfers = transfers;
    } catch (e) {
      log(`browser measurement skipped: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await server.close();
    }
  }

  if (withBare && slugs.length > 0) {
    const bare = createBareProject(join(builds, `bare-${size}`), REPO, contentRoot);
    log(`building bare Astro for ${size} …`);
    const built = await buildBare(bare, 'bare', result.errors);
    if (built) {
      const { run, pagefind: pf } = built;
      result.bare = { seconds: run.ms / 1000, cpuSeconds: run.cpuSeconds, pages: dirStats(bare.outDir).html, peakRss: run.peakRss };
      // Plain Pagefind over the bare pages, for orientation (what indexing costs without our Korean layer).
      if (pf.code === 0) {
        result.bare.pagefindSeconds = pf.ms / 1000;
        result.bare.pagefindCpuSeconds = pf.cpuSeconds;
      }
    }
    if (!keep) rmSync(bare.root, { recursive: true, force: true });
    if (result.pages !== undefined && pagefindDir) result.floor = await buildFloor(size, contentRoot, publicDir, dist, pagefindDir, result);
  }
  if (!keep) {
    rmSync(dist, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  return result;
}

const loadAtStart = loadavg()[0];
const results: SizeResult[] = [];
log(`work folder ${work}; sizes ${sizes.join(', ')}${quick ? ' (quick)' : ''}`);
for (const size of sizes) {
  for (let run = 1; run <= runs; run++) {
    if (runs > 1) log(`N = ${size}: run ${run} of ${runs}`);
    try {
      results.push(await benchSize(size, run));
    } catch (e) {
      results.push({ size, errors: [(e as Error).stack ?? String(e)] });
    }
  }
}
// Wall times mean little when other work shares the cores: say how busy the machine was.
const load = `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`;
const header = `상생누리 bench — ${new Date().toISOString().slice(0, 10)} — ${machine()} — ${load}`;
console.log(formatReport(header, results));
if (runs > 1) for (const size of sizes) console.log(summarize(results.filter((r) => r.size === size)));
const json = JSON.stringify({ date: new Date().toISOString(), machine: machine(), load, siteNow, seed, results }, null, 2);
writeFileSync(join(work, 'bench.json'), json);
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, json);
if (!keep) {
  rmSync(builds, { recursive: true, force: true });
  // A work folder of our own goes entirely (the figures are printed, and in BENCH_JSON when asked).
  if (!process.env.BENCH_DIR?.trim()) rmSync(work, { recursive: true, force: true });
}
const failed = results.filter((r) => r.errors.length > 0);
if (failed.length > 0) {
  for (const r of failed) for (const e of r.errors) console.error(`[bench] ${r.size}: ${e}`);
  process.exit(1);
}
