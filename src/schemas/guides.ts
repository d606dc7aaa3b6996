/** guides — 이용안내: developer-written guide pages (.md or .mdx), searchable. */
import { z } from 'zod';
import { text } from './fields.ts';

export const guideSchema = z
  .object({
    /** 제목. */
    title: text('제목', { max: 200 }),
    /** 목록 순서 (작을수록 앞). */
    order: z.number().int().min(0).meta({ label: '순서' }),
    /** 요약. */
    summary: text('요약', { max: 300, widget: 'text' }),
  })
  .meta({ label: '이용안내' });

export type Guide = z.infer<typeof guideSchema>;
