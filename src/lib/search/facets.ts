/**
 * Search facets and sort keys, derived from the schemas: the filters of the program
 * listing plus the content type. Filter names are the Korean labels visitors see.
 */
import { AUDIENCES, COMPANY_CLASSES, FIELDS, REGIONS, STATUSES } from '../../schemas/choices.ts';
import { COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import { fieldMeta } from '../../schemas/meta.ts';
import { companySchema } from '../../schemas/companies.ts';
import { programSchema } from '../../schemas/programs.ts';

/** Collections that have a page of their own in search, in the order of the 콘텐츠 유형 facet. */
export const SEARCHED_COLLECTIONS = ['programs', 'companies', 'announcements', 'plans', 'guides', 'forums'] as const satisfies readonly CollectionName[];
export type SearchedCollection = (typeof SEARCHED_COLLECTIONS)[number];

/** 콘텐츠 유형 of a collection: its Korean name from the registry (프로그램, 참여기업, …). */
export function contentType(collection: SearchedCollection): string {
  return COLLECTIONS[collection].label;
}

function label(schema: Parameters<typeof fieldMeta>[0]): string {
  const meta = fieldMeta(schema);
  if (!meta) throw new Error('search facet: schema field has no label');
  return meta.label;
}

const programShape = programSchema.shape;

/** Filter keys (data-pagefind-filter names). */
export const FILTER = {
  type: '콘텐츠 유형',
  status: '진행단계',
  field: label(programShape.field),
  audience: label(programShape.audience),
  regions: label(programShape.regions),
  companyClass: label(companySchema.shape.class),
  company: '기업',
} as const;

export interface FacetDef {
  /** Filter key, also the legend shown. */
  key: string;
  /** Values in display order; `undefined` = as found in the index, sorted by Korean collation. */
  values?: readonly string[];
}

/** Facets in the order the search page shows them. */
export const FACETS: FacetDef[] = [
  { key: FILTER.type, values: SEARCHED_COLLECTIONS.map(contentType) },
  { key: FILTER.status, values: STATUSES },
  { key: FILTER.field, values: FIELDS },
  { key: FILTER.audience, values: AUDIENCES },
  { key: FILTER.regions, values: REGIONS },
  { key: FILTER.companyClass, values: COMPANY_CLASSES },
  { key: FILTER.company },
];

/** Sort keys (data-pagefind-sort names) and what the visitor picks. */
export const SORT = {
  /** 신청 마감일 (applyPeriod.end) of programs. */
  deadline: '신청 마감일',
  /** 등록일 of programs, 게시일/발행일 of notices and plans. */
  registered: label(programShape.registeredAt),
} as const;

export { META, META_WEIGHTS, dayNumber, dayToDate } from './meta-keys.ts';
