/** 포럼 공지 as an RSS feed (/rss/notices.xml). */
import { formatDate } from '../dates.ts';
import { markdownExcerpt } from './excerpt.ts';
import { absoluteUrl, feedPath, pagePath } from './links.ts';
import { RSS_LIMIT } from './program-feeds.ts';
import { renderRss } from './rss.ts';
import type { AnnouncementEntry, FeedContext, ForumEntry } from './types.ts';

/** The notices feed, newest first. */
export function noticesRss(notices: readonly AnnouncementEntry[], forums: ReadonlyMap<string, ForumEntry>, ctx: FeedContext, siteName: string): string {
  const items = [...notices]
    .sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt) || a.id.localeCompare(b.id))
    .slice(0, RSS_LIMIT)
    .map((n) => {
      const forum = n.data.forum ? forums.get(n.data.forum)?.data.name : undefined;
      return {
        title: n.data.title,
        link: absoluteUrl(ctx.site, pagePath.notice(n.id)),
        date: n.data.publishedAt,
        categories: [n.data.category, ...(forum ? [forum] : [])],
        paragraphs: [
          [n.data.category, forum].filter(Boolean).join(' · '),
          n.data.event ? `행사 ${formatDate(n.data.event.date)} · ${n.data.event.place}` : '',
          n.data.deadline ? `마감 ${formatDate(n.data.deadline)}` : '',
          markdownExcerpt(n.body),
        ],
      };
    });
  return renderRss({
    title: `${siteName} 포럼 공지`,
    description: '중소기업 정책포럼의 토론회·공모·선정 결과 등 공지',
    link: absoluteUrl(ctx.site, pagePath.notices),
    self: absoluteUrl(ctx.site, feedPath.noticesRss),
    builtAt: ctx.builtAt,
    ttl: 720,
    items,
  });
}
