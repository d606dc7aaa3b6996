/**
 * Shared field builders. Each returns a zod schema that carries its own Korean label,
 * hint and limits (see `meta.ts`), so the CMS generator, pages, search facets and
 * exports read the same definition. Strings are trimmed and NFC-normalised
 * (mixed NFC/NFD Hangul from macOS uploads becomes one form; it is never rejected).
 */
import { z } from 'zod';
import { isRealDate, toDateText } from '../lib/dates.ts';
import { isValidBusinessNumber } from '../lib/business-number.ts';
import { ATTACHMENT_TYPES } from './choices.ts';
import type { FieldMeta } from './meta.ts';

type Extra = Omit<FieldMeta, 'label'>;

/** Korean phone numbers: 02-368-8487, 031-123-4567, 010-1234-5678, 070-…, 1588-0000. */
export const PHONE_PATTERN = /^(?:02-\d{3,4}-\d{4}|0[3-6][1-5]-\d{3,4}-\d{4}|01[016789]-\d{3,4}-\d{4}|0[5-8]0-\d{3,4}-\d{4}|1[5-9]\d{2}-\d{4})$/;
/** https URLs only: no http:, javascript: or data:. */
export const HTTPS_URL_PATTERN = /^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#][^\s]*)?$/;
/** E-mail addresses. */
export const EMAIL_PATTERN = /^[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}$/;
/** 사업자등록번호 shape (the check digit is checked separately). */
export const BUSINESS_NUMBER_SHAPE = /^\d{3}-\d{2}-\d{5}$/;
/** Uploaded files live under /uploads/ with an allowed extension. */
export const ATTACHMENT_PATTERN = new RegExp(`^/uploads/[^\\s?#]+\\.(?:${ATTACHMENT_TYPES.join('|')})$`, 'i');
/** Images (logos) live under /uploads/ too. */
export const IMAGE_PATTERN = /^\/uploads\/[^\s?#]+\.(?:png|jpe?g|svg|webp|gif)$/i;
/** Entry slugs: lower-case ASCII words joined by hyphens (they become stable URLs). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A single-line text. `max` counts characters as the source form does (0 / 200자). */
export function text(label: string, opts: Extra & { min?: number; max?: number } = {}) {
  const { min = 1, max, ...extra } = opts;
  let s = z.string().trim().normalize('NFC').min(min, `${min}자 이상 입력하세요`);
  if (max !== undefined) s = s.max(max, `${max}자 이내로 입력하세요`);
  return s.meta({ label, ...extra });
}

/** Multi-line plain text (CMS `text` widget). */
export function longText(label: string, opts: Extra & { min?: number; max?: number } = {}) {
  return text(label, { widget: 'text', ...opts });
}

/** Markdown text kept in front matter (e.g. 지원대상 상세조건). */
export function markdown(label: string, opts: Extra = {}) {
  return z.string().normalize('NFC').meta({ label, widget: 'markdown', ...opts });
}

/** One of a closed list of Korean choices. */
export function choice<const T extends readonly [string, ...string[]]>(label: string, options: T, extra: Extra = {}) {
  return z.enum(options, { error: () => `다음 중 하나여야 합니다: ${options.join(', ')}` }).meta({ label, ...extra });
}

/** A calendar date `YYYY-MM-DD` that exists (2018-02-31 is an error, not March 3). */
export function isoDate(label: string, extra: Extra = {}) {
  return z
    .preprocess(
      toDateText,
      z
        .string({ error: () => 'YYYY-MM-DD 형식의 날짜여야 합니다' })
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD 형식의 날짜여야 합니다')
        .refine(isRealDate, '달력에 없는 날짜입니다 (예: 2월 31일)'),
    )
    .meta({ label, example: '2018-05-13', ...extra });
}

/** A period {start, end} of real dates with end ≥ start. */
export function period(label: string, extra: Extra = {}) {
  return z
    .object({
      start: isoDate('시작일'),
      end: isoDate('종료일'),
    })
    .superRefine((p, ctx) => {
      // Only compare two real dates; an impossible date is already reported on its own field.
      if (isRealDate(p.start) && isRealDate(p.end) && p.end < p.start) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          input: p.end,
          message: `종료일은 시작일(${p.start}) 이후여야 합니다`,
        });
      }
    })
    .meta({ label, ...extra });
}

/** Korean phone number. */
export function phone(label = '전화번호', extra: Extra = {}) {
  return z
    .string()
    .trim()
    .regex(PHONE_PATTERN, '전화번호 형식이 아닙니다 (예: 02-368-8487, 1588-0000, 010-1234-5678)')
    .meta({ label, patternHint: '02-368-8487, 1588-0000, 010-1234-5678 형식', example: '02-368-8487', ...extra });
}

/** E-mail address. */
export function email(label = '이메일', extra: Extra = {}) {
  return z.string().trim().regex(EMAIL_PATTERN, '이메일 주소 형식이 아닙니다').meta({ label, patternHint: 'name@example.kr 형식', ...extra });
}

/** An https URL (http: and javascript: are rejected). */
export function httpsUrl(label: string, extra: Extra = {}) {
  return z
    .string()
    .trim()
    .regex(HTTPS_URL_PATTERN, 'https:// 로 시작하는 주소여야 합니다 (http:, javascript: 불가)')
    .meta({ label, patternHint: 'https:// 로 시작하는 주소', example: 'https://www.winwinnuri.or.kr', ...extra });
}

/** 사업자등록번호 000-00-00000 with a valid check digit. */
export function businessNumber(label = '사업자등록번호', extra: Extra = {}) {
  return z
    .string()
    .trim()
    .regex(BUSINESS_NUMBER_SHAPE, '000-00-00000 형식이어야 합니다')
    .refine(isValidBusinessNumber, '검증번호(마지막 자리)가 맞지 않습니다')
    .meta({ label, patternHint: '000-00-00000 형식', ...extra });
}

/** A reference to another entry by its slug (checked to exist by the content validator). */
export function ref(label: string, collection: string, display = 'name', extra: Extra = {}) {
  return z
    .string()
    .trim()
    .regex(SLUG_PATTERN, '항목 주소(슬러그) 형식이 아닙니다')
    .meta({ label, ref: { collection, display }, ...extra });
}

/** Yes/no. */
export function bool(label: string, extra: Extra = {}) {
  return z.boolean({ error: () => 'true 또는 false 여야 합니다' }).meta({ label, ...extra });
}

/** Free-form list of short strings (tags, documents). */
export function textList(label: string, extra: Extra = {}) {
  return z.array(text('항목')).meta({ label, ...extra });
}

/** 첨부문서: uploaded files with a title; type, existence and size are checked. */
export function attachments(label = '첨부문서', extra: Extra = {}) {
  return z
    .array(
      z.object({
        file: z
          .string()
          .trim()
          .regex(ATTACHMENT_PATTERN, `허용되지 않는 파일입니다 (/uploads/ 아래 ${ATTACHMENT_TYPES.map((t) => t.toUpperCase()).join(', ')})`)
          .meta({ label: '파일', widget: 'file' }),
        title: text('문서명', { max: 100 }),
      }),
    )
    .default([])
    .meta({ label, hint: 'PDF, HWP, HWPX, DOC(X), XLS(X), PPT(X), JPG, PNG, ZIP · 20MB 이하', ...extra });
}

/** 문의처: department, phone, optional e-mail. */
export function contact(label = '문의처', extra: Extra = {}) {
  return z
    .object({
      department: text('담당부서', { max: 100 }),
      phone: phone(),
      email: email().optional(),
    })
    .meta({ label, ...extra });
}
