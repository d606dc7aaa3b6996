/**
 * 맞춤 찾기: which open programs fit a visitor's four answers, and the URLs that carry them.
 * Pure (no DOM), shared by the page, the browser script and the tests.
 *
 * The rule, in the words of the 지원대상 ladder (narrowest → widest):
 *   - only programs 모집중 today (신청기간 includes today) are "open";
 *   - 지역: programs held in 전국 or in the chosen region (the listing's own region rule);
 *   - 관심 분야: the chosen 지원분야 (none chosen = every 분야);
 *   - 전체 오픈 (미연계 중소기업까지 개방): fits everyone;
 *   - 협력사 지원 and 계열사 오픈: fit only a 협력사 of the operating company (the content has no
 *     group data, so 계열사 of the same group are not inferred — choose that company too);
 *   - 부분 오픈 (opened beyond its own suppliers, but not to 미연계 기업): fits a visitor who is a
 *     협력사 of any 대·공기업 (a 연계 중소기업), flagged "지원대상 상세조건 확인";
 *   - 기업 규모: 상생협력 programs are for 중소기업; a 중견기업 sees the same list with every
 *     result flagged "중견기업 지원 가능 여부 확인", since no field records size limits.
 * Without JavaScript the form goes to the listing with the filters that express the
 * everyone-part exactly (전체 오픈 + 모집중 + region + 분야); supplier-only programs need the
 * script (a listing query is an AND of filters and cannot add "or 협력사 of X").
 */
import { FIELDS, REGIONS, type Audience, type Field, type Region } from '../schemas/choices.ts';
import { programStatus } from '../lib/status.ts';
import { inRegion, type ListingItem } from '../lib/listing/match.ts';
import { PARAMS as LISTING_PARAMS } from '../lib/listing/query.ts';

/** 기업 규모 choices of the question. */
export const SIZES = ['중소기업', '중견기업'] as const;
export type Size = (typeof SIZES)[number];

/** URL parameter names of the match page (region and field are the listing's own names). */
export const MATCH_PARAMS = {
  region: LISTING_PARAMS.region,
  fields: LISTING_PARAMS.fields,
  size: 'size',
  supplier: 'supplier',
  partners: 'partner',
} as const;

export interface MatchAnswers {
  region?: Region;
  /** Empty = every 분야. */
  fields: Field[];
  size?: Size;
  /** 특정 대·공기업의 협력사인가. */
  supplier?: 'yes' | 'no';
  /** Company slugs the visitor supplies (only read when supplier is yes). */
  partners: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Read answers from the URL; unknown values are dropped. */
export function parseAnswers(params: URLSearchParams): MatchAnswers {
  const region = params.get(MATCH_PARAMS.region) ?? '';
  const size = params.get(MATCH_PARAMS.size) ?? '';
  const supplier = params.get(MATCH_PARAMS.supplier) ?? '';
  const fields = new Set(params.getAll(MATCH_PARAMS.fields));
  return {
    region: (REGIONS as readonly string[]).includes(region) ? (region as Region) : undefined,
    fields: FIELDS.filter((f) => fields.has(f)),
    size: (SIZES as readonly string[]).includes(size) ? (size as Size) : undefined,
    supplier: supplier === 'yes' || supplier === 'no' ? supplier : undefined,
    partners: supplier === 'yes' ? [...new Set(params.getAll(MATCH_PARAMS.partners).filter((s) => SLUG.test(s)))] : [],
  };
}

/** The match page's URL parameters for a set of answers (stable order, nothing else). */
export function answersToParams(a: MatchAnswers): URLSearchParams {
  const out = new URLSearchParams();
  if (a.region) out.set(MATCH_PARAMS.region, a.region);
  for (const f of a.fields) out.append(MATCH_PARAMS.fields, f);
  if (a.size) out.set(MATCH_PARAMS.size, a.size);
  if (a.supplier) out.set(MATCH_PARAMS.supplier, a.supplier);
  if (a.supplier === 'yes') for (const p of a.partners) out.append(MATCH_PARAMS.partners, p);
  return out;
}

/** True when enough was answered to show results (the region is the one required answer). */
export function isAnswered(a: MatchAnswers): boolean {
  return a.region !== undefined;
}

/** The listing URL (/programs/?…) that shows the everyone-part of the match: 전체 오픈, 모집중, region, 분야. */
export function listingParams(a: MatchAnswers): URLSearchParams {
  const out = new URLSearchParams();
  for (const f of a.fields) out.append(LISTING_PARAMS.fields, f);
  out.append(LISTING_PARAMS.audiences, '전체 오픈');
  if (a.region) out.set(LISTING_PARAMS.region, a.region);
  out.append(LISTING_PARAMS.statuses, '모집중');
  return out;
}

/** Why a program fits (shown on the result), or undefined when it does not. */
export interface Fit {
  reason: string;
  /** Things to check in 지원대상 상세조건 before applying. */
  cautions: string[];
}

/** Does a program's 지원대상 fit the answers? */
export function audienceFit(audience: Audience, company: string, companyName: string, a: MatchAnswers): Fit | undefined {
  const cautions = a.size === '중견기업' ? ['중견기업 지원 가능 여부 확인'] : [];
  const partnerOf = a.supplier === 'yes' && a.partners.includes(company);
  switch (audience) {
    case '전체 오픈':
      return { reason: '전체 오픈: 미연계 중소기업까지 누구나', cautions };
    case '부분 오픈':
      if (partnerOf) return { reason: `부분 오픈: ${companyName} 협력사`, cautions };
      if (a.supplier === 'yes' && a.partners.length > 0) return { reason: '부분 오픈: 대·공기업 협력사(연계 중소기업)', cautions: ['지원대상 상세조건 확인', ...cautions] };
      return undefined;
    case '계열사 오픈':
      return partnerOf ? { reason: `계열사 오픈: ${companyName} 협력사`, cautions } : undefined;
    case '협력사 지원':
      return partnerOf ? { reason: `협력사 지원: ${companyName} 협력사`, cautions } : undefined;
    default:
      return undefined;
  }
}

/** The program facts the rule reads (a listing item fits). */
export type MatchItem = Pick<ListingItem, 'field' | 'audience' | 'company' | 'regions' | 'apply' | 'support'> & { companyName: string };

/** Does the program fit all four answers on `today`? */
export function matchProgram(item: MatchItem, a: MatchAnswers, today: string): Fit | undefined {
  if (programStatus(item.apply, item.support, today) !== '모집중') return undefined;
  if (a.fields.length && !a.fields.includes(item.field)) return undefined;
  if (!inRegion(item.regions, a.region)) return undefined;
  return audienceFit(item.audience, item.company, item.companyName, a);
}
