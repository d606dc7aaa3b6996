/**
 * `npm start`: the site and the CMS for local editing, no account needed.
 * 1. Generates the CMS configuration from the schemas (stops here if a field has no widget).
 * 2. Makes sure the /admin/ bundle is built (cached; see admin/build.ts).
 * 3. Runs decap-server bound to 127.0.0.1 (it has no authentication) and `astro dev`
 *    together; Ctrl-C stops both, and if one of them stops the other is stopped too.
 *
 * decap-server mode (DECAP_MODE):
 * - `fs` (default): entries are written straight into content/ and uploads into
 *   public/uploads/. decap-server tells the CMS it only supports simple publishing, so the
 *   review workflow (작성 중 → 확인요청 → 게시) is switched off locally: 저장 writes the file.
 * - `git`: the full workflow, each draft on its own `cms/<collection>/<slug>` branch of this
 *   repository, 게시 merges it. It checks out branches in this working tree, so it refuses
 *   to start unless `git status` is clean.
 * Ports: DECAP_PORT (default 8081), PORT for astro dev (default 4321).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ensureAdminBundle } from '../admin/build.ts';
import { cmsConfig, cmsOptionsFromEnv } from '../src/lib/cms/config.ts';

const root = resolve(import.meta.dirname, '..');
const mode = process.env.DECAP_MODE?.trim() || 'fs';
const decapPort = Number(process.env.DECAP_PORT?.trim() || 8081);
const sitePort = Number(process.env.PORT?.trim() || 4321);

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once('error', () => ok(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok(true)));
  });
}

if (mode !== 'fs' && mode !== 'git') fail(`DECAP_MODE="${mode}" 은(는) fs 또는 git 이어야 합니다`);
if (mode === 'git') {
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
  if (status.status !== 0) fail('DECAP_MODE=git 은 git 저장소에서만 쓸 수 있습니다');
  if (status.stdout.trim()) fail('DECAP_MODE=git 은 브랜치를 바꿔 가며 커밋하므로 작업 트리가 깨끗해야 합니다 (git status 확인). 변경사항을 커밋한 뒤 다시 실행하세요');
}
if (!(await portIsFree(decapPort))) fail(`포트 ${decapPort} 을(를) 이미 쓰고 있습니다 (다른 decap-server?). DECAP_PORT=8082 npm start 처럼 바꾸세요`);

// 1. The configuration, from the schemas.
const decapUrl = `http://localhost:${decapPort}/api/v1`;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(decapPort === 8081 ? {} : { DECAP_SERVER_URL: decapUrl }) };
let collections: number;
try {
  collections = cmsConfig(cmsOptionsFromEnv(env)).collections.length;
} catch (e) {
  fail((e as Error).message);
}

// 2. The /admin/ bundle.
const bundle = ensureAdminBundle(env);
console.log(`[start] CMS 설정: 모음 ${collections}개 · /admin/ 번들 ${bundle.built ? `빌드 ${(bundle.ms / 1000).toFixed(1)}s` : '캐시 사용'}`);

// 3. decap-server and astro dev.
const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
  Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((ok) => c.once('exit', ok))))).then(() => process.exit(code));
}

function run(name: string, args: string[], extraEnv: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} 종료 (${signal ?? code}); 나머지도 멈춥니다`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

run('decap-server', ['node_modules/decap-server/dist/index.js'], {
  MODE: mode, PORT: String(decapPort), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: root,
});
run('astro dev', ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(sitePort)], {});
console.log(`[start] 사이트 http://localhost:${sitePort}/ · CMS http://localhost:${sitePort}/admin/ (decap-server ${mode} 모드, 127.0.0.1:${decapPort}) · 멈추려면 Ctrl-C`);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stopAll(0));
