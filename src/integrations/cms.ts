/**
 * Astro integration for /admin/ (Decap CMS). Astro never compiles the CMS: the bundle is
 * built by admin/build.ts and cached by content (a cache hit costs a few milliseconds).
 * - `astro build`: copies the cached bundle into <outDir>/admin/ and writes next to it
 *   config.json (generated from the schemas) and site-styles.json (the site's stylesheets,
 *   for the preview frame).
 * - `astro dev`: serves the same at /admin/, config.json generated per request from the
 *   current schemas.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ensureAdminBundle } from '../../admin/build.ts';
import { cmsConfig, cmsOptionsFromEnv } from '../lib/cms/config.ts';
import { collectSiteStyles, type SiteStyle } from '../lib/cms/site-styles.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/** Stylesheets of the site in `astro dev` (Vite serves compiled CSS for `?direct`). */
const DEV_STYLES: SiteStyle[] = [{ href: '/src/styles/global.css?direct' }];

export default function cms(): AstroIntegration {
  return {
    name: 'sangsaengnuri-cms',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        let bundleDir: string | undefined;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '/').split('?')[0];
          if (path === '/admin') {
            res.writeHead(301, { location: '/admin/' }).end();
            return;
          }
          if (!path.startsWith('/admin/')) return next();
          const send = (type: string, body: string | Buffer) => {
            res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-robots-tag': 'noindex' }).end(body);
          };
          try {
            if (path === '/admin/config.json') {
              send(TYPES['.json'], JSON.stringify(cmsConfig(cmsOptionsFromEnv(process.env))));
              return;
            }
            if (path === '/admin/site-styles.json') {
              send(TYPES['.json'], JSON.stringify(DEV_STYLES));
              return;
            }
            if (!bundleDir) {
              const result = ensureAdminBundle();
              bundleDir = result.dir;
              logger.info(`/admin/ 번들 ${result.built ? `빌드 ${(result.ms / 1000).toFixed(1)}s` : '캐시 사용'}`);
            }
            const rel = normalize(path.slice('/admin/'.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
            const file = join(bundleDir, rel);
            if (!existsSync(file)) return next();
            send(TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
          } catch (e) {
            logger.error((e as Error).message);
            res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end((e as Error).message);
          }
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const config = cmsConfig(cmsOptionsFromEnv(process.env));
        const { dir: bundle, built, ms } = ensureAdminBundle();
        cpSync(bundle, join(out, 'admin'), { recursive: true });
        writeFileSync(join(out, 'admin', 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
        const styles = collectSiteStyles(out, (p) => readFileSync(p, 'utf8'), (p) => existsSync(p) ? readdirSync(p) : []);
        writeFileSync(join(out, 'admin', 'site-styles.json'), `${JSON.stringify(styles)}\n`);
        const total = Math.round(performance.now() - started);
        logger.info(`/admin/: ${built ? `CMS 번들 빌드 ${(ms / 1000).toFixed(1)}s` : `CMS 번들 캐시 사용 (확인 ${ms}ms)`}, 복사·설정 포함 ${total}ms · 모음 ${config.collections.length}개, 사이트 스타일 ${styles.length}개`);
      },
    },
  };
}
