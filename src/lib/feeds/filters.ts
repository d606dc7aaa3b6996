/**
 * "Follow anything": which program feeds exist and which programs each holds.
 * A filter picks programs by the listing's facets (기업, 기업분류, 지원대상, 지원분야,
 * 진행지역). Every single facet value gets a feed; of the combinations, the ones an SME
 * without a supplier relationship needs (전체 오픈 × 분야, 전체 오픈 × 지역) are built too.
 * Other combinations are explained on /data/ (filter programs.json or the CSV).
 * URLs use ASCII slugs so they survive every feed reader and calendar app.
 */
import { AUDIENCES, COMPANY_CLASSES, FIELDS, REGIONS, type Audience, type CompanyClass, type Field, type Region } from '../../schemas/choices.ts';
import type { ProgramItem } from './types.ts';

/** 지원분야 → URL slug. Typed as a full record: a new 분야 without a slug fails the type check. */
export const FIELD_SLUGS: Record<Field, string> = {
  금융지원: 'finance', 기술지원: 'technology', 교육지원: 'education', 판로지원: 'sales-channel', 컨설팅지원: 'consulting',
  특허지원: 'patent', 인력지원: 'workforce', 해외진출지원: 'overseas', 복지지원: 'welfare', 기타지원: 'other',
};

/** 지원대상 → URL slug. */
export const AUDIENCE_SLUGS: Record<Audience, string> = {
  '협력사 지원': 'suppliers', '계열사 오픈': 'affiliates', '부분 오픈': 'partial', '전체 오픈': 'open',
};

/** 진행지역 → URL slug (romanised as the regions write themselves). */
export const REGION_SLUGS: Record<Region, string> = {
  전국: 'nationwide', 서울: 'seoul', 부산: 'busan', 대구: 'daegu', 인천: 'incheon', 광주: 'gwangju', 대전: 'daejeon',
  울산: 'ulsan', 세종: 'sejong', 경기: 'gyeonggi', 강원: 'gangwon', 충북: 'chungbuk', 충남: 'chungnam', 전북: 'jeonbuk',
  전남: 'jeonnam', 경북: 'gyeongbuk', 경남: 'gyeongnam', 제주: 'jeju',
};

/** 기업분류 → URL slug. */
export const CLASS_SLUGS: Record<CompanyClass, string> = {
  대기업: 'large', 공공기관: 'public', 중견기업: 'midsize', 중소기업: 'small',
};

/** A set of listing filters; absent facets do not narrow. */
export interface FeedFilter {
  /** Company slug. */
  company?: string;
  companyClass?: CompanyClass;
  audience?: Audience;
  field?: Field;
  region?: Region;
}

/** True when the program is in the filter's feed. A region includes 전국 programs (they run there too). */
export function programMatches(filter: FeedFilter, p: Pick<ProgramItem, 'data' | 'company'>): boolean {
  if (filter.company !== undefined && p.data.company !== filter.company) return false;
  if (filter.companyClass !== undefined && p.company.data.class !== filter.companyClass) return false;
  if (filter.audience !== undefined && p.data.audience !== filter.audience) return false;
  if (filter.field !== undefined && p.data.field !== filter.field) return false;
  if (filter.region !== undefined) {
    const regions: readonly string[] = p.data.regions;
    if (!regions.includes(filter.region) && !(filter.region !== '전국' && regions.includes('전국'))) return false;
  }
  return true;
}

/**
 * The feed key of a filter: facets in a fixed order, each as `plural/slug`,
 * e.g. `{ audience: '전체 오픈', field: '금융지원' }` → `audiences/open/fields/finance`.
 */
export function filterKey(filter: FeedFilter): string {
  const parts: string[] = [];
  if (filter.company !== undefined) parts.push('companies', filter.company);
  if (filter.companyClass !== undefined) parts.push('classes', CLASS_SLUGS[filter.companyClass]);
  if (filter.audience !== undefined) parts.push('audiences', AUDIENCE_SLUGS[filter.audience]);
  if (filter.field !== undefined) parts.push('fields', FIELD_SLUGS[filter.field]);
  if (filter.region !== undefined) parts.push('regions', REGION_SLUGS[filter.region]);
  if (parts.length === 0) throw new Error('filterKey: an empty filter is the whole-programs feed');
  return parts.join('/');
}

/** Korean name of a filter for feed titles, e.g. `전체 오픈 · 금융지원`. */
export function filterLabel(filter: FeedFilter, companyName?: (id: string) => string | undefined): string {
  const parts: string[] = [];
  if (filter.company !== undefined) parts.push(companyName?.(filter.company) ?? filter.company);
  if (filter.companyClass !== undefined) parts.push(filter.companyClass);
  if (filter.audience !== undefined) parts.push(filter.audience);
  if (filter.field !== undefined) parts.push(filter.field);
  if (filter.region !== undefined) parts.push(filter.region === '전국' ? '전국 단위' : `${filter.region}(전국 포함)`);
  return parts.join(' · ');
}

/** The combination audience every SME can join, used in the built pairs. */
const OPEN: Audience = '전체 오픈';

/** Every filter that gets a static RSS and iCalendar feed, for the given company slugs. */
export function builtFilters(companyIds: Iterable<string>): FeedFilter[] {
  return [
    ...[...companyIds].sort().map((company) => ({ company })),
    ...COMPANY_CLASSES.map((companyClass) => ({ companyClass })),
    ...AUDIENCES.map((audience) => ({ audience })),
    ...FIELDS.map((field) => ({ field })),
    ...REGIONS.map((region) => ({ region })),
    ...FIELDS.map((field) => ({ audience: OPEN, field })),
    ...REGIONS.map((region) => ({ audience: OPEN, region })),
  ];
}

/**
 * The built feed for a filter state, or undefined when that combination is not built
 * (the listing then points to /data/). Facets that are empty are ignored.
 */
export function builtFilterFor(filter: FeedFilter, companyIds: ReadonlySet<string>): FeedFilter | undefined {
  const set = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '');
  const clean = Object.fromEntries(set) as FeedFilter;
  if (set.length === 0) return undefined;
  if (clean.company !== undefined && !companyIds.has(clean.company)) return undefined;
  if (set.length === 1) return clean;
  if (set.length === 2 && clean.audience === OPEN && (clean.field !== undefined || clean.region !== undefined)) return clean;
  return undefined;
}
