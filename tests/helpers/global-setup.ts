/**
 * Build the shipped content once (SITE_NOW pinned to 2018-05-10) into .test-dist/ and
 * serve it on 127.0.0.1; tests read the URL with `inject('siteUrl')`.
 * Both the build and e2e projects use this setup; the build runs once per vitest run.
 * The search index is built in shards (SEARCH_SHARD_PAGES=40) and merged, so every search test
 * runs on a merged index. REUSE_TEST_BUILD=1 skips the build when .test-dist/ exists (quick local reruns).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ROOT, TEST_DIST, TEST_SITE_NOW } from './paths.ts';
import { serveStatic, type RunningServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

const state = globalThis as typeof globalThis & { __testSite?: Promise<RunningServer> };

async function buildAndServe(): Promise<RunningServer> {
  if (!(process.env.REUSE_TEST_BUILD === '1' && existsSync(TEST_DIST))) {
    execFileSync(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      // The search index is built in shards of 40 pages and merged, as a large site's is.
      env: { ...process.env, SITE_NOW: TEST_SITE_NOW, DIST_DIR: TEST_DIST, ASTRO_TELEMETRY_DISABLED: '1', SEARCH_SHARD_PAGES: '40' },
    });
  }
  return serveStatic(TEST_DIST);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  state.__testSite ??= buildAndServe();
  const server = await state.__testSite;
  project.provide('siteUrl', server.url);
  return async () => {
    const pending = state.__testSite;
    state.__testSite = undefined;
    await (await pending)?.close();
  };
}
