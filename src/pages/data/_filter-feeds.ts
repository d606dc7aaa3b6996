/** The static paths of every filter feed (기업, 기업분류, 지원대상, 분야, 지역 and the built pairs). */
import { loadSite } from '../../data/site-data.ts';
import { builtFilters, filterKey, filterLabel, programMatches, type FeedFilter } from '../../lib/feeds/filters.ts';
import type { ProgramItem } from '../../lib/feeds/types.ts';

export type FilterFeedProps = {
  filter: FeedFilter;
  /** Korean name of the filter, e.g. "전체 오픈 · 금융지원". */
  label: string;
  programs: ProgramItem[];
};

type FilterFeedPath = { params: { feed: string }; props: FilterFeedProps };
let paths: Promise<FilterFeedPath[]> | undefined;

/**
 * `{ params: { feed: 'fields/finance' }, props }` for every built filter. The programs of each
 * filter are picked once per build (the RSS and the calendar routes share them; each route
 * gets path objects of its own, as Astro keeps per-route state on them). A company's filters
 * start from that company's programs instead of scanning every program.
 */
export async function filterFeedPaths(): Promise<FilterFeedPath[]> {
  return (await filterFeeds()).map(({ params, props }) => ({ params: { ...params }, props: { ...props } }));
}

function filterFeeds(): Promise<FilterFeedPath[]> {
  paths ??= loadSite().then((site) => {
    const companyName = (id: string) => site.companies.get(id)?.data.name;
    return builtFilters(site.companies.keys()).map((filter) => {
      const candidates = filter.company === undefined ? site.programs : (site.programsByCompany.get(filter.company) ?? []);
      return {
        params: { feed: filterKey(filter) },
        props: { filter, label: filterLabel(filter, companyName), programs: candidates.filter((p) => programMatches(filter, p)) },
      };
    });
  });
  return paths;
}
