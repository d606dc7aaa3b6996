/**
 * The Pagefind index of the real test build, read from its files: which pages are in
 * it, what text and facets each carries, and that the Korean layer stays in meta.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent, type ValidationResult } from '../../src/lib/validation/validate-content.ts';
import { FILTER, META, SEARCHED_COLLECTIONS, contentType, type SearchedCollection } from '../../src/lib/search/facets.ts';
import { ENTRY_ROUTES, entryUrl } from '../../src/lib/search/pages.ts';
import { programLabel } from '../../src/lib/listing/labels.ts';
import { readEntry, readMeta } from '../../src/integrations/pagefind-bundle.ts';
import { readSortTable } from '../../src/integrations/pagefind-sort-tables.ts';
import { readSortKeys } from '../../src/lib/search/pagefind-meta.ts';
import { programStatus } from '../../src/lib/status.ts';
import type { Program } from '../../src/schemas/programs.ts';
import { TEST_DIST, TEST_SITE_NOW } from '../helpers/paths.ts';

interface Fragment {
  /** Pagefind's page id (the fragment's file name). */
  id: string;
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

const PAGEFIND = join(TEST_DIST, 'pagefind');
let fragments: Map<string, Fragment>;
let content: ValidationResult;

/** Pagefind fragments are gzip'd JSON after a `pagefind_dcd` signature. */
function readFragments(): Map<string, Fragment> {
  const dir = join(PAGEFIND, 'fragment');
  const list = readdirSync(dir).map((name) => ({ ...(JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment), id: name.replace(/\.pf_fragment$/, '') }));
  return new Map(list.map((f) => [f.url, f]));
}

beforeAll(() => {
  fragments = readFragments();
  content = validateContent({ contentDir: process.env.CONTENT_ROOT?.trim() || 'content', publicDir: process.env.PUBLIC_DIR?.trim() || 'public' });
});

describe('search index of the build', () => {
  it('holds every entry page of the searched collections', () => {
    const searched = new Set<string>(SEARCHED_COLLECTIONS);
    const expected = content.entries.filter((e) => searched.has(e.collection)).map((e) => entryUrl(e.collection as SearchedCollection, e.slug));
    expect(expected.length).toBeGreaterThan(20);
    const missing = expected.filter((url) => !fragments.has(url));
    expect(missing).toEqual([]);
  });

  it('leaves out /admin/, 404, the search page, the home page and lists', () => {
    const urls = [...fragments.keys()];
    for (const url of ['/admin/', '/404/', '/404.html', '/search/', '/', '/programs/', '/companies/', '/forums/notices/', '/stats/']) expect(urls).not.toContain(url);
    expect(urls.filter((u) => /\/page\/\d+\/$/.test(u))).toEqual([]);
  });

  it('indexes only the main content, with words of adjacent elements kept apart', () => {
    const program = content.entries.find((e) => e.collection === 'programs')!;
    const fragment = fragments.get(`/programs/${program.slug}/`)!;
    const company = content.entries.find((e) => e.collection === 'companies' && e.slug === (program.data as Program).company)!;
    expect(fragment.content).toMatch(new RegExp(`(^|\\s)${String(company.data.name).replace(/[()]/g, '\\$&')}(\\s|$)`));
    for (const chrome of ['본문 바로가기', '화면 설정', '사이트 검색']) expect(fragment.content).not.toContain(chrome);
    // Nor the controls every program page repeats (they would match 신청, 캘린더, 파일 on every page
    // and fill excerpts): buttons, the 공고 note, the hidden section heading, file type and size.
    const programs = content.entries.filter((e) => e.collection === 'programs').map((e) => fragments.get(`/programs/${e.slug}/`)!);
    for (const f of programs) {
      for (const control of ['신청하기', '캘린더에 마감일 추가', '상생누리에서 신청받지 않는', '프로그램 정보', '파일 내려받기']) expect(f.content, f.url).not.toContain(control);
    }
    // The 프로그램명 row repeats the heading: the title is indexed from the h1 at the start, and the
    // field list (사업명, 기업명, then 프로그램개요) goes on without it.
    for (const e of content.entries.filter((x) => x.collection === 'programs')) {
      const f = fragments.get(`/programs/${e.slug}/`)!;
      expect(f.content.startsWith(String(e.data.title)), f.url).toBe(true);
      const fieldList = f.content.slice(0, f.content.indexOf(`${programLabel('summary')} `));
      expect(fieldList, f.url).toContain(`${programLabel('company')} `);
      expect(fieldList, f.url).not.toContain(`${programLabel('title')} `);
    }
    // The build-time 진행단계 badge is not indexed (search shows its own, corrected for today).
    expect(fragment.content).not.toMatch(/(예정|모집중|진행중|종료)D-/);
  });

  it('orders 신청 마감일 and 등록일 in files of their own, not in the metadata every search loads', () => {
    const urlOf = new Map([...fragments.values()].map((f) => [f.id, f.url]));
    const dated = (date: (e: (typeof content.entries)[number]) => unknown) =>
      content.entries
        .filter((e) => e.collection in ENTRY_ROUTES && date(e) !== undefined)
        .map((e) => ({ url: entryUrl(e.collection as SearchedCollection, e.slug), date: String(date(e)) }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
        .map((x) => x.url);
    const deadlines = dated((e) => (e.collection === 'programs' ? (e.data as unknown as Program).applyPeriod.end : undefined));
    expect(deadlines.length).toBeGreaterThan(10);
    expect(readSortTable(PAGEFIND, 'deadline').pages.map((id) => urlOf.get(id))).toEqual(deadlines);
    const registered = dated((e) => (e.collection === 'programs' ? e.data.registeredAt : ['announcements', 'plans'].includes(e.collection) ? e.data.publishedAt : undefined));
    expect(readSortTable(PAGEFIND, 'registered').pages.map((id) => urlOf.get(id))).toEqual(registered);
    const [language] = Object.values(readEntry(PAGEFIND).languages);
    expect(readSortKeys(readMeta(PAGEFIND, language.hash))).toEqual([]);
  });

  it('carries the facets of every program from its content, 진행단계 as of the build', () => {
    for (const e of content.entries.filter((x) => x.collection === 'programs')) {
      const p = e.data as unknown as Program;
      const f = fragments.get(`/programs/${e.slug}/`)!.filters;
      expect(f[FILTER.type]).toEqual([contentType('programs')]);
      expect(f[FILTER.field]).toEqual([p.field]);
      expect(f[FILTER.audience]).toEqual([p.audience]);
      expect([...f[FILTER.regions]].sort()).toEqual([...p.regions].sort());
      expect(f[FILTER.status]).toEqual([programStatus(p.applyPeriod, p.supportPeriod, TEST_SITE_NOW)]);
      expect(f[FILTER.company]).toHaveLength(1);
    }
  });

  it('keeps the Korean tokens in meta fields: only inner parts of words, never words the text already has', () => {
    const withTokens = [...fragments.values()].filter((f) => f.meta[META.koreanBody]);
    expect(withTokens.length).toBeGreaterThan(fragments.size / 2);
    expect(fragments.get('/companies/kwater/')?.meta[META.koreanTitle]).toContain('수자원공사');
    for (const f of withTokens) {
      const words = f.content.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase());
      const visible = f.meta[META.koreanBody].split(' ').filter((t) => words.some((w) => w.startsWith(t)));
      expect(visible, f.url).toEqual([]);
      expect(f.content).not.toContain(f.meta[META.koreanBody].slice(0, 40));
    }
  });
});
