/** /rss/{facet}/{value}.xml: new programs of one company, 분야, 대상, 지역 … (see lib/feeds/filters.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPath, pagePath } from '../../lib/feeds/links.ts';
import { programsRss } from '../../lib/feeds/program-feeds.ts';
import { SITE } from '../../site.ts';
import { filterFeedPaths, type FilterFeedProps } from '../data/_filter-feeds.ts';
import { feedContext, fileResponse } from '../data/_site.ts';

export const getStaticPaths = (() => filterFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute<FilterFeedProps, { feed: string }> = async ({ params, props }) => {
  const page = props.filter.company !== undefined && Object.keys(props.filter).length === 1 ? pagePath.company(props.filter.company) : pagePath.programs;
  const xml = programsRss(props.programs, await feedContext(), {
    title: `${SITE.name} 새 프로그램: ${props.label}`,
    description: `${props.label} 상생협력 프로그램의 새 등록 소식`,
    page,
    self: feedPath.filterRss(params.feed),
  });
  return fileResponse(xml, 'application/rss+xml');
};
