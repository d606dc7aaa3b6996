/**
 * Failed builds lose nothing. `npm run build` (scripts/build.ts) over a small fixture content
 * tree (CONTENT_ROOT/PUBLIC_DIR) into a temp DIST_DIR: a good build, then a bad file → exit 1,
 * the error lines, and DIST_DIR byte-identical to before; a failure inside Astro (after
 * validation passed) also leaves it untouched; a live lock refuses a second build; leftovers of
 * a killed build are cleaned, and so is an interrupted one. The good build also shows editor HTML sanitised in real pages.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'atomic-build-'));
const content = join(work, 'content');
const publicDir = join(work, 'public');
const dist = join(work, 'out', 'dist');

function build(extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env, CONTENT_ROOT: content, PUBLIC_DIR: publicDir, DIST_DIR: dist, SITE_NOW: '2018-05-10',
      ASTRO_CACHE_DIR: join(work, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv,
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file of a folder with the SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const siblings = () => readdirSync(join(work, 'out')).sort();

let first: ReturnType<typeof build>;
let before: Record<string, string>;

beforeAll(() => {
  cpSync(join(ROOT, 'tests/fixtures/validation-base/content'), content, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/validation-base/public'), publicDir, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/hostile/rendered/2018-raw-html.md'), join(content, 'programs/2018-raw-html.md'));
  // Leftovers of a build that was killed: a staging folder and a lock of a process that is gone.
  mkdirSync(join(work, 'out', 'dist.staging-999999'), { recursive: true });
  writeFileSync(join(work, 'out', 'dist.staging-999999', 'half.html'), 'half');
  writeFileSync(join(work, 'out', 'dist.build-lock'), '999999');
  first = build();
  before = existsSync(dist) ? snapshot(dist) : {};
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a good build', () => {
  it('succeeds, fills DIST_DIR and cleans up the leftovers of a killed build', () => {
    expect(first.stderr.split('\n').filter((l) => l.startsWith('오류'))).toEqual([]);
    expect(first.status).toBe(0);
    expect(before['index.html']).toBeDefined();
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(siblings()).toEqual(['dist']);
  });

  it('renders editor HTML sanitised: merged cells kept, script, handlers, iframe and javascript: gone', () => {
    const html = readFileSync(join(dist, 'programs/2018-raw-html/index.html'), 'utf8');
    expect(html).toContain('<td rowspan="2">토론회</td>');
    expect(html).toContain('마우스를 올려 보세요.');
    expect(html).toContain('내려받아');
    expect(html).not.toMatch(/__pwned|onmouseover|onclick|evil\.example|javascript:/);
  });
});

describe('a build with a bad file', () => {
  let failed: ReturnType<typeof build>;
  beforeAll(() => {
    const good = readFileSync(join(content, 'programs/2018-testbed.md'), 'utf8');
    writeFileSync(join(content, 'programs/2018-bad.md'), good.replace('  start: 2018-05-02', '  start: 2018-02-31').replace('business: komipo-testbed', 'business: no-such-business'));
    failed = build();
  }, 120_000);
  afterAll(() => rmSync(join(content, 'programs/2018-bad.md')));

  it('exits 1 with one line per problem, naming file, field, value and rule', () => {
    expect(failed.status).toBe(1);
    const lines = failed.stderr.split('\n').filter((l) => l.startsWith('오류 '));
    expect(lines.map((l) => l.replace(content, '<content>'))).toEqual([
      '오류 <content>/programs/2018-bad.md: applyPeriod.start (신청기간 › 시작일) = "2018-02-31" — 달력에 없는 날짜입니다 (예: 2월 31일)',
      '오류 <content>/programs/2018-bad.md: business (사업명) = "no-such-business" — 사업 "no-such-business" 이(가) 없습니다 (content/businesses/no-such-business.md 를 만들거나 값을 고치세요)',
    ]);
    expect(failed.stderr).toContain(`이전 결과물 ${dist} 은(는) 그대로 둡니다`);
  });

  it('leaves DIST_DIR byte-identical and no staging folder or lock behind', () => {
    expect(snapshot(dist)).toEqual(before);
    expect(siblings()).toEqual(['dist']);
  });
});

describe('a build that fails inside Astro, after validation passed', () => {
  it('exits non-zero and leaves DIST_DIR byte-identical', () => {
    // An impossible SITE_NOW makes today() throw while pages render: validation passes, astro build fails.
    const r = build({ SITE_NOW: '2018-02-31' });
    expect(r.stdout).toContain('콘텐츠 검사 통과');
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('SITE_NOW="2018-02-31" is not a real YYYY-MM-DD date');
    expect(r.stderr).toContain('빌드 실패 (astro build)');
    expect(snapshot(dist)).toEqual(before);
    expect(siblings()).toEqual(['dist']);
  }, 120_000);
});

describe('two builds of one DIST_DIR', () => {
  it('a second build while a live one holds the lock is refused and changes nothing', () => {
    writeFileSync(join(work, 'out', 'dist.build-lock'), String(process.pid));
    try {
      const r = build();
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`다른 빌드(pid ${process.pid})가 실행 중입니다`);
      expect(snapshot(dist)).toEqual(before);
    } finally {
      rmSync(join(work, 'out', 'dist.build-lock'), { force: true });
    }
  });
});

describe('an interrupted build', () => {
  it('SIGTERM while Astro builds removes the staging folder and leaves DIST_DIR byte-identical', async () => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env, CONTENT_ROOT: content, PUBLIC_DIR: publicDir, DIST_DIR: dist, SITE_NOW: '2018-05-10',
        ASTRO_CACHE_DIR: join(work, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    // Wait until Astro has started its build into the staging folder (it prints where), then
    // interrupt. (Not waiting for the folder to appear: on a fast machine the small fixture site
    // is generated, swapped and gone between two polls.)
    const stagingDir = await new Promise<string>((ok, fail) => {
      const timer = setInterval(() => {
        // Astro colours its log when CI or a terminal asks for it: match the text without ANSI codes.
        const m = /\[build\] directory: (\S+?)\/?\n/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
        if (m) {
          clearInterval(timer);
          ok(m[1]);
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        fail(new Error(`build ended before it could be interrupted:\n${out}`));
      });
    });
    expect(basename(stagingDir)).toBe(`dist.staging-${child.pid}`);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(code).toBe(130);
    expect(out).toContain('SIGTERM 로 중단');
    expect(existsSync(stagingDir)).toBe(false);
    expect(siblings()).toEqual(['dist']);
    expect(snapshot(dist)).toEqual(before);
  }, 120_000);
});

describe('a rebuild over an existing DIST_DIR', () => {
  it('swaps the new output in and removes the replaced one right after, without making the editor wait', async () => {
    const r = build();
    expect(r.status).toBe(0);
    expect(readdirSync(dist)).toContain('index.html');
    // The replaced output is deleted by a detached process once the build has reported.
    const until = Date.now() + 20_000;
    while (siblings().length > 1 && Date.now() < until) await new Promise((ok) => setTimeout(ok, 100));
    expect(siblings()).toEqual(['dist']);
  }, 120_000);
});
