/**
 * `npm run audit`: Lighthouse (desktop preset) on home, listing, program detail and search
 * (with results) of a real build, in Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 * Prints accessibility, best practices, SEO and performance per page, and exits 1 when a page
 * is below the targets (100 / 100 / 100 / ≥ 95), listing the audits that cost points.
 *
 * The site is built for the audit (SITE_NOW=2018-05-10, SITE_URL = the local server, so
 * canonical links point at the audited origin) into node_modules/.cache/audit-dist unless
 * AUDIT_DIST names an existing build. Served by the same static server the tests use.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { serveStatic } from '../tests/helpers/static-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'] as const;
const TARGET: Record<(typeof CATEGORIES)[number], number> = { accessibility: 100, 'best-practices': 100, seo: 100, performance: 95 };

/** Build the site into `dist` with canonical URLs on the audited origin. */
function build(dist: string, siteUrl: string): void {
  console.log(`[audit] ${siteUrl} 용으로 빌드합니다 → ${dist}`);
  const r = spawnSync(process.execPath, ['scripts/build.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DIST_DIR: dist, SITE_URL: siteUrl, SITE_NOW: process.env.SITE_NOW || '2018-05-10', ASTRO_CACHE_DIR: resolve('node_modules/.cache/audit-astro') },
  });
  if (r.status !== 0) throw new Error('audit build failed');
}

/** A program detail page: the 싱가포르 국제 물주간 program when present, else the first one. */
function detailPath(dist: string): string {
  const dir = join(dist, 'programs');
  const slugs = readdirSync(dir).filter((s) => existsSync(join(dir, s, 'index.html')) && !['page', 'past', 'match'].includes(s)).sort();
  const slug = slugs.find((s) => s.includes('singapore')) ?? slugs[0];
  return `/programs/${slug}/`;
}

/** Launch Chromium with a DevTools port for Lighthouse; resolves once it listens. */
async function launchChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const userDir = mkdtempSync(join(tmpdir(), 'audit-chromium-'));
  const proc = spawn(CHROMIUM, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--remote-debugging-port=0', `--user-data-dir=${userDir}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((ok, fail) => {
    let err = '';
    proc.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) ok(Number(m[1]));
    });
    proc.on('exit', (code) => fail(new Error(`chromium exited (${code}): ${err.slice(0, 500)}`)));
  });
  return {
    port,
    async close() {
      const exited = new Promise((ok) => proc.once('exit', ok));
      proc.kill();
      await exited;
      rmSync(userDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

// The server reads files per request, so it can start before the build it serves: the build
// then knows the origin its canonical links must use.
const given = process.env.AUDIT_DIST?.trim();
const dist = resolve(given || 'node_modules/.cache/audit-dist');
const server = await serveStatic(dist);
const origin = server.url;
if (!given) build(dist, origin);
const chromium = await launchChromium();
const pages: [string, string][] = [
  ['home', '/'],
  ['listing', '/programs/'],
  ['detail', detailPath(dist)],
  ['search', `/search/?q=${encodeURIComponent('기술')}`],
];

let failed = false;
const rows: string[] = [];
try {
  for (const [name, path] of pages) {
    const result = await lighthouse(`${origin}${path}`, { port: chromium.port, output: 'json', logLevel: 'error' }, desktopConfig);
    if (!result) throw new Error(`no Lighthouse result for ${path}`);
    const { categories, audits } = result.lhr;
    const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
    rows.push(`${name.padEnd(8)} ${path.padEnd(42)} ${scores.map((s) => String(s).padStart(5)).join('  ')}`);
    CATEGORIES.forEach((c, i) => {
      if (scores[i] >= TARGET[c]) return;
      failed = true;
      const lost = categories[c].auditRefs
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${audits[ref.id].displayValue ?? audits[ref.id].score})`);
      rows.push(`         ↳ ${c} ${scores[i]} < ${TARGET[c]}: ${lost.join(', ')}`);
    });
  }
} finally {
  await chromium.close();
  await server.close();
}

console.log(`\nLighthouse ${desktopConfig.settings?.formFactor ?? 'desktop'} — Chromium ${spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
console.log(`${'page'.padEnd(8)} ${'path'.padEnd(42)} ${['a11y', 'b.p.', 'SEO', 'perf'].map((h) => h.padStart(5)).join('  ')}`);
for (const row of rows) console.log(row);
process.exit(failed ? 1 : 0);
