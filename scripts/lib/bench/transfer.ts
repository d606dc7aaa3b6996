/**
 * What a visitor's browser really transfers: Debian Chromium (playwright-core) loads pages
 * from a local server that gzips text like a static host does, throttled to Lighthouse's
 * mobile preset (4× CPU slowdown, 150 ms RTT, 1.6 Mbps down), and counts encoded bytes of
 * every response by type, fonts listed apart (the font budget is separate). For the
 * listing it also records when the first program link is visible and what had been
 * transferred by then.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { serveStatic, type RunningServer } from '../static-server.ts';

/** A static server over `root` that gzips compressible responses when the client accepts it. */
export function serveGzip(root: string): Promise<RunningServer> {
  return serveStatic(root, { gzip: true });
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
