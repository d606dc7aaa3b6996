/** companies — 참여기업 and their 협력사 등록 안내 (supplier-registration guide; the body is the procedure). */
import { z } from 'zod';
import { COMPANY_CLASSES } from './choices.ts';
import { EMAIL_PATTERN, HTTPS_URL_PATTERN, IMAGE_PATTERN, businessNumber, choice, contact, httpsUrl, text, textList } from './fields.ts';

/** 홈페이지: an https URL, or the contact e-mail when the company has no homepage (001's rule). */
const homepage = z
  .string()
  .trim()
  .regex(new RegExp(`(?:${HTTPS_URL_PATTERN.source})|(?:${EMAIL_PATTERN.source})`), 'https:// 주소 또는 이메일 주소여야 합니다')
  .meta({ label: '홈페이지', hint: '홈페이지가 없을 경우에는 담당자 이메일 주소를 입력하세요', patternHint: 'https:// 주소 또는 이메일' });

export const companySchema = z
  .object({
    /** 기업명: the full legal name (본인 회사의 풀네임), e.g. "한국수자원공사". */
    name: text('기업명', { max: 100, hint: '회사의 정식 명칭(풀네임)을 입력하세요' }),
    /** 기업분류. */
    class: choice('기업분류', COMPANY_CLASSES),
    /** 업종, e.g. "통신 및 방송 장비 제조업". */
    industry: text('업종', { max: 100 }),
    /** 기업로고 image under /uploads/. */
    logo: z.string().trim().regex(IMAGE_PATTERN, '/uploads/ 아래 PNG, JPG, SVG, WEBP, GIF 이미지여야 합니다').meta({ label: '기업로고', widget: 'image' }).optional(),
    /** 홈페이지 or contact e-mail. */
    homepage,
    /** 사업자등록번호 with a valid check digit. */
    businessNumber: businessNumber().optional(),
    /** 대표자명. */
    representative: text('대표자명', { max: 50 }).optional(),
    /** 기업주소. */
    address: text('기업주소', { max: 200 }).optional(),
    /** 협력사 등록 안내: where and how an SME registers as a supplier. The procedure is the Markdown body. */
    registration: z
      .object({
        /** 협력사 등록 사이트. */
        url: httpsUrl('협력사 등록 주소').optional(),
        /** 제출서류. */
        documents: textList('제출서류').default([]),
        /** 협력사 등록 문의처. */
        contact: contact('등록 문의처').optional(),
      })
      .meta({ label: '협력사 등록 안내', hint: '등록 절차는 본문에 작성하세요' })
      .optional(),
  })
  .meta({ label: '참여기업' });

export type Company = z.infer<typeof companySchema>;
