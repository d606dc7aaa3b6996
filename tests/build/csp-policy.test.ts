/**
 * Content Security Policy of the built site: every page carries a <meta> policy before any
 * script or style; public pages allow no inline script except by the hash of the exact
 * script the build emitted, and no third-party origin; /admin/ has its own policy; the
 * host headers file (_headers) gives each path exactly one policy of the right kind.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCsp, kindOf } from '../../src/integrations/csp.ts';
import { parseHeaders, pathMatches } from '../../src/integrations/csp-headers.ts';
import { injectMeta, quickScan, readMeta, scanPage } from '../../src/integrations/csp-html.ts';
import { hashSource, parsePolicy } from '../../src/integrations/csp-policy.ts';
import { urlOf } from '../../scripts/check-links.ts';
import { TEST_DIST } from '../helpers/paths.ts';
import { tempSite } from '../helpers/temp-site.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

const pages = htmlFiles(TEST_DIST).map((file) => {
  const rel = relative(TEST_DIST, file);
  const html = readFileSync(file, 'utf8');
  return { rel, url: urlOf(rel), kind: kindOf(rel), html, scan: scanPage(html), policy: parsePolicy(readMeta(html) ?? '') };
});
const publicPages = pages.filter((p) => p.kind === 'public');

describe('CSP <meta> on every page', () => {
  it('every page has exactly one policy, before any script, stylesheet or style', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const p of pages) {
      const metas = p.html.match(/<meta[^>]+http-equiv="Content-Security-Policy"/gi) ?? [];
      expect(metas, p.rel).toHaveLength(1);
      const at = p.html.search(/<meta[^>]+http-equiv="Content-Security-Policy"/i);
      const firstActive = p.html.search(/<script|<link[^>]+rel="?stylesheet|<style/i);
      if (firstActive >= 0) expect(at, p.rel).toBeLessThan(firstActive);
    }
  });

  it('public pages: script-src is self + wasm + the hashes of exactly their inline scripts; no unsafe-inline/eval', () => {
    for (const p of publicPages) {
      const scriptSrc = p.policy.get('script-src') ?? [];
      const hashes = new Set(p.scan.inlineScripts.map(hashSource));
      expect(scriptSrc.filter((s) => s.startsWith("'sha256-")).sort(), p.rel).toEqual([...hashes].sort());
      expect(scriptSrc, p.rel).not.toContain("'unsafe-inline'");
      expect(scriptSrc, p.rel).not.toContain("'unsafe-eval'");
      expect(p.policy.get('object-src'), p.rel).toEqual(["'none'"]);
      expect(p.policy.get('base-uri'), p.rel).toEqual(["'self'"]);
    }
  });

  it('public pages: no third-party origin anywhere in the policy', () => {
    const allowed = /^(?:'self'|'none'|'wasm-unsafe-eval'|'unsafe-inline'|'sha256-[A-Za-z0-9+/=]+'|data:)$/;
    for (const p of publicPages) {
      for (const [directive, sources] of p.policy) {
        for (const s of sources) expect(allowed.test(s), `${p.rel}: ${directive} ${s}`).toBe(true);
      }
    }
  });

  it('no page has script a hash cannot allow (on*= handlers, javascript: URLs) or a third-party subresource', () => {
    expect(pages.flatMap((p) => p.scan.unsafe.map((u) => `${p.rel}: ${u}`)).join('\n')).toBe('');
    expect(publicPages.flatMap((p) => p.scan.thirdParty.map((u) => `${p.rel}: ${u}`)).join('\n')).toBe('');
  });

  it('/admin/ has its own policy that lets Decap run and reach decap-server on 127.0.0.1', () => {
    const admin = pages.filter((p) => p.kind === 'admin');
    expect(admin.length).toBeGreaterThan(0);
    for (const p of admin) {
      expect(p.policy.get('script-src')).toContain("'unsafe-eval'");
      expect(p.policy.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'http://127.0.0.1:*']));
      expect(p.policy.get('object-src')).toEqual(["'none'"]);
    }
  });
});

describe('the fast scan the build uses agrees with a full HTML parse', () => {
  it('on every built page', () => {
    for (const p of pages) expect(quickScan(p.html), p.rel).toEqual(p.scan);
  });

  it('on pages built to fool a pattern', () => {
    const samples = [
      '<p title="a > b" onclick="x()">t</p>',
      '<A HREF="&#106;avascript:alert(1)">x</A>',
      '<a href="java&#x09;script:alert(1)">x</a>',
      '<img alt=">" src="https://cdn.example.com/a.png">',
      '<link href="//cdn.example.com/x.css" rel="stylesheet">',
      '<link rel="canonical" href="https://winwinnuri.github.io/x/">',
      '<script>var s = "<\\/div onclick=1>";</script><script src="/a.js"></script><script type="module">import "/b.js"</script>',
      '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<form action="JaVaScRiPt:alert(1)"><button formaction="vbscript:x">b</button></form>',
    ];
    for (const html of samples) expect(quickScan(html), html).toEqual(scanPage(html));
    expect(samples.map((h) => scanPage(h).unsafe.length + scanPage(h).thirdParty.length)).toEqual([1, 1, 1, 1, 1, 0, 0, 1, 2]);
  });
});

describe('host headers file (_headers)', () => {
  const rules = parseHeaders(readFileSync(join(TEST_DIST, '_headers'), 'utf8'));
  const cspRules = rules.filter((r) => r.headers.some(([name]) => name === 'Content-Security-Policy'));

  it('fixed security headers apply to every path, without a CSP of their own', () => {
    const all = rules.find((r) => r.path === '/*')!;
    expect(Object.fromEntries(all.headers)).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
    expect(all.headers.some(([name]) => name === 'Content-Security-Policy')).toBe(false);
  });

  it('every page matches exactly one CSP rule, of its own kind, allowing its inline scripts, with frame-ancestors', () => {
    for (const p of pages) {
      const matching = cspRules.filter((r) => pathMatches(r.path, p.url));
      expect(matching.map((r) => r.path), p.url).toHaveLength(1);
      const header = parsePolicy(matching[0].headers.find(([n]) => n === 'Content-Security-Policy')![1]);
      expect(header.get('frame-ancestors'), p.url).toEqual(["'none'"]);
      expect(header.get('connect-src')?.includes('http://127.0.0.1:*'), p.url).toBe(p.kind === 'admin');
      for (const h of p.scan.inlineScripts.map(hashSource)) expect(header.get('script-src'), p.url).toContain(h);
    }
  });

  it('uploads are served sandboxed (an SVG or HTML upload opened directly runs nothing)', () => {
    const uploads = cspRules.find((r) => pathMatches(r.path, '/uploads/x.svg'))!;
    expect(uploads.headers[0][1]).toContain('sandbox');
    expect(uploads.headers[0][1]).toContain("default-src 'none'");
  });
});

describe('the CSP step on a small site', () => {
  const { dir, write } = tempSite('csp-');
  const inline = "document.documentElement.classList.add('js')";

  it('hashes inline scripts into the page policy and names every handler, javascript: URL and foreign origin', async () => {
    write('index.html', `<!doctype html><html><head><meta charset="utf-8"><title>x</title><script>${inline}</script></head><body><p>ok</p></body></html>`);
    write('bad/index.html', '<!doctype html><html><head><title>x</title><script src="https://cdn.example.com/x.js"></script></head><body><button onclick="go()">x</button><a href="javascript:go()">y</a></body></html>');
    write('admin/index.html', '<!doctype html><html><head><title>CMS</title></head><body><script type="module" src="/admin/main.js"></script></body></html>');
    const report = await applyCsp(dir);
    expect(report.problems.map((p) => p.split(' — ')[0])).toEqual([
      'bad/index.html: <button onclick="go()">',
      'bad/index.html: <a href="javascript:go()">',
      'bad/index.html: <script src="https://cdn.example.com/x.js">',
    ]);
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(home.startsWith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(parsePolicy(readMeta(home)!).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", hashSource(inline)]);
    expect(parsePolicy(readMeta(readFileSync(join(dir, 'admin/index.html'), 'utf8'))!).get('script-src')).toContain("'unsafe-eval'");
  });

  it('running it twice replaces the policy instead of adding a second one', async () => {
    await applyCsp(dir);
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(home.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(readFileSync(join(dir, '_headers'), 'utf8').match(/generated by src\/integrations\/csp\.ts/g)).toHaveLength(1);
  });

  it('the hash is of the exact script text, as the browser computes it (known SHA-256 vector)', () => {
    // echo -n "alert('Hello, world.');" | openssl dgst -sha256 -binary | base64 (the CSP spec's example)
    expect(hashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(injectMeta('<html><head><title>t</title></head></html>', "default-src 'self'")).toBe(
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"><title>t</title></head></html>',
    );
  });
});
