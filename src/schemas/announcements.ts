/** announcements — 포럼 공지 (support schemes, events, calls and results of the policy forum). */
import { z } from 'zod';
import { ANNOUNCEMENT_CATEGORIES } from './choices.ts';
import { attachments, choice, isoDate, ref, text } from './fields.ts';

export const announcementSchema = z
  .object({
    /** 제목. */
    title: text('제목', { max: 200 }),
    /** 게시일. */
    publishedAt: isoDate('게시일'),
    /** 관련 포럼 (optional). */
    forum: ref('관련 포럼', 'forums').optional(),
    /** 분류. */
    category: choice('분류', ANNOUNCEMENT_CATEGORIES),
    /** 행사 일시와 장소 (토론회, 설명회, 간담회). */
    event: z
      .object({
        date: isoDate('행사일'),
        place: text('장소', { max: 200 }),
      })
      .meta({ label: '행사' })
      .optional(),
    /** 접수 마감일. */
    deadline: isoDate('마감일').optional(),
    /** 첨부문서. */
    attachments: attachments(),
  })
  .meta({ label: '포럼 공지' });

export type Announcement = z.infer<typeof announcementSchema>;
