/**
 * The listing's filter state and its URL form. The URL is the only place the state lives:
 * `?field=교육지원&region=전국&sort=start&page=2` (several values of one filter repeat the key).
 * Values outside the vocabularies are dropped, so a hand-edited link never breaks the page.
 */
import { AUDIENCES, COMPANY_CLASSES, FIELDS, REGIONS, STATUSES, type Audience, type CompanyClass, type Field, type Region, type Status } from '../../schemas/choices.ts';

/** Sort orders of the listing, in the order the select shows them. */
export const SORTS = [
  { value: 'deadline', label: '마감임박순' },
  { value: 'newest', label: '최신 등록순' },
  { value: 'start', label: '신청 시작일순' },
] as const;
export type SortKey = (typeof SORTS)[number]['value'];
export const DEFAULT_SORT: SortKey = 'deadline';

/** 진행단계 a visitor can filter the current programs by (종료 programs live in 지난 프로그램). */
export const CURRENT_STATUSES = STATUSES.filter((s) => s !== '종료') as Exclude<Status, '종료'>[];

export interface ListingQuery {
  fields: Field[];
  audiences: Audience[];
  /** One region; a region other than 전국 also matches 전국 programs. */
  region?: Region;
  statuses: Status[];
  /** Company slug. */
  company?: string;
  classes: CompanyClass[];
  sort: SortKey;
  /** 1-based. */
  page: number;
}

/** URL parameter names, in the order they are written. */
export const PARAMS = { fields: 'field', audiences: 'audience', region: 'region', statuses: 'status', company: 'company', classes: 'class', sort: 'sort', page: 'page' } as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function pick<T extends string>(values: string[], allowed: readonly T[]): T[] {
  const set = new Set(values);
  // Keep the vocabulary's order so equal filters give equal URLs.
  return allowed.filter((v) => set.has(v));
}

export function emptyQuery(): ListingQuery {
  return { fields: [], audiences: [], statuses: [], classes: [], sort: DEFAULT_SORT, page: 1 };
}

/** Read the filter state from a URL's search parameters. */
export function parseQuery(params: URLSearchParams): ListingQuery {
  const region = params.get(PARAMS.region) ?? '';
  const company = params.get(PARAMS.company) ?? '';
  const sort = params.get(PARAMS.sort) ?? '';
  const page = Number.parseInt(params.get(PARAMS.page) ?? '1', 10);
  return {
    fields: pick(params.getAll(PARAMS.fields), FIELDS),
    audiences: pick(params.getAll(PARAMS.audiences), AUDIENCES),
    region: (REGIONS as readonly string[]).includes(region) ? (region as Region) : undefined,
    statuses: pick(params.getAll(PARAMS.statuses), CURRENT_STATUSES),
    company: SLUG.test(company) ? company : undefined,
    classes: pick(params.getAll(PARAMS.classes), COMPANY_CLASSES),
    sort: SORTS.some((s) => s.value === sort) ? (sort as SortKey) : DEFAULT_SORT,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Write the filter state as search parameters (defaults left out). */
export function toSearchParams(q: ListingQuery): URLSearchParams {
  const out = new URLSearchParams();
  for (const v of q.fields) out.append(PARAMS.fields, v);
  for (const v of q.audiences) out.append(PARAMS.audiences, v);
  if (q.region) out.set(PARAMS.region, q.region);
  for (const v of q.statuses) out.append(PARAMS.statuses, v);
  if (q.company) out.set(PARAMS.company, q.company);
  for (const v of q.classes) out.append(PARAMS.classes, v);
  if (q.sort !== DEFAULT_SORT) out.set(PARAMS.sort, q.sort);
  if (q.page > 1) out.set(PARAMS.page, String(q.page));
  return out;
}

/** True when the query narrows the list (sorting or paging alone does not). */
export function hasFilters(q: ListingQuery): boolean {
  return q.fields.length + q.audiences.length + q.statuses.length + q.classes.length > 0 || Boolean(q.region) || Boolean(q.company);
}

/** True when the query shows exactly what the static first page shows. */
export function isDefaultView(q: ListingQuery): boolean {
  return !hasFilters(q) && q.sort === DEFAULT_SORT && q.page === 1;
}
