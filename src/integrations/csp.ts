/**
 * Content Security Policy for every built page, computed from the built HTML itself
 * (astro:build:done), so no hash is maintained by hand: each inline <script> the build
 * emitted is hashed into its page's <meta http-equiv="Content-Security-Policy">, and the
 * host headers file gets the same policies per path (csp-headers.ts).
 *
 * The build fails, naming page and attribute, when a page carries script a hash cannot
 * allow (an on*= handler, a javascript: URL) or loads a subresource from another origin.
 * Keep this integration last in astro.config.mjs: it must see the final HTML.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageYielder } from './background.ts';
import { editFile } from './file-edit.ts';
import { cspRules, withCspRules } from './csp-headers.ts';
import { injectMeta, metaElement, metaInsertionPoint, quickScan } from './csp-html.ts';
import { hashSource, policy, type PageKind } from './csp-policy.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    // The entry type saves a stat per file; a link (or an unknown type) is followed as before.
    const isDir = entry.isDirectory() || (!entry.isFile() && statSync(full).isDirectory());
    return isDir ? htmlFiles(full) : entry.name.endsWith('.html') ? [full] : [];
  });
}

export function kindOf(page: string): PageKind {
  return page === 'admin' || page.startsWith(`admin${sep}`) || page.startsWith('admin/') ? 'admin' : 'public';
}

export interface CspReport {
  pages: number;
  hashes: Record<PageKind, Set<string>>;
  problems: string[];
}

/**
 * Add the policy to every page of a built site and write its `_headers`.
 * At 10,000 pages the work per page is kept to one read, the scan and one write in place (file-edit.ts): the few
 * distinct inline scripts are hashed once and each distinct policy built once, and a page
 * that is valid UTF-8 without a CSP meta gets the <meta> spliced into the bytes it was read
 * as (the same bytes injectMeta() would give, without encoding the page again).
 */
export async function applyCsp(outDir: string): Promise<CspReport> {
  const hashes: Record<PageKind, Set<string>> = { public: new Set(), admin: new Set() };
  const problems: string[] = [];
  const files = htmlFiles(outDir);
  const hashOf = new Map<string, string>();
  const policies = new Map<string, { text: string; meta: Buffer }>();
  const nextPage = pageYielder();
  for (const file of files) {
    await nextPage();
    const page = relative(outDir, file);
    const kind = kindOf(page);
    editFile(file, (bytes) => {
      const utf8 = isUtf8(bytes);
      // Not UTF-8: decoded (and later encoded) whole, as readFileSync(file, 'utf8') would.
      const html = bytes.toString('utf8');
      const scan = quickScan(html);
      for (const u of scan.unsafe) problems.push(`${page}: ${u} — 인라인 이벤트 처리기나 javascript: 주소는 CSP가 막습니다. 스크립트 파일(addEventListener)로 옮기세요`);
      if (kind === 'public') {
        for (const t of scan.thirdParty) problems.push(`${page}: ${t} — 다른 출처의 파일은 쓸 수 없습니다. 사이트 안으로 옮기세요`);
      }
      const pageHashes = scan.inlineScripts.map((text) => {
        let h = hashOf.get(text);
        if (h === undefined) hashOf.set(text, (h = hashSource(text)));
        return h;
      });
      for (const h of pageHashes) hashes[kind].add(h);
      const key = `${kind} ${pageHashes.join(' ')}`;
      let pagePolicy = policies.get(key);
      if (!pagePolicy) {
        const text = policy(kind, pageHashes);
        policies.set(key, (pagePolicy = { text, meta: Buffer.from(metaElement(text), 'utf8') }));
      }
      const at = utf8 ? metaInsertionPoint(html) : undefined;
      if (at === undefined) return { replace: Buffer.from(injectMeta(html, pagePolicy.text), 'utf8') };
      return { at: Buffer.byteLength(html.slice(0, at), 'utf8'), insert: pagePolicy.meta };
    });
  }
  const headersFile = join(outDir, '_headers');
  const topLevel = readdirSync(outDir).map((name) => ({ name, dir: statSync(join(outDir, name)).isDirectory() }));
  const existing = existsSync(headersFile) ? readFileSync(headersFile, 'utf8') : '';
  writeFileSync(headersFile, withCspRules(existing, cspRules(topLevel, hashes)));
  return { pages: files.length, hashes, problems };
}

export default function csp(): AstroIntegration {
  return {
    name: 'sangsaengnuri:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await applyCsp(fileURLToPath(dir));
        if (report.problems.length) {
          for (const p of report.problems) logger.error(p);
          throw new Error(`CSP: 페이지 ${report.problems.length}곳에 허용할 수 없는 스크립트/외부 파일이 있습니다 (위 목록)`);
        }
        logger.info(`CSP: 페이지 ${report.pages}개, 인라인 스크립트 해시 공개 ${report.hashes.public.size}개 · 관리 ${report.hashes.admin.size}개`);
      },
    },
  };
}
