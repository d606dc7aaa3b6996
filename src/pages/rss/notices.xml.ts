/** /rss/notices.xml: 포럼 공지, newest first. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site-data.ts';
import { noticesRss } from '../../lib/feeds/notice-feed.ts';
import { SITE } from '../../site.ts';
import { feedContext, fileResponse } from '../data/_site.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  return fileResponse(noticesRss(site.announcements, site.forums, await feedContext(), SITE.name), 'application/rss+xml');
};
