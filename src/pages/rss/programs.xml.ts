/** /rss/programs.xml: every new program, newest registration first. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site-data.ts';
import { feedPath, pagePath } from '../../lib/feeds/links.ts';
import { programsRss } from '../../lib/feeds/program-feeds.ts';
import { SITE } from '../../site.ts';
import { feedContext, fileResponse } from '../data/_site.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const xml = programsRss(site.programs, await feedContext(), {
    title: `${SITE.name} 새 상생협력 프로그램`,
    description: '대기업·공공기관이 새로 등록한 상생협력 프로그램',
    page: pagePath.programs,
    self: feedPath.programsRss,
  });
  return fileResponse(xml, 'application/rss+xml');
};
