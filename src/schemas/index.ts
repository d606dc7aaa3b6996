/**
 * The collection registry: every collection's schema, folder and who writes it.
 * Astro's content config, the content validator, the CMS generator, search facets and
 * the exports all read this one table.
 */
import type { z } from 'zod';
import { announcementSchema } from './announcements.ts';
import { businessSchema } from './businesses.ts';
import { companySchema } from './companies.ts';
import { forumSchema } from './forums.ts';
import { guideSchema } from './guides.ts';
import { planSchema } from './plans.ts';
import { programSchema } from './programs.ts';

export interface CollectionDef {
  /** The zod schema of the front matter. */
  schema: z.ZodObject;
  /** Korean name of the collection (plural), e.g. 프로그램. */
  label: string;
  /** Label of the Markdown body, or undefined when the body is unused. */
  bodyLabel?: string;
  /** Editors write it through the CMS (only `.md` is then allowed). */
  cms: boolean;
  /** Field editors and visitors know the entry by. */
  titleField: string;
}

export const COLLECTIONS = {
  programs: { schema: programSchema, label: '프로그램', bodyLabel: '지원내용', cms: true, titleField: 'title' },
  businesses: { schema: businessSchema, label: '사업', cms: true, titleField: 'name' },
  companies: { schema: companySchema, label: '참여기업', bodyLabel: '협력사 등록 절차', cms: true, titleField: 'name' },
  forums: { schema: forumSchema, label: '정책포럼', bodyLabel: '포럼 소개', cms: true, titleField: 'name' },
  announcements: { schema: announcementSchema, label: '포럼 공지', bodyLabel: '본문', cms: true, titleField: 'title' },
  plans: { schema: planSchema, label: '계획·보도자료', bodyLabel: '본문', cms: true, titleField: 'title' },
  guides: { schema: guideSchema, label: '이용안내', bodyLabel: '본문', cms: false, titleField: 'title' },
} as const satisfies Record<string, CollectionDef>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The folder holding all content; `CONTENT_ROOT` points the build at another one (the scale corpus). */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return env.CONTENT_ROOT?.trim() || 'content';
}

export { programSchema, businessSchema, companySchema, forumSchema, announcementSchema, planSchema, guideSchema };
