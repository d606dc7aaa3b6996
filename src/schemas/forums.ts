/** forums — 정책포럼 (the five forums of 2004.5 in 000 are the first entries). */
import { z } from 'zod';
import { FORUM_STATUSES } from './choices.ts';
import { choice, isoDate, text, textList } from './fields.ts';

export const forumSchema = z
  .object({
    /** 포럼명. */
    name: text('포럼명', { max: 100 }),
    /** 포럼 소개 (한 줄). */
    summary: text('포럼 소개', { max: 300, widget: 'text' }),
    /** 대표. */
    representative: text('대표', { max: 50 }).optional(),
    /** 개설일. */
    openedAt: isoDate('개설일'),
    /** 운영 상태. */
    status: choice('운영 상태', FORUM_STATUSES),
    /** 주요 주제. */
    topics: textList('주요 주제').default([]),
  })
  .meta({ label: '정책포럼' });

export type Forum = z.infer<typeof forumSchema>;
