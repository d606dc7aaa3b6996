/**
 * `npm run build`: validate content, build with Astro (Pagefind, CMS copy and CSP run in its
 * astro:build:done hooks) into a staging folder next to DIST_DIR (default dist/), check the
 * staged site is complete, and only then swap it in. A failed or interrupted build leaves the
 * previous output byte for byte as it was.
 *
 * - One build per DIST_DIR at a time (a lock file next to it; a stale lock of a dead process is taken over).
 * - Staging/previous folders of a killed earlier build are cleaned up on the next run.
 * - The swap is two renames on one file system (staging is copied beside DIST_DIR first when it
 *   sits on another one); if the second rename fails the old output is moved back.
 * - Ctrl-C / SIGTERM during the build removes the staging folder and keeps the old output.
 */
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const dist = resolve(process.env.DIST_DIR?.trim() || 'dist');
const parent = dirname(dist);
const name = basename(dist);
// Astro keeps its prerender chunks inside outDir only when outDir is below the working directory
// (otherwise in a shared ./.astro/, where parallel builds overwrite each other): stage there.
const stagingParent = dist.startsWith(process.cwd()) ? parent : process.cwd();
const staging = join(stagingParent, `${name}.staging-${process.pid}`);
const previous = join(parent, `${name}.previous-${process.pid}`);
const incoming = join(parent, `${name}.incoming-${process.pid}`);
const lock = join(parent, `${name}.build-lock`);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the per-DIST_DIR lock, or exit when another live build holds it. */
function takeLock(): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (holder && alive(holder)) {
        console.error(`빌드 중단: ${dist} 에 다른 빌드(pid ${holder})가 실행 중입니다. 끝난 뒤 다시 실행하세요.`);
        process.exit(1);
      }
      rmSync(lock, { force: true }); // stale lock of a killed build
    }
  }
  throw new Error(`cannot take the build lock ${lock}`);
}

/** Remove staging/previous/incoming folders left by builds that were killed (their pid is gone). */
function cleanLeftovers(): void {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|previous|incoming)-(\\d+)$`);
  const places = [...new Set([parent, stagingParent])];
  for (const [dir, entry] of places.flatMap((d) => (existsSync(d) ? readdirSync(d) : []).map((e) => [d, e] as const))) {
    const m = pattern.exec(entry);
    if (!m || alive(Number(m[2]))) continue;
    const full = join(dir, entry);
    if (m[1] === 'previous' && !existsSync(dist)) {
      // A swap was interrupted between its two renames: the previous output is the real one.
      renameSync(full, dist);
      console.warn(`[build] 중단된 교체에서 이전 결과물을 되살렸습니다: ${dist}`);
    } else {
      rmSync(full, { recursive: true, force: true });
    }
  }
}

function cleanup(): void {
  rmSync(staging, { recursive: true, force: true });
  rmSync(incoming, { recursive: true, force: true });
  rmSync(lock, { force: true });
}

function fail(message: string, code = 1): never {
  cleanup();
  console.error(`\n빌드 실패 (${message}). 이전 결과물 ${dist} 은(는) 그대로 둡니다.`);
  process.exit(code);
}

let child: ReturnType<typeof spawn> | undefined;
let interrupted: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = signal;
    // Let the running step exit first (run() then fails), so nothing writes into staging after it is removed.
    if (child) child.kill(signal);
    else fail(`${signal} 로 중단`, 130);
  });
}

async function run(label: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  const started = performance.now();
  const code = await new Promise<number>((done) => {
    child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
    child.on('error', () => done(1));
    child.on('exit', (status, signal) => done(status ?? (signal ? 128 : 1)));
  });
  child = undefined;
  if (interrupted) fail(`${interrupted} 로 중단`, 130);
  if (code !== 0) fail(label, code);
  console.log(`[build] ${label}: ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

/** The staged output must be a site at all: a non-empty home page. */
function checkStaged(): void {
  for (const page of ['index.html']) {
    const file = join(staging, page);
    if (!existsSync(file) || statSync(file).size === 0) fail(`결과물에 ${page} 가 없습니다`);
  }
}

/**
 * Bring the staged output next to DIST_DIR. Staging may sit below the working directory (see
 * stagingParent) and so on another file system than DIST_DIR, where rename fails (EXDEV): then
 * it is copied beside DIST_DIR first, so the swap itself stays two renames on one file system.
 */
function stageBesideDist(): string {
  try {
    renameSync(staging, incoming);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(staging, incoming, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
  }
  return incoming;
}

/** Move the new output in: dist → previous, new → dist; undo the first move if the second fails. */
function swap(): void {
  let ready: string;
  try {
    ready = stageBesideDist();
  } catch (e) {
    rmSync(incoming, { recursive: true, force: true });
    fail(`결과물 옮기기 실패: ${(e as Error).message}`);
  }
  const hadDist = existsSync(dist);
  if (hadDist) renameSync(dist, previous);
  try {
    renameSync(ready, dist);
  } catch (e) {
    rmSync(incoming, { recursive: true, force: true });
    if (hadDist) renameSync(previous, dist);
    fail(`결과물 교체 실패: ${(e as Error).message}`);
  }
  rmSync(previous, { recursive: true, force: true });
}

mkdirSync(parent, { recursive: true });
takeLock();
cleanLeftovers();
await run('콘텐츠 검사', ['scripts/validate.ts']);
rmSync(staging, { recursive: true, force: true });
await run('astro build', ['node_modules/astro/bin/astro.mjs', 'build'], { ASTRO_OUT_DIR: staging });
checkStaged();
swap();
rmSync(lock, { force: true });
console.log(`[build] ${dist} 갱신 완료`);
