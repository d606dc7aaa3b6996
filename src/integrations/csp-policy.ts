/**
 * The two Content Security Policies of the site, as directive lists:
 * - public pages: only this origin, no inline script except the exact scripts the build
 *   emitted (by SHA-256 hash), WebAssembly for Pagefind's search, no third-party origin;
 * - /admin/ (Decap CMS): what the editor needs — its bundle evaluates code at run time
 *   (`unsafe-eval`), injects styles, previews uploads as blob:/data: images, and talks to the
 *   local decap-server on 127.0.0.1 (npm start) or to the git host's API in production.
 * Header-only directives (frame-ancestors, upgrade-insecure-requests) are ignored in a
 * <meta> element, so they are added only to the host headers file.
 */
import { createHash } from 'node:crypto';

export type PageKind = 'public' | 'admin';

type Directives = Record<string, string[]>;

const PUBLIC: Directives = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; it does not allow eval() of JavaScript.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // Inline style stays allowed (GFM table alignment, Astro's small inlined stylesheets); CMS
  // content can only carry text-align (src/lib/markdown/sanitize.ts).
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Origins the CMS backends answer on: decap-server (any local port) and the git hosts' APIs. */
export const ADMIN_BACKENDS = [
  'http://127.0.0.1:*', 'http://localhost:*',
  'https://api.github.com', 'https://gitlab.com',
];

const ADMIN: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", ...ADMIN_BACKENDS],
  'frame-src': ["'self'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Directives that only work in an HTTP header (ignored, with a console warning, in <meta>). */
const HEADER_ONLY: Directives = {
  'frame-ancestors': ["'none'"],
  'upgrade-insecure-requests': [],
};

/** Policy for files under /uploads/: an SVG or HTML file opened directly can run nothing. */
export const UPLOADS_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** `'sha256-…'` source expression of an inline script's exact text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy text for one kind of page with the given inline-script hashes. */
export function policy(kind: PageKind, hashes: Iterable<string> = [], where: 'meta' | 'header' = 'meta'): string {
  const base = kind === 'admin' ? ADMIN : PUBLIC;
  const directives: Directives = { ...base, 'script-src': [...base['script-src'], ...[...new Set(hashes)].sort()] };
  if (where === 'header') Object.assign(directives, HEADER_ONLY);
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Parse a policy back into directive → sources (used by tests and the headers writer). */
export function parsePolicy(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
