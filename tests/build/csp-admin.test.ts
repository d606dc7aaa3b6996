/**
 * The /admin/ policy really lets Decap CMS work: the built /admin/ page, under its own CSP,
 * logs in to a real decap-server (local backend, bound to 127.0.0.1, serving a temporary copy
 * of the content), lists the programs and opens one in the editor with its preview pane —
 * with no CSP violation and no script error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'csp-admin-'));
let server: ChildProcess;
let port: number;
let browser: TestBrowser;

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

beforeAll(async () => {
  cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
  port = await freePort();
  server = spawn(process.execPath, [join(ROOT, 'node_modules/decap-server/dist/index.js')], {
    cwd: work,
    env: { ...process.env, BIND_HOST: '127.0.0.1', PORT: String(port), MODE: 'fs' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((ok, fail) => {
    let log = '';
    const onData = (c: Buffer) => {
      log += c.toString();
      if (log.includes(`listening on 127.0.0.1:${port}`)) ok();
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code) => fail(new Error(`decap-server exited ${code}: ${log}`)));
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

it('Decap CMS logs in to decap-server, lists and opens an entry under the /admin/ policy', async () => {
  const page = await browser.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.text().startsWith('CSPV')) problems.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSPV ${e.violatedDirective} ${e.blockedURI}`));
  });
  // Decap's local backend is fixed at localhost:8081; send it to this test's decap-server instead
  // (the browser still checks the request against the page's connect-src first).
  await page.route(/^http:\/\/localhost:8081\//, async (route) => {
    const url = route.request().url().replace('localhost:8081', `127.0.0.1:${port}`);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  await page.goto(`${inject('siteUrl')}/admin/`, { waitUntil: 'networkidle' });
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self' http://127.0.0.1:*");
  await page.getByRole('button', { name: '로그인' }).click();
  const entry = page.getByText('싱가포르 국제 물주간', { exact: false }).first();
  await entry.waitFor({ timeout: 30_000 });
  await entry.click();
  await page.getByText('프로그램개요').first().waitFor({ timeout: 30_000 });
  // The preview pane is an iframe rendered by Decap (frame-src 'self' blob:).
  await expect.poll(() => page.frames().length, { timeout: 10_000 }).toBeGreaterThan(1);
  expect(problems).toEqual([]);
  // Decap keeps polling its backend: let requests still in the route handler end quietly with the page.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.close();
}, 90_000);
