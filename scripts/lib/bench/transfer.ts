/**
 * What a visitor's browser really transfers: Debian Chromium (playwright-core) loads pages
 * from a local server that gzips text like a static host does, throttled to Lighthouse's
 * mobile preset (4× CPU slowdown, 150 ms RTT, 1.6 Mbps down), and counts encoded bytes of
 * every response by type, fonts listed apart (the font budget is separate). For the
 * listing it also records when the first program link is visible and what had been
 * transferred by then.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ics': 'text/calendar; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
  '.wasm': 'application/wasm', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json|wasm)|image\/svg)/;

function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  for (const candidate of [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean}.html`)]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** A static server over `root` that gzips compressible responses when the client accepts it. */
export async function serveGzip(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = resolveFile(root, req.url ?? '/') ?? resolveFile(root, '/404.html');
    if (!file) {
      res.writeHead(404).end('Not found');
      return;
    }
    const status = resolveFile(root, req.url ?? '/') ? 200 : 404;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      const body = gzipSync(readFileSync(file), { level: 6 });
      res.writeHead(status, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(body);
    } else {
      res.writeHead(status, { 'content-type': type, 'content-length': statSync(file).size, 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface Transfer {
  path: string;
  /** Encoded bytes by kind: document, css, js, json (data, Pagefind), image, font, other. */
  bytes: Record<string, number>;
  /** All bytes except fonts. */
  totalExFont: number;
  requests: number;
  /** Listing only: ms until the first program link was visible, and bytes (ex font) by then. */
  firstResultMs?: number;
  bytesBeforeFirstResult?: number;
}

function kindOf(mime: string, url: string): string {
  if (mime.startsWith('font/') || /\.woff2?$/.test(url)) return 'font';
  if (mime.includes('html')) return 'document';
  if (mime.includes('css')) return 'css';
  if (mime.includes('javascript')) return 'js';
  if (mime.startsWith('image/')) return 'image';
  if (/pagefind|json|octet-stream|wasm/.test(mime) || /\.pf_|\.json$/.test(url)) return 'data';
  return 'other';
}

/** One cold load of `path`: bytes by kind and, with `resultSelector`, when the first result showed. */
async function loadOnce(context: BrowserContext, siteUrl: string, path: string, resultSelector?: string): Promise<Transfer> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const mimes = new Map<string, { mime: string; url: string }>();
  const bytes: Record<string, number> = {};
  let totalExFont = 0, requests = 0;
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { mimeType: string; url: string } }) => {
    mimes.set(e.requestId, { mime: e.response.mimeType, url: e.response.url });
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const info = mimes.get(e.requestId);
    const kind = info ? kindOf(info.mime, info.url) : 'other';
    bytes[kind] = (bytes[kind] ?? 0) + e.encodedDataLength;
    if (kind !== 'font') totalExFont += e.encodedDataLength;
    requests++;
  });
  const started = performance.now();
  const transfer: Transfer = { path, bytes, totalExFont: 0, requests: 0 };
  await page.goto(siteUrl + path, { waitUntil: 'commit' });
  if (resultSelector) {
    await page.locator(resultSelector).first().waitFor({ state: 'visible', timeout: 60_000 }).then(
      () => {
        transfer.firstResultMs = Math.round(performance.now() - started);
        transfer.bytesBeforeFirstResult = totalExFont;
      },
      () => undefined,
    );
  }
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle').catch(() => undefined);
  transfer.totalExFont = totalExFont;
  transfer.requests = requests;
  await page.close();
  return transfer;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Load each path with a cold cache under mobile throttling and count what was transferred. */
export async function measureTransfers(siteUrl: string, paths: string[], opts: { resultSelector?: string } = {}): Promise<Transfer[]> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: FLAGS, headless: true,
      viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'ko-KR', timezoneId: 'Asia/Seoul',
    });
    const out: Transfer[] = [];
    for (const path of paths) {
      // The unfiltered listing is loaded three times and its median time to the first result
      // kept: one throttled load on a shared machine is too noisy to read.
      const isListing = opts.resultSelector !== undefined && /^\/programs\/?$/.test(path);
      const runs: Transfer[] = [];
      for (let i = 0; i < (isListing ? 3 : 1); i++) runs.push(await loadOnce(context, siteUrl, path, isListing ? opts.resultSelector : undefined));
      const timed = runs.filter((r) => r.firstResultMs !== undefined).sort((a, b) => a.firstResultMs! - b.firstResultMs!);
      out.push(timed.length > 0 ? timed[Math.floor(timed.length / 2)] : runs[0]);
    }
    return out;
  } finally {
    await context?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
