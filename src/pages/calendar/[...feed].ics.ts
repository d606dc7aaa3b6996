/** /calendar/{facet}/{value}.ics: 신청 일정 of one company, 분야, 대상, 지역 … (see lib/feeds/filters.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { programsCalendar } from '../../lib/feeds/program-feeds.ts';
import { SITE } from '../../site.ts';
import { filterFeedPaths, type FilterFeedProps } from '../data/_filter-feeds.ts';
import { feedContext, fileResponse } from '../data/_site.ts';

export const getStaticPaths = (() => filterFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<FilterFeedProps, { feed: string }> = async ({ props }) => {
  const ics = programsCalendar(props.programs, await feedContext(), {
    title: `${SITE.name} 신청 일정: ${props.label}`,
    description: `${props.label} 상생협력 프로그램의 신청 시작일과 마감일`,
  });
  return fileResponse(ics, 'text/calendar');
};
