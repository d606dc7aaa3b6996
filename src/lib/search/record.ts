/**
 * What the search index stores for one entry's page beside its text: filters
 * (facets), date sort values (written as sort files, sort-order.ts), meta fields, its title and
 * the names whose 초성 find it.
 * Built from the validated content, so pages need no search markup of their own.
 */
import { programStatus } from '../status.ts';
import type { Status } from '../../schemas/choices.ts';
import type { Program } from '../../schemas/programs.ts';
import type { Company } from '../../schemas/companies.ts';
import { FILTER, META, SORT, contentType, dayNumber, type SearchedCollection } from './facets.ts';

export interface SearchRecord {
  collection: SearchedCollection;
  slug: string;
  /** The entry's title field (프로그램명, 기업명, 제목, 포럼명). */
  title: string;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  meta: Record<string, string>;
  /** Names shown on the page whose 초성 should find it (the program's company). */
  names: string[];
}

export interface RecordContext {
  /** Company entries by slug (programs show their company's name and class). */
  companies: Map<string, Company>;
  /** The build's today, `YYYY-MM-DD` (진행단계 as of the build). */
  today: string;
}

type Data = Record<string, unknown>;

function programRecord(slug: string, p: Program, ctx: RecordContext): SearchRecord {
  const company = ctx.companies.get(p.company);
  const status: Status = programStatus(p.applyPeriod, p.supportPeriod, ctx.today);
  const filters: Record<string, string[]> = {
    [FILTER.type]: [contentType('programs')],
    [FILTER.status]: [status],
    [FILTER.field]: [p.field],
    [FILTER.audience]: [p.audience],
    [FILTER.regions]: [...p.regions],
  };
  if (company) {
    filters[FILTER.company] = [company.name];
    filters[FILTER.companyClass] = [company.class];
  }
  const days = [p.applyPeriod.start, p.applyPeriod.end, p.supportPeriod.start, p.supportPeriod.end].map(dayNumber);
  return {
    collection: 'programs', slug, title: p.title, filters,
    // Sort values compare as text: ISO dates sort correctly.
    sort: { [SORT.deadline]: p.applyPeriod.end, [SORT.registered]: p.registeredAt },
    meta: { [META.periods]: days.join(' '), [META.date]: String(dayNumber(p.registeredAt)) },
    names: company ? [company.name] : [],
  };
}

function companyRecord(slug: string, c: Company): SearchRecord {
  return {
    collection: 'companies', slug, title: c.name,
    filters: { [FILTER.type]: [contentType('companies')], [FILTER.company]: [c.name], [FILTER.companyClass]: [c.class] },
    sort: {}, meta: {}, names: [],
  };
}

function datedRecord(collection: 'announcements' | 'plans', slug: string, d: Data): SearchRecord {
  const published = String(d.publishedAt);
  return {
    collection, slug, title: String(d.title),
    filters: { [FILTER.type]: [contentType(collection)] },
    sort: { [SORT.registered]: published },
    meta: { [META.date]: String(dayNumber(published)) },
    names: collection === 'plans' && typeof d.organization === 'string' ? [d.organization] : [],
  };
}

/** The search record of a validated entry. */
export function searchRecord(collection: SearchedCollection, slug: string, data: Data, ctx: RecordContext): SearchRecord {
  switch (collection) {
    case 'programs':
      return programRecord(slug, data as unknown as Program, ctx);
    case 'companies':
      return companyRecord(slug, data as unknown as Company);
    case 'announcements':
    case 'plans':
      return datedRecord(collection, slug, data);
    case 'guides':
      return { collection, slug, title: String(data.title), filters: { [FILTER.type]: [contentType('guides')] }, sort: {}, meta: {}, names: [] };
    case 'forums':
      return { collection, slug, title: String(data.name), filters: { [FILTER.type]: [contentType('forums')] }, sort: {}, meta: {}, names: [] };
  }
}
