/** businesses — 사업: a folder of programs registered by one company (사업 ≠ 프로그램). */
import { z } from 'zod';
import { httpsUrl, ref, text } from './fields.ts';

export const businessSchema = z
  .object({
    /** 기업명: slug of the company that runs the business. */
    company: ref('기업명', 'companies'),
    /** 사업명, e.g. "구매상담회". */
    name: text('사업명', { max: 100 }),
    /** 관련사이트 (https). */
    site: httpsUrl('관련사이트').optional(),
    /** 사업개요: short, only what managing the programs needs. */
    summary: text('사업개요', { max: 500, widget: 'text', hint: '관리 시 필요한 내용만 간단히 등록' }),
  })
  .meta({ label: '사업' });

export type Business = z.infer<typeof businessSchema>;
