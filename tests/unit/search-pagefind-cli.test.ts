/**
 * Pagefind's command-line indexer as the build runs it: one process per shard, found where the
 * `pagefind` package installed it, and a failed run that fails the index with Pagefind's words and
 * leaves no half-written index or search documents behind.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { pagefindBinary, runPagefind } from '../../src/integrations/pagefind-cli.ts';
import { buildSearchIndex, shardProcessesFromEnv } from '../../src/integrations/pagefind-index.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/search-site');
const dirs: string[] = [];
function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), name));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Run `fn` with environment variables set, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('Pagefind processes at once', () => {
  it('runs two where there are two cores or more, one on a single core', () => {
    expect(shardProcessesFromEnv({}, 1)).toBe(1);
    expect(shardProcessesFromEnv({}, 2)).toBe(2);
    expect(shardProcessesFromEnv({}, 16)).toBe(2);
  });

  it('takes SEARCH_SHARD_PROCESSES when it is a whole number ≥ 1', () => {
    expect(shardProcessesFromEnv({ SEARCH_SHARD_PROCESSES: ' 3 ' }, 2)).toBe(3);
    expect(() => shardProcessesFromEnv({ SEARCH_SHARD_PROCESSES: '0' }, 2)).toThrow(/SEARCH_SHARD_PROCESSES="0": 1 이상의 정수/);
    expect(() => shardProcessesFromEnv({ SEARCH_SHARD_PROCESSES: 'two' }, 2)).toThrow(/SEARCH_SHARD_PROCESSES="two"/);
  });
});

describe('the Pagefind binary', () => {
  it('is the one the pagefind package installed for this platform', () => {
    const binary = pagefindBinary({});
    expect(binary).toMatch(/@pagefind[\\/][a-z0-9]+-[a-z0-9]+[\\/]bin[\\/]pagefind(_extended)?(\.exe)?$/);
    expect(() => accessSync(binary, constants.X_OK)).not.toThrow();
  });

  it('is the one named by PAGEFIND_EXTENDED_BINARY_PATH or PAGEFIND_BINARY_PATH when set', () => {
    expect(pagefindBinary({ PAGEFIND_BINARY_PATH: '/opt/pf' })).toBe('/opt/pf');
    expect(pagefindBinary({ PAGEFIND_BINARY_PATH: '/opt/pf', PAGEFIND_EXTENDED_BINARY_PATH: '/opt/pfx' })).toBe('/opt/pfx');
    expect(pagefindBinary({ PAGEFIND_BINARY_PATH: '  ' })).not.toBe('  ');
  });
});

describe('one Pagefind run', () => {
  it('indexes a folder of pages as Korean', async () => {
    const work = tempDir('pagefind-run-');
    mkdirSync(join(work, 'site', 'a'), { recursive: true });
    writeFileSync(join(work, 'site', 'a', 'index.html'), '<html lang="en"><body><main data-pagefind-body><h1>상생협력 프로그램</h1></main></body></html>');
    writeFileSync(join(work, 'site', 'index.html'), '<html><body><main data-pagefind-body><h1>기술보호</h1></main></body></html>');
    await runPagefind({ site: join(work, 'site'), outputPath: join(work, 'out'), cwd: work });
    const entry = JSON.parse(readFileSync(join(work, 'out', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['ko']);
    expect(entry.languages.ko.page_count).toBe(2);
  });

  it('fails naming the folder and what Pagefind said when there is nothing to index', async () => {
    const work = tempDir('pagefind-run-');
    mkdirSync(join(work, 'site'));
    writeFileSync(join(work, 'site', 'notes.txt'), '색인할 HTML 없음');
    const run = runPagefind({ site: join(work, 'site'), outputPath: join(work, 'out'), cwd: work, language: 'ko' });
    await expect(run).rejects.toThrow(new RegExp(`Pagefind가 ${join(work, 'site')} 를 색인하지 못했습니다 \\(종료 코드 1\\): Error: Pagefind was not able to build an index\\. / Most likely`));
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('fails naming the binary when it cannot be started', async () => {
    const work = tempDir('pagefind-run-');
    const run = withEnv({ PAGEFIND_EXTENDED_BINARY_PATH: join(work, 'no-such-pagefind') }, () =>
      runPagefind({ site: work, outputPath: join(work, 'out'), cwd: work }),
    );
    await expect(run).rejects.toThrow(/Pagefind 실행 실패 \(.*no-such-pagefind\): .*ENOENT/);
  });
});

describe('a shard whose Pagefind run fails', () => {
  it('fails the index with every failure named, and leaves no shard index or search documents', async () => {
    const work = tempDir('pagefind-fail-');
    cpSync(join(FIXTURE, 'site'), join(work, 'site'), { recursive: true });
    // Pagefind itself for every shard but the second, which writes part of its index, prints an
    // error and exits 3, the way a crashed run ends (Pagefind runs in the shard's folder).
    const fake = join(work, 'pagefind-fails');
    writeFileSync(
      fake,
      `#!/bin/sh\ncase "$PWD" in\n  */shard-1) mkdir -p "$4" && echo partial > "$4/pagefind-entry.json"; echo "Error: simulated crash in $PWD" >&2; exit 3;;\nesac\nexec '${pagefindBinary({})}' "$@"\n`,
      { mode: 0o755 },
    );
    const scratch = join(work, 'scratch');
    mkdirSync(scratch);
    const outputPath = join(work, 'index');
    const build = withEnv({ PAGEFIND_EXTENDED_BINARY_PATH: fake }, () =>
      buildSearchIndex({ siteDir: join(work, 'site'), contentDir: join(FIXTURE, 'content'), publicDir: join(FIXTURE, 'public'), today: '2026-03-01', korean: true, outputPath, shardPages: 2, processes: 2, scratch }),
    );
    await expect(build).rejects.toThrow(/Pagefind가 .*색인하지 못했습니다.*종료 코드 3.*simulated crash/s);
    expect(existsSync(join(outputPath, '.shards'))).toBe(false);
    expect(existsSync(join(outputPath, 'pagefind-entry.json'))).toBe(false);
    expect(readdirSync(scratch)).toEqual([]);
  });
});

describe('a build that ends while shards are being indexed', () => {
  it('leaves no search documents behind (they may be in /dev/shm, in memory)', () => {
    const work = tempDir('pagefind-exit-');
    const scratch = join(work, 'scratch');
    mkdirSync(scratch);
    cpSync(join(FIXTURE, 'site'), join(work, 'site'), { recursive: true });
    // A process that opens an index, hands it pages (one Pagefind run starts) and then fails, as a
    // build does when another hook throws; it never finishes or abandons the index.
    const script = join(work, 'fail.ts');
    writeFileSync(
      script,
      `import { readFileSync, readdirSync } from 'node:fs';
import { SearchIndexer } from ${JSON.stringify(pathToFileURL(resolve(import.meta.dirname, '../../src/integrations/pagefind-index.ts')).href)};
const indexer = await SearchIndexer.open({ siteDir: ${JSON.stringify(join(work, 'site'))}, contentDir: ${JSON.stringify(join(FIXTURE, 'content'))}, publicDir: ${JSON.stringify(join(FIXTURE, 'public'))}, today: '2026-03-01', korean: true, outputPath: ${JSON.stringify(join(work, 'index'))}, shardPages: 2, processes: 1, scratch: ${JSON.stringify(scratch)} });
for (const rel of ['programs/2018-water-week/index.html', 'programs/2017-water-week/index.html', 'companies/kwater/index.html']) await indexer.add(rel, readFileSync(${JSON.stringify(join(work, 'site'))} + '/' + rel, 'utf8'));
console.log(readdirSync(${JSON.stringify(scratch)}).length);
process.exit(1);
`,
    );
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout.trim()).toBe('1');
    expect(readdirSync(scratch)).toEqual([]);
  });
});
