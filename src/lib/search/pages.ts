/**
 * Which built pages search indexes: each entry's own page (a program, a company,
 * a notice, a plan, a guide, a forum) and standalone information pages. Lists,
 * the home page, statistics, the search page, /admin/ and 404 are left out: they
 * repeat what the entry pages say and would crowd them out of the top results.
 */
import type { SearchedCollection } from './facets.ts';

/** URL folder of each searched collection's entry pages: /<folder>/<slug>/. */
export const ENTRY_ROUTES: Record<SearchedCollection, string> = {
  programs: 'programs',
  companies: 'companies',
  announcements: 'forums/notices',
  plans: 'plans',
  guides: 'guides',
  forums: 'forums',
};

/** The URL of an entry's page, as the site and Pagefind give it (`/forums/notices/<slug>/`). */
export function entryUrl(collection: SearchedCollection, slug: string): string {
  return `/${ENTRY_ROUTES[collection]}/${slug}/`;
}

/** The URL Pagefind gives a built page (`rel`: its path in the site folder): guides/x/index.html → /guides/x/. */
export function builtPageUrl(rel: string): string {
  return `/${rel.split('\\').join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Top-level folders whose pages are lists or tools, never indexed unless an entry page. */
export const LIST_FOLDERS = ['programs', 'companies', 'businesses', 'forums', 'plans', 'guides', 'stats', 'finder', 'archive', 'feeds'];

/** Never indexed: the CMS, the search page itself, error pages, generated assets. */
export const EXCLUDED_PREFIXES = ['admin/', 'search/', 'pagefind/', '_astro/', '404.html', '404/', '500.html'];

export type PageKind =
  | { kind: 'entry'; collection: SearchedCollection; slug: string }
  | { kind: 'standalone' }
  | { kind: 'skip'; reason: string };

/**
 * Classify a built HTML file by its path relative to the site folder
 * (`programs/2018-komipo-test-bed/index.html`).
 * @param hasEntry whether `collection` has an entry with that slug
 */
export function classifyPage(relPath: string, hasEntry: (collection: SearchedCollection, slug: string) => boolean): PageKind {
  const path = relPath.replaceAll('\\', '/');
  if (EXCLUDED_PREFIXES.some((p) => path.startsWith(p))) return { kind: 'skip', reason: 'excluded' };
  if (path === 'index.html') return { kind: 'skip', reason: 'home' };
  const dir = path.replace(/(?:^|\/)index\.html$/, '').replace(/\.html$/, '');
  // Longest route first, so forums/notices/<slug> is a notice, not a forum.
  const routes = (Object.entries(ENTRY_ROUTES) as [SearchedCollection, string][]).sort((a, b) => b[1].length - a[1].length);
  for (const [collection, folder] of routes) {
    if (!dir.startsWith(`${folder}/`)) continue;
    const slug = dir.slice(folder.length + 1);
    if (!slug.includes('/') && hasEntry(collection, slug)) return { kind: 'entry', collection, slug };
  }
  if (LIST_FOLDERS.includes(dir.split('/')[0])) return { kind: 'skip', reason: 'list' };
  return { kind: 'standalone' };
}
