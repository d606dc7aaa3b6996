/** plans — 계획·보도자료: plan documents and press releases, reproduced with their tables. */
import { z } from 'zod';
import { DOC_TYPES, LICENSES } from './choices.ts';
import { attachments, choice, isoDate, text, textList } from './fields.ts';

/** 성과지표 (KPI) shown as a card, e.g. 고객만족도 70.3 % (기준 2004년 65.2). */
const target = z
  .object({
    label: text('지표명', { max: 100 }),
    value: z.number({ error: () => '숫자여야 합니다' }).meta({ label: '목표값' }),
    unit: text('단위', { max: 20 }),
    baseline: text('기준', { max: 100 }).optional(),
  })
  .meta({ label: '성과지표' });

/** 추진일정: one step of the timeline, e.g. { when: "1월", items: [...] }. */
const scheduleStep = z
  .object({
    when: text('시기', { max: 50 }),
    items: textList('추진내용'),
  })
  .meta({ label: '일정' });

export const planSchema = z
  .object({
    /** 제목. */
    title: text('제목', { max: 200 }),
    /** 발행기관, e.g. 중소기업청. */
    organization: text('발행기관', { max: 100 }),
    /** 발행일. */
    publishedAt: isoDate('발행일'),
    /** 문서 유형. */
    docType: choice('문서 유형', DOC_TYPES),
    /** 요약. */
    summary: text('요약', { max: 300, widget: 'text' }),
    /** 태그. */
    tags: textList('태그').default([]),
    /** 출처: URL or bibliographic citation. */
    source: text('출처', { max: 300, hint: '원문 주소 또는 발행기관·문서명·발행일' }),
    /** 공공누리 license; 제4유형 documents are reproduced unaltered. */
    license: choice('이용허락 (공공누리)', LICENSES, { hint: '제4유형(출처표시+상업적이용금지+변경금지) 문서는 원문 그대로 게시합니다' }),
    /** 성과지표. */
    targets: z.array(target).meta({ label: '성과지표' }).optional(),
    /** 추진일정. */
    schedule: z.array(scheduleStep).meta({ label: '추진일정' }).optional(),
    /** 첨부문서. */
    attachments: attachments(),
  })
  .meta({ label: '계획·보도자료' });

export type Plan = z.infer<typeof planSchema>;
