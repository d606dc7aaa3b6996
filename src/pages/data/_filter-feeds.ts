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

/** `{ params: { feed: 'fields/finance' }, props }` for every built filter. */
export async function filterFeedPaths(): Promise<{ params: { feed: string }; props: FilterFeedProps }[]> {
  const site = await loadSite();
  const companyName = (id: string) => site.companies.get(id)?.data.name;
  return builtFilters(site.companies.keys()).map((filter) => ({
    params: { feed: filterKey(filter) },
    props: { filter, label: filterLabel(filter, companyName), programs: site.programs.filter((p) => programMatches(filter, p)) },
  }));
}
