/**
 * The bench in its reduced CI form (BENCH_QUICK=1: N = 1,114 generated programs, no bare
 * build, no browser). It fails only on errors — the build failing, a program without its
 * page, no Pagefind index — never on timings; the figures are printed for the CI log.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

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
