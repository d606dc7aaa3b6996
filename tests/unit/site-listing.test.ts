import { describe, expect, it } from 'vitest';
import { programSchema } from '../../src/schemas/programs.ts';
import { emptyQuery, hasFilters, isDefaultView, parseQuery, toSearchParams, type ListingQuery } from '../../src/lib/listing/query.ts';
import { inRegion, matchesQuery } from '../../src/lib/listing/match.ts';
import { comparator } from '../../src/lib/listing/sort.ts';
import { pageCount, pageSlice, pageWindow, staticPageHref } from '../../src/lib/listing/paginate.ts';
import { decodeIndex, encodeListing, rowsChunkOf, ROWS_PER_CHUNK, type SourceItem } from '../../src/lib/listing/chunks.ts';
import { relatedPrograms } from '../../src/lib/listing/related.ts';
import { NESTED_FIELDS, SECTION_FIELDS, SUMMARY_FIELDS, TRAILING_FIELDS } from '../../src/lib/listing/detail-fields.ts';
import { formatFileSize } from '../../src/lib/listing/files.ts';
import { CATEGORY_SLUGS } from '../../src/lib/listing/notice-categories.ts';
import { ANNOUNCEMENT_CATEGORIES } from '../../src/schemas/choices.ts';
import { scopeTableHeads } from '../../src/lib/markdown.ts';

const TODAY = '2018-05-10';

function item(over: Partial<SourceItem> = {}): SourceItem {
  return {
    slug: 'p', title: '프로그램', field: '교육지원', audience: '전체 오픈', company: 'kdn', companyName: '한전KDN㈜', companyClass: '공공기관',
    regions: ['전국'], apply: { start: '2018-05-01', end: '2018-05-20' }, support: { start: '2018-06-01', end: '2018-06-30' },
    registeredAt: '2018-04-30', applyOnline: false, ...over,
  };
}
const q = (over: Partial<ListingQuery> = {}): ListingQuery => ({ ...emptyQuery(), ...over });

describe('listing query in the URL', () => {
  it('round-trips every filter, in vocabulary order, leaving defaults out', () => {
    const params = new URLSearchParams('field=교육지원&field=기술지원&audience=전체 오픈&region=부산&status=모집중&company=kdn&class=공공기관&sort=newest&page=3');
    const parsed = parseQuery(params);
    expect(parsed).toEqual({ fields: ['기술지원', '교육지원'], audiences: ['전체 오픈'], region: '부산', statuses: ['모집중'], company: 'kdn', classes: ['공공기관'], sort: 'newest', page: 3 });
    expect(toSearchParams(parsed).toString()).toBe(new URLSearchParams('field=기술지원&field=교육지원&audience=전체 오픈&region=부산&status=모집중&company=kdn&class=공공기관&sort=newest&page=3').toString());
    expect(toSearchParams(emptyQuery()).toString()).toBe('');
  });

  it('drops values outside the vocabularies instead of failing', () => {
    const parsed = parseQuery(new URLSearchParams('field=없는분야&region=화성&status=종료&company=<script>&sort=random&page=-2'));
    expect(parsed).toEqual(emptyQuery());
  });

  it('tells a narrowing query from sorting and paging', () => {
    expect(hasFilters(q({ sort: 'start', page: 4 }))).toBe(false);
    expect(hasFilters(q({ region: '전국' }))).toBe(true);
    expect(isDefaultView(q())).toBe(true);
    expect(isDefaultView(q({ page: 2 }))).toBe(false);
  });
});

describe('which programs a query keeps', () => {
  it('treats 전국 as every region, but 전국 alone as nationwide only', () => {
    expect(inRegion(['전국'], '부산')).toBe(true);
    expect(inRegion(['경남'], '부산')).toBe(false);
    expect(inRegion(['부산', '경남'], '부산')).toBe(true);
    expect(inRegion(['부산'], '전국')).toBe(false);
    expect(inRegion(['전국'], '전국')).toBe(true);
    expect(inRegion(['제주'], undefined)).toBe(true);
  });

  it('applies each filter and never shows 종료', () => {
    const p = item();
    expect(matchesQuery(p, q(), TODAY)).toBe(true);
    expect(matchesQuery(p, q({ fields: ['교육지원'], region: '전국' }), TODAY)).toBe(true);
    expect(matchesQuery(p, q({ fields: ['기술지원'] }), TODAY)).toBe(false);
    expect(matchesQuery(p, q({ audiences: ['협력사 지원'] }), TODAY)).toBe(false);
    expect(matchesQuery(p, q({ classes: ['대기업'] }), TODAY)).toBe(false);
    expect(matchesQuery(p, q({ company: 'kwater' }), TODAY)).toBe(false);
    expect(matchesQuery(p, q({ statuses: ['모집중'] }), TODAY)).toBe(true);
    expect(matchesQuery(p, q({ statuses: ['예정', '진행중'] }), TODAY)).toBe(false);
    // The same program after its support period: 종료, gone from the listing.
    expect(matchesQuery(p, q(), '2018-07-01')).toBe(false);
    // The status filter follows the day it is applied on.
    expect(matchesQuery(p, q({ statuses: ['진행중'] }), '2018-05-21')).toBe(true);
  });
});

describe('listing orders', () => {
  const open1 = item({ slug: 'open-late', apply: { start: '2018-05-01', end: '2018-05-30' } });
  const open2 = item({ slug: 'open-soon', apply: { start: '2018-05-01', end: '2018-05-11' }, registeredAt: '2018-05-09' });
  const upcoming = item({ slug: 'upcoming', apply: { start: '2018-06-01', end: '2018-06-10' }, support: { start: '2018-06-11', end: '2018-07-01' } });
  const running = item({ slug: 'running', apply: { start: '2018-04-01', end: '2018-04-30' }, support: { start: '2018-05-01', end: '2018-12-31' }, registeredAt: '2018-03-01' });
  const all = [running, upcoming, open1, open2];
  const order = (sort: ListingQuery['sort']) => [...all].sort(comparator(sort, TODAY, (i: SourceItem) => i.slug)).map((i) => i.slug);

  it('마감임박: open ones closing soonest, then upcoming, then running', () => {
    expect(order('deadline')).toEqual(['open-soon', 'open-late', 'upcoming', 'running']);
  });
  it('최신 등록: newest 등록일 first', () => {
    expect(order('newest')[0]).toBe('open-soon');
    expect(order('newest').at(-1)).toBe('running');
  });
  it('신청 시작일: earliest start first (same start: earlier end first)', () => {
    expect(order('start')).toEqual(['running', 'open-soon', 'open-late', 'upcoming']);
  });
});

describe('pagination', () => {
  it('counts, slices and links pages', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
    expect(pageSlice([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageSlice([1, 2, 3], 9, 2)).toEqual([3]);
    expect(staticPageHref('/programs/', 1)).toBe('/programs/');
    expect(staticPageHref('/programs/', 3)).toBe('/programs/page/3/');
  });
  it('shows first, last and a window with gaps', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  });
});

describe('listing data files', () => {
  it('decode what they encode, by 지원분야, with rows in chunks', () => {
    const items = [
      item({ slug: 'a', regions: ['부산', '경남'], applyOnline: true }),
      item({ slug: 'b', field: '기술지원', company: 'kwater', companyName: '한국수자원공사' }),
      ...Array.from({ length: ROWS_PER_CHUNK + 1 }, (_, i) => item({ slug: `e${i}`, registeredAt: '2018-01-01' })),
    ];
    const companies = [{ slug: 'kdn', name: '한전KDN㈜', class: '공공기관' as const }, { slug: 'kwater', name: '한국수자원공사', class: '공공기관' as const }];
    const { meta, indexes, rows } = encodeListing(items, companies, TODAY, true);
    expect(meta.counts[2]).toBe(ROWS_PER_CHUNK + 2); // 교육지원
    expect(meta.counts[1]).toBe(1); // 기술지원
    const edu = decodeIndex(JSON.parse(JSON.stringify(indexes[2])), meta);
    expect(edu[0]).toMatchObject({ field: '교육지원', company: 'kdn', companyClass: '공공기관', regions: ['부산', '경남'], applyOnline: true, apply: items[0].apply, support: items[0].support, registeredAt: items[0].registeredAt });
    const last = edu.at(-1)!;
    expect(rowsChunkOf(last)).toEqual({ field: 2, chunk: 1, offset: 1 });
    const chunk = rows.find((r) => r.field === 2 && r.chunk === 1)!;
    expect(chunk.rows[1]).toEqual([`e${ROWS_PER_CHUNK}`, '프로그램']);
  });
});

describe('related programs', () => {
  const p = (id: string, field: string, company: string, status: '모집중' | '종료' = '모집중', registeredAt = '2018-01-01') => ({ id, status, data: { field, company, registeredAt } });
  it('ranks same company and field first, open before ended, never itself', () => {
    const self = p('self', '교육지원', 'kdn');
    const both = p('both', '교육지원', 'kdn');
    const company = p('company', '기술지원', 'kdn');
    const fieldOpen = p('field-open', '교육지원', 'kwater');
    const fieldEnded = p('field-ended', '교육지원', 'koen', '종료', '2018-12-01');
    const related = relatedPrograms(self, [self, both, company], [self, both, fieldEnded, fieldOpen], 4);
    expect(related.map((r) => r.id)).toEqual(['both', 'company', 'field-open', 'field-ended']);
    expect(relatedPrograms(self, [self, both, company], [self, fieldOpen], 2).map((r) => r.id)).toEqual(['both', 'company']);
  });
});

describe('detail page field order', () => {
  it('names every field of the program schema exactly once', () => {
    const shown = [...SUMMARY_FIELDS, ...SECTION_FIELDS, ...TRAILING_FIELDS, ...Object.keys(NESTED_FIELDS)];
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort()).toEqual(Object.keys(programSchema.shape).sort());
  });
});

describe('small formatters', () => {
  it('prints file sizes as Korean sites do', () => {
    expect(formatFileSize(812)).toBe('812B');
    expect(formatFileSize(1024)).toBe('1KB');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20MB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5MB');
  });
  it('gives every notice category an ASCII slug', () => {
    expect(Object.keys(CATEGORY_SLUGS).sort()).toEqual([...ANNOUNCEMENT_CATEGORIES].sort());
    for (const slug of Object.values(CATEGORY_SLUGS)) expect(slug).toMatch(/^[a-z-]+$/);
  });
  it('scopes table head cells to their column', () => {
    expect(scopeTableHeads('<table><thead><tr><th>구분</th><th scope="col">값</th><th align="left">비고</th></tr></thead><tbody><tr><th>행</th></tr></tbody></table>')).toBe(
      '<table><thead><tr><th scope="col">구분</th><th scope="col">값</th><th scope="col" align="left">비고</th></tr></thead><tbody><tr><th>행</th></tr></tbody></table>',
    );
  });
});
