/** /calendar/programs.ics: every program's 신청 시작 and 신청 마감 as all-day events. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site-data.ts';
import { programsCalendar } from '../../lib/feeds/program-feeds.ts';
import { SITE } from '../../site.ts';
import { feedContext, fileResponse } from '../data/_site.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const ics = programsCalendar(site.programs, await feedContext(), {
    title: `${SITE.name} 신청 일정`,
    description: '상생협력 프로그램의 신청 시작일과 마감일',
  });
  return fileResponse(ics, 'text/calendar');
};
