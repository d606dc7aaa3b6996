/**
 * The /admin/ bundle (Decap CMS, ~5.4 MB of JavaScript) is built by its own Vite build,
 * never by Astro, and cached: a cache entry records every source file that went into it
 * (with its SHA-256) and the version of every package, and is reused until one of them
 * changes. The site build then only copies it (see src/integrations/cms.ts).
 *
 * `npm exec -- node admin/build.ts` builds when needed and prints where the bundle is;
 * `--force` rebuilds.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADMIN_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(ADMIN_DIR, '..');
/** Files that shape the bundle without being modules of it. */
const EXTRA_INPUTS = ['admin/index.html', 'admin/build.ts'];
const KEEP_ENTRIES = 3;

export function cacheRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(ROOT, env.ADMIN_CACHE_DIR?.trim() || 'node_modules/.cache/sangsaengnuri-admin');
}

interface Manifest {
  /** Project-relative source path → SHA-256 of its content. */
  files: Record<string, string>;
  /** Package name → version, for every package a module of the bundle came from. */
  packages: Record<string, string>;
  builtAt: string;
  buildMs: number;
  bytes: number;
}

function sha256(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

function packageVersion(name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** True when every recorded file and package is still exactly as when the entry was built. */
function isFresh(m: Manifest): boolean {
  return Object.entries(m.files).every(([file, hash]) => sha256(join(ROOT, file)) === hash) &&
    Object.entries(m.packages).every(([name, version]) => packageVersion(name) === version);
}

/** The cached bundle matching the current sources, if there is one. */
export function findCachedBundle(env: Record<string, string | undefined> = process.env): string | undefined {
  const root = cacheRoot(env);
  if (!existsSync(root)) return undefined;
  for (const id of readdirSync(root)) {
    const manifestPath = join(root, id, 'manifest.json');
    if (!existsSync(manifestPath)) continue;
    try {
      if (isFresh(JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)) return join(root, id, 'dist');
    } catch {
      /* a broken entry is skipped and later pruned */
    }
  }
  return undefined;
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((sum, d) => sum + statSync(join(d.parentPath, d.name)).size, 0);
}

/** The package a module path under node_modules belongs to (`@scope/name` or `name`). */
function packageOf(id: string): string | undefined {
  const at = id.lastIndexOf(`node_modules${sep}`);
  if (at < 0) return undefined;
  const parts = id.slice(at + 'node_modules'.length + 1).split(sep);
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Build the bundle with Vite (in this process) into a new cache entry; returns its dist folder. */
export async function buildAdminBundle(env: Record<string, string | undefined> = process.env): Promise<{ dir: string; ms: number; bytes: number }> {
  const started = performance.now();
  const { build } = await import('vite');
  const root = cacheRoot(env);
  const staging = join(root, `.staging-${process.pid}-${Date.now()}`);
  const moduleIds = new Set<string>();
  const result = await build({
    configFile: false,
    root: ADMIN_DIR,
    base: './',
    logLevel: 'error',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(staging, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 8000,
      rolldownOptions: {
        // Decap's dependencies use eval and 'use client'; both are harmless here.
        onwarn(warning: { code?: string }, warn: (w: unknown) => void) {
          if (['EVAL', 'MODULE_LEVEL_DIRECTIVE'].includes(warning.code ?? '')) return;
          warn(warning);
        },
      },
    },
  } as never);
  for (const output of Array.isArray(result) ? result : [result]) {
    for (const item of (output as { output: { type: string; moduleIds?: string[]; modules?: Record<string, unknown> }[] }).output) {
      if (item.type !== 'chunk') continue;
      for (const id of item.moduleIds ?? Object.keys(item.modules ?? {})) moduleIds.add(id.replace(/^\0/, '').split('?')[0]);
    }
  }
  const files: Record<string, string> = {};
  const packages: Record<string, string> = {};
  for (const id of moduleIds) {
    const pkg = packageOf(id);
    if (pkg) {
      const version = packageVersion(pkg);
      if (version) packages[pkg] = version;
    } else if (id.startsWith(ROOT + sep) && existsSync(id)) {
      files[relative(ROOT, id)] = sha256(id)!;
    }
  }
  for (const file of EXTRA_INPUTS) files[file] = sha256(join(ROOT, file))!;
  if (!Object.keys(files).some((f) => f.startsWith('src/lib/cms/'))) throw new Error('admin build: module list looks wrong (no src/lib/cms file recorded)');
  const ms = Math.round(performance.now() - started);
  const bytes = dirBytes(join(staging, 'dist'));
  const manifest: Manifest = { files, packages, builtAt: new Date().toISOString(), buildMs: ms, bytes };
  writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const id = createHash('sha256').update(JSON.stringify([files, packages])).digest('hex').slice(0, 16);
  const target = join(root, id);
  if (existsSync(target)) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, target);
  prune(root, id);
  return { dir: join(target, 'dist'), ms, bytes };
}

/** Keep the newest few entries (switching branches back and forth stays cheap). */
function prune(root: string, keep: string): void {
  const entries = readdirSync(root)
    .map((id) => ({ id, time: existsSync(join(root, id, 'manifest.json')) ? statSync(join(root, id, 'manifest.json')).mtimeMs : 0 }))
    .filter((e) => !e.id.startsWith('.staging-') || Date.now() - e.time > 3_600_000)
    .sort((a, b) => b.time - a.time);
  for (const e of entries.slice(KEEP_ENTRIES)) if (e.id !== keep) rmSync(join(root, e.id), { recursive: true, force: true });
}

export interface EnsureResult {
  dir: string;
  /** True when this call had to build (a cache miss). */
  built: boolean;
  ms: number;
}

/**
 * The bundle for the current sources: from the cache, or built in a child process (so the
 * ~1 GB the build needs is not added to the caller's, e.g. Astro's, process).
 */
export function ensureAdminBundle(env: Record<string, string | undefined> = process.env): EnsureResult {
  const started = performance.now();
  const cached = findCachedBundle(env);
  if (cached) return { dir: cached, built: false, ms: Math.round(performance.now() - started) };
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0) throw new Error(`/admin/ 번들 빌드 실패 (admin/build.ts, exit ${child.status})`);
  const dir = findCachedBundle(env);
  if (!dir) throw new Error('/admin/ 번들을 빌드했지만 캐시에서 찾지 못했습니다');
  return { dir, built: true, ms: Math.round(performance.now() - started) };
}

if (import.meta.main) {
  const force = process.argv.includes('--force');
  const cached = force ? undefined : findCachedBundle();
  if (cached) {
    console.log(`/admin/ 번들: 캐시 사용 ${cached}`);
  } else {
    const { dir, ms, bytes } = await buildAdminBundle();
    console.log(`/admin/ 번들: 빌드 ${(ms / 1000).toFixed(1)}s, ${(bytes / 1048576).toFixed(1)} MB → ${dir}`);
  }
}
