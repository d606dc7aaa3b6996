/**
 * `npm run build`: validate content, build with Astro (Pagefind runs in its
 * astro:build:done hook) into a temporary folder, and only when everything
 * succeeded replace DIST_DIR (default dist/). A failed build leaves the previous
 * output byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const dist = resolve(process.env.DIST_DIR?.trim() || 'dist');
const staging = `${dist}.staging-${process.pid}`;
const previous = `${dist}.previous-${process.pid}`;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function run(label: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\n빌드 실패 (${label}). 이전 결과물 ${dist} 은(는) 그대로 둡니다.`);
    process.exit(result.status ?? 1);
  }
  console.log(`[build] ${label}: ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

run('콘텐츠 검사', ['scripts/validate.ts']);
rmSync(staging, { recursive: true, force: true });
run('astro build', ['node_modules/astro/bin/astro.mjs', 'build'], { ASTRO_OUT_DIR: staging });

// Swap: move the old output aside, move the new one in, then delete the old one.
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`[build] ${dist} 갱신 완료`);
