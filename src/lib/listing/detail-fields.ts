/**
 * The order a program detail page shows its fields: the order of the 프로그램 등록 form in
 * the source (001) — 사업명, 기업명, 프로그램명 … 신청여부, then 지원내용 (the body),
 * 지원대상 상세조건, 신청방법, 기타, 첨부문서 — and 등록일 last.
 * tests/unit/site-listing.test.ts checks that it names every field of the schema.
 */
import type { programSchema } from '../../schemas/programs.ts';

type Key = keyof typeof programSchema.shape;

/** Short fields, shown as a definition list. `applyUrl` is shown inside 신청여부. */
export const SUMMARY_FIELDS = [
  'business', 'company', 'title', 'summary', 'purpose', 'field', 'audience',
  'applyPeriod', 'supportPeriod', 'regions', 'contact', 'applyOnline',
] as const satisfies readonly Key[];

/** Long fields after the body (지원내용), each a section. */
export const SECTION_FIELDS = ['eligibility', 'howToApply', 'notes', 'attachments'] as const satisfies readonly Key[];

/** Shown as part of another field. */
export const NESTED_FIELDS = { applyUrl: 'applyOnline' } as const satisfies Partial<Record<Key, Key>>;

/** Shown at the end. */
export const TRAILING_FIELDS = ['registeredAt'] as const satisfies readonly Key[];
