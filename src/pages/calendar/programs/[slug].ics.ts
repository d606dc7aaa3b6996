/** /calendar/programs/{slug}.ics: one program's 신청 시작·마감 (the detail page's add-to-calendar link). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../data/site-data.ts';
import { programCalendar } from '../../../lib/feeds/program-feeds.ts';
import type { ProgramItem } from '../../../lib/feeds/types.ts';
import { feedContext, fileResponse } from '../../data/_site.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.programs.map((program) => ({ params: { slug: program.id }, props: { program } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ program: ProgramItem }> = async ({ props }) =>
  fileResponse(programCalendar(props.program, await feedContext()), 'text/calendar');
