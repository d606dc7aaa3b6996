/**
 * The static server of the tests and benchmarks: directory URLs serve index.html, misses
 * the 404 page with status 404, in this process or in one of its own (the search bench)
 * that ends with `close()`.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, serveStaticProcess, type RunningServer } from '../../scripts/lib/static-server.ts';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(root, 'search'));
  writeFileSync(join(root, 'search', 'index.html'), '<p>검색</p>');
  writeFileSync(join(root, '404.html'), '<p>없는 페이지</p>');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function get(server: RunningServer, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: await res.text() };
}

describe('static server', () => {
  it('serves index.html for a directory and the 404 page with status 404', async () => {
    const server = await serveStatic(root);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await get(server, '/search/')).toEqual({ status: 200, body: '<p>검색</p>' });
      expect(await get(server, '/nope/')).toEqual({ status: 404, body: '<p>없는 페이지</p>' });
    } finally {
      await server.close();
    }
  });

  it('runs in a process of its own that ends with close()', async () => {
    const server = await serveStaticProcess(root);
    expect(await get(server, '/search/')).toEqual({ status: 200, body: '<p>검색</p>' });
    expect(await get(server, '/nope/')).toEqual({ status: 404, body: '<p>없는 페이지</p>' });
    await server.close();
    await expect(fetch(`${server.url}/search/`)).rejects.toThrow();
  });
});
