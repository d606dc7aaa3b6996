/** Which filter feeds exist, their URLs, and which programs each one holds. */
import { describe, expect, it } from 'vitest';
import {
  AUDIENCE_SLUGS, builtFilterFor, builtFilters, CLASS_SLUGS, FIELD_SLUGS, filterKey, filterLabel, programMatches, REGION_SLUGS,
} from '../../src/lib/feeds/filters.ts';
import { AUDIENCES, COMPANY_CLASSES, FIELDS, REGIONS } from '../../src/schemas/choices.ts';
import { SLUG_PATTERN } from '../../src/schemas/fields.ts';
import { loadFixture } from './feeds-fixture.ts';

const site = loadFixture();
const ids = (filter: Parameters<typeof programMatches>[0]) => site.programs.filter((p) => programMatches(filter, p)).map((p) => p.id).sort();

describe('slugs', () => {
  it.each([
    ['지원분야', FIELDS, FIELD_SLUGS], ['지원대상', AUDIENCES, AUDIENCE_SLUGS], ['진행지역', REGIONS, REGION_SLUGS], ['기업분류', COMPANY_CLASSES, CLASS_SLUGS],
  ] as const)('every %s has a distinct ASCII slug', (_, choices, slugs) => {
    const values = choices.map((c) => (slugs as Record<string, string>)[c]);
    for (const v of values) expect(v).toMatch(SLUG_PATTERN);
    expect(new Set(values).size).toBe(choices.length);
  });
});

describe('programMatches', () => {
  it('company and 분야 feeds hold exactly those programs', () => {
    expect(ids({ company: 'hanbit-energy' })).toEqual(['2018-long-title-tech', '2018-tricky-fund']);
    expect(ids({ field: '교육지원' })).toEqual(['2018-daehan-academy-spring']);
    expect(ids({ companyClass: '대기업' })).toEqual(['2016-daehan-archive', '2018-daehan-academy-spring']);
  });
  it('a region includes 전국 programs; 전국 holds only 전국 programs', () => {
    expect(ids({ region: '경남' })).toEqual(['2018-daehan-academy-spring', '2018-tricky-fund']);
    expect(ids({ region: '전국' })).toEqual(['2018-tricky-fund']);
    expect(ids({ region: '대전' })).toEqual(['2018-long-title-tech', '2018-tricky-fund']);
  });
  it('facets combine with AND', () => {
    expect(ids({ audience: '전체 오픈', region: '경남' })).toEqual(['2018-daehan-academy-spring', '2018-tricky-fund']);
    expect(ids({ audience: '전체 오픈', field: '기술지원' })).toEqual([]);
  });
});

describe('built feeds', () => {
  const built = builtFilters(['b-co', 'a-co']);
  it('cover every single facet value and the 전체 오픈 pairs, each with its own key', () => {
    expect(built).toHaveLength(2 + COMPANY_CLASSES.length + AUDIENCES.length + FIELDS.length + REGIONS.length + FIELDS.length + REGIONS.length);
    const keys = built.map(filterKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('companies/a-co');
    expect(keys).toContain('fields/finance');
    expect(keys).toContain('audiences/open/regions/gyeongnam');
    for (const key of keys) expect(key).toMatch(/^[a-z]+\/[a-z0-9-]+(?:\/[a-z]+\/[a-z0-9-]+)?$/);
  });
  it('builtFilterFor answers which listing states have a feed', () => {
    const companies = new Set(['a-co']);
    expect(builtFilterFor({ field: '금융지원' }, companies)).toEqual({ field: '금융지원' });
    expect(builtFilterFor({ audience: '전체 오픈', region: '경남' }, companies)).toEqual({ audience: '전체 오픈', region: '경남' });
    expect(builtFilterFor({ field: '금융지원', region: '경남' }, companies)).toBeUndefined();
    expect(builtFilterFor({ company: 'zz-co' }, companies)).toBeUndefined();
    expect(builtFilterFor({}, companies)).toBeUndefined();
  });
  it('labels feeds in Korean', () => {
    expect(filterLabel({ audience: '전체 오픈', region: '경남' })).toBe('전체 오픈 · 경남(전국 포함)');
    expect(filterLabel({ company: 'hanbit-energy' }, (id) => site.companies.get(id)?.data.name)).toBe('한빛에너지공사');
  });
});
