/**
 * `npm run build`: validate content while Astro builds (Pagefind, CMS copy and CSP run in its
 * hooks) into a staging folder next to DIST_DIR (default dist/); a failed check stops Astro;
 * check the staged site is complete, and only then swap it in. A failed or interrupted build leaves the
 * previous output byte for byte as it was.
 *
 * - One build per DIST_DIR at a time (a lock file next to it; a stale lock of a dead process is taken over).
 * - Staging/previous folders of a killed earlier build are cleaned up on the next run.
 * - The swap is two renames on one file system (staging is copied beside DIST_DIR first when it
 *   sits on another one); if the second rename fails the old output is moved back.
 * - Ctrl-C / SIGTERM during the build removes the staging folder and keeps the old output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
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
// The content check writes the search records here; the Pagefind step reads them (src/lib/search/records.ts).
const searchRecordsFile = `${staging}.search-records.json`;
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
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|previous|incoming)-(\\d+)(?:\\.search-records\\.json)?$`);
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
  rmSync(searchRecordsFile, { force: true });
  rmSync(incoming, { recursive: true, force: true });
  rmSync(lock, { force: true });
}

function fail(message: string, code = 1): never {
  cleanup();
  console.error(`\n빌드 실패 (${message}). 이전 결과물 ${dist} 은(는) 그대로 둡니다.`);
  process.exit(code);
}

const children = new Set<ChildProcess>();
let interrupted: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = signal;
    // Let the running steps exit first (finished() then fails), so nothing writes into staging after it is removed.
    if (children.size > 0) for (const c of children) c.kill(signal);
    else fail(`${signal} 로 중단`, 130);
  });
}

interface Step {
  label: string;
  started: number;
  /** Exit status (128 when killed by a signal). */
  code: Promise<number>;
  /** Print what a buffered step wrote, in order, to the stream it wrote it to. */
  replay(): void;
  kill(): void;
}

/** Start a Node script; `buffered` holds its output until replay() (for a step running beside another). */
function start(label: string, args: string[], extraEnv: Record<string, string>, buffered = false): Step {
  const started = performance.now();
  const output: { err: boolean; data: Buffer }[] = [];
  const c = spawn(process.execPath, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...env, ...extraEnv } });
  children.add(c);
  c.stdout?.on('data', (data: Buffer) => output.push({ err: false, data }));
  c.stderr?.on('data', (data: Buffer) => output.push({ err: true, data }));
  const code = new Promise<number>((done) => {
    c.on('error', () => done(1));
    c.on('close', (status, signal) => done(status ?? (signal ? 128 : 1)));
  }).finally(() => children.delete(c));
  return {
    label, started, code,
    replay: () => {
      for (const o of output.splice(0)) (o.err ? process.stderr : process.stdout).write(o.data);
    },
    kill: () => c.kill('SIGTERM'),
  };
}

/** Fail the build unless the step succeeded; log its time. */
function finished(step: Step, code: number): void {
  if (interrupted) fail(`${interrupted} 로 중단`, 130);
  if (code !== 0) fail(step.label, code);
  console.log(`[build] ${step.label}: ${((performance.now() - step.started) / 1000).toFixed(1)}s`);
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
  if (hadDist) removeLater(previous);
}

/**
 * Remove the replaced output without keeping the editor waiting (at 10,000 programs deleting
 * it takes ~10 s): a detached process deletes it after this one has reported. If that process
 * dies, the next build's cleanLeftovers() removes the folder (its pid is gone).
 */
function removeLater(folder: string): void {
  try {
    const remover = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder], { detached: true, stdio: 'ignore' });
    remover.on('error', () => rmSync(folder, { recursive: true, force: true }));
    remover.unref();
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

mkdirSync(parent, { recursive: true });
takeLock();
cleanLeftovers();
rmSync(staging, { recursive: true, force: true });
rmSync(searchRecordsFile, { force: true });
// The content check and Astro run side by side (two cores): Astro's content sync and Vite bundling
// need not wait for the check, and a check that fails stops Astro before anything is swapped in.
// The check hands its search records to Astro's Pagefind step through searchRecordsFile.
const check = start('콘텐츠 검사', ['scripts/validate.ts'], { SEARCH_RECORDS_FILE: searchRecordsFile }, true);
const astro = start('astro build', ['node_modules/astro/bin/astro.mjs', 'build'], { ASTRO_OUT_DIR: staging, SEARCH_RECORDS_FILE: searchRecordsFile });
const checked = await check.code;
check.replay();
if (checked !== 0) {
  astro.kill();
  await astro.code;
}
finished(check, checked);
// No records from the check (it could not make them): an empty file tells the Pagefind step to stop waiting and validate.
if (!existsSync(searchRecordsFile)) writeFileSync(searchRecordsFile, '{}');
finished(astro, await astro.code);
rmSync(searchRecordsFile, { force: true });
checkStaged();
swap();
rmSync(lock, { force: true });
console.log(`[build] ${dist} 갱신 완료`);
