/**
 * The bench in its reduced CI form (BENCH_QUICK=1: N = 1,114 generated programs, no bare
 * build, no browser). It fails only on errors — the build failing, a program without its
 * page, no Pagefind index — never on timings; the figures are printed for the CI log.
 * And the floor (shipped content, no browser): it must build and index what ours did.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { SizeResult } from '../../scripts/lib/bench/report.ts';

const ROOT = resolve(import.meta.dirname, '../..');

it('builds the 1,114-program corpus and reports its figures', { timeout: 600_000 }, () => {
  const run = spawnSync(process.execPath, ['scripts/bench.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_QUICK: '1', BENCH_DIR: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = run.stdout;
  console.log(report);
  expect(run.status, `${run.stderr.split('\n').filter((l) => l.startsWith('[bench]')).join('\n')}\n${run.stderr.slice(-3000)}`).toBe(0);
  expect(report).toMatch(/== N = 1114\n/);
  expect(report).toMatch(/programs \/ HTML pages\s+1114 \/ \d+/);
  expect(report).toMatch(/Pagefind index size\s+\d+(\.\d+)? MB/);
});

it('builds the floor with as many pages as ours and indexes as many of them', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const json = join(dir, 'bench.json');
  const run = spawnSync(process.execPath, ['scripts/bench.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_SIZES: 'shipped', BENCH_BROWSER: '0', BENCH_JSON: json, BENCH_DIR: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.status, run.stderr.slice(-3000)).toBe(0);
  const [result] = (JSON.parse(readFileSync(json, 'utf8')) as { results: SizeResult[] }).results;
  rmSync(dir, { recursive: true, force: true });
  const floor = result.floor!;
  expect(floor.builtPages).toBe(result.pages);
  expect(floor.pages).toBe(result.pages);
  // Our calendars, feeds and exports, one small file each in the floor.
  expect(floor.files).toBeGreaterThan(100);
  expect(floor.builtIndexed).toBe(floor.indexed);
  expect(floor.indexed).toBeGreaterThan(result.programs!);
  expect(floor.indexed).toBeLessThan(result.pages!);
  expect(run.stdout).toMatch(/floor ÷ bare Astro\s+\d+\.\d\d× wall \(Astro alone \d+\.\d\d×\)/);
  expect(run.stdout).toMatch(/ours ÷ floor\s+\d+\.\d\d× wall/);
});
