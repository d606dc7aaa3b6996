/**
 * The search itself, on top of Pagefind's JS API (passed in, so this module has no
 * DOM and is unit-tested with a fake index): query rewriting, the retry in Hangul
 * for English-mode queries, ranking, facet counts and result pages.
 */
import { programStatus, ddayLabel } from '../status.ts';
import type { Status } from '../../schemas/choices.ts';
import { buildExcerpt } from './excerpt.ts';
import { facetIndexOf, type FacetCounts, type FacetIndex } from './facet-index.ts';
import { META, dayToDate } from './meta-keys.ts';
import { keyboardPlan, matchTerms, planQuery, type QueryPlan } from './query.ts';
import { orderCandidates, orderWindow, titleMatches, type Candidate } from './ranking.ts';
import { keptPromises, responseKey, withResponseCache } from './response-cache.ts';
import { sortRanks, type SortName, type SortTable } from './sort-order.ts';

/** What the engine needs of Pagefind's JS API (`pagefind.js`). */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindResponse | null>;
  /** Load every filter chunk (facet counts need them). */
  filters?(): Promise<unknown>;
  /** Fetch the index chunks a search for `term` reads, without searching. */
  preload?(term: string): Promise<unknown>;
}
export type PagefindFilters = Record<string, { any: string[] }>;
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export interface PagefindResult {
  id: string;
  score: number;
  /** Meta fields a query word matched in (Pagefind ≥ 1.5). */
  matchedMetaFields?: string[];
  data(): Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

/** Names of the filters (rendered by the search page from the schemas). */
export interface EngineConfig {
  filterKeys: { type: string; status: string; company: string };
}

export type SortOrder = 'relevance' | SortName;
/** Loads a sort (`sort-order.ts`): the page ids having its key, ascending. */
export type SortTableLoader = (name: SortName) => Promise<SortTable>;

export interface SearchRequest {
  query: string;
  /** Selected facet values: any value within a facet, every facet. */
  filters: Record<string, string[]>;
  sort: SortOrder;
  /** Today in Asia/Seoul (badges and the 종료 rule use it). */
  today: string;
}

export interface ResultItem {
  id: string;
  url: string;
  title: string;
  type: string;
  /** Excerpt HTML (escaped text, matches in <mark>). */
  excerpt: string;
  company?: string;
  /** Programs: apply and support periods, 진행단계 and D-day as of `today`. */
  apply?: { start: string; end: string };
  support?: { start: string; end: string };
  status?: Status;
  dday?: string;
  /** Notices and plans: 게시일/발행일; programs: 등록일. */
  date?: string;
  titleMatch: boolean;
}

export interface SearchOutcome {
  plan: QueryPlan;
  /** The query the results are for (the Hangul of an English-mode query when retried). */
  searched: string;
  /** Set when the query was retried as Hangul typed in English mode. */
  keyboardFrom?: string;
  /** Words highlighted and looked for in titles. */
  terms: string[];
  total: number;
  /**
   * Facet value counts for the results (a facet's own selection left out of its
   * counts). Computed on the facet index after the results are shown: counting every
   * filter value costs Pagefind far more than the search itself on a large site.
   */
  counts(): Promise<FacetCounts>;
  /** Load results [start, start + size). */
  page(start: number, size: number): Promise<ResultItem[]>;
}

/** Meta fields holding the title: its words, and its inner Korean and 초성 tokens. */
const TITLE_FIELDS = new Set<string>(['title', META.koreanTitle]);

interface Ranked extends Candidate {
  result: PagefindResult;
}

function toPagefindFilters(filters: Record<string, string[]>, except?: string): PagefindFilters {
  const out: PagefindFilters = {};
  for (const [key, values] of Object.entries(filters)) if (key !== except && values.length > 0) out[key] = { any: values };
  return out;
}

function periodsOf(meta: PagefindData['meta']): { apply: { start: string; end: string }; support: { start: string; end: string } } | undefined {
  const days = meta[META.periods]?.split(' ').map(Number);
  if (!days || days.length !== 4 || days.some(Number.isNaN)) return undefined;
  const [a, b, c, d] = days.map(dayToDate);
  return { apply: { start: a, end: b }, support: { start: c, end: d } };
}

/** Results in a sort's order within their group (lower first); pages without the sort's key are left out. */
function bySort<T extends Candidate>(list: T[], ranks: Map<string, number>, group: (c: T) => number): T[] {
  return list
    .filter((c) => ranks.has(c.id))
    .map((c) => ({ c, g: group(c), r: ranks.get(c.id)! }))
    .sort((a, b) => a.g - b.g || a.r - b.r)
    .map(({ c }) => c);
}

/** An empty outcome (nothing typed). */
function empty(plan: QueryPlan): SearchOutcome {
  return { plan, searched: '', terms: [], total: 0, counts: async () => ({}), page: async () => [] };
}

/**
 * Two parts share the work: `pf` finds and ranks results and loads a filter only when the
 * visitor filters by it; the facet index (facet-index.ts; on the page, a worker counting
 * from the build's facet table) gives the counts and the 종료 list. (Pagefind counts every
 * loaded filter's values on every search, which on 10,000 programs costs ten times the
 * search itself, so the results instance loads no filter it does not need.)
 */
export class SearchEngine {
  readonly pf: PagefindApi;
  readonly config: EngineConfig;
  private readonly makeFacets: () => FacetIndex;
  private facetIndex?: FacetIndex;
  /** Programs in a 진행단계 as of the build, by status (from the facet index, once each). */
  private readonly byStatus = new Map<Status, Promise<Set<string>>>();
  /** The 종료 list once it has arrived (the first search does not wait for it). */
  private endedKnown?: Set<string>;
  private filtersLoaded?: Promise<void>;
  private readonly loadSortTable?: SortTableLoader;
  private readonly ranks = new Map<SortName, Promise<Map<string, number>>>();

  /**
   * @param facets the facet index, or a function making it on first use (so its runtime
   * and index metadata are fetched only after the first results are shown); `pf`'s own
   * counts without it
   * @param sortTable loads a sort when a visitor first picks it (without it, only relevance)
   */
  constructor(pf: PagefindApi, config: EngineConfig, facets?: FacetIndex | (() => FacetIndex), sortTable?: SortTableLoader) {
    // A search repeated within the visit (another sort, back, Enter after the typing pause) is answered from memory.
    this.pf = withResponseCache(pf);
    this.config = config;
    this.makeFacets = typeof facets === 'function' ? facets : () => facets ?? facetIndexOf(pf);
    this.loadSortTable = sortTable;
  }

  /** Each page's place in a sort, loaded once (a failed load is tried again next time). */
  private sortRanks(name: SortName): Promise<Map<string, number>> {
    let ranks = this.ranks.get(name);
    if (!ranks) {
      if (!this.loadSortTable) return Promise.reject(new Error(`정렬(${name})을 쓸 수 없습니다`));
      ranks = this.loadSortTable(name).then((table) => sortRanks(table, name));
      ranks.catch(() => this.ranks.delete(name));
      this.ranks.set(name, ranks);
    }
    return ranks;
  }

  /** The facet index, made on first use. */
  private get facets(): FacetIndex {
    this.facetIndex ??= this.makeFacets();
    return this.facetIndex;
  }

  /**
   * Every 종료 program as of the build, listed once per visit by the facet index (it
   * does not depend on the query). Started with the
   * facets, after the first results are on screen, so the first search fetches only
   * what its results need; until it arrives, only the shown page is ordered by 진행단계.
   */
  ended(): Promise<Set<string>> {
    return this.withStatus('종료').then((ids) => (this.endedKnown = ids));
  }

  /** Every program in `status` as of the build, fetched once per visit. */
  private withStatus(status: Status): Promise<Set<string>> {
    let ids = this.byStatus.get(status);
    if (!ids) this.byStatus.set(status, (ids = this.facets.ids(null, { [this.config.filterKeys.status]: { any: [status] } }).then((list) => new Set(list))));
    return ids;
  }

  /**
   * Every 진행중 program as of the build (its application closed, its support running), fetched
   * once per visit when the 신청 마감일 sort is first used: that sort puts them after the programs
   * still open or upcoming, whose deadlines are the ones a visitor can still meet.
   */
  running(): Promise<Set<string>> {
    return this.withStatus('진행중');
  }

  /** Load what the facet index counts with (once). */
  loadFacets(): Promise<void> {
    this.filtersLoaded ??= this.facets.loadFilters();
    return this.filtersLoaded;
  }

  /** Facet counts of recent searches (another sort or back shows them again without counting). */
  private readonly keptCounts = keptPromises<FacetCounts>();

  private countFacets(term: string, selected: Record<string, string[]>): Promise<FacetCounts> {
    return this.keptCounts(responseKey(term, toPagefindFilters(selected)), () => this.countFacetsNow(term, selected));
  }

  private async countFacetsNow(term: string, selected: Record<string, string[]>): Promise<FacetCounts> {
    await Promise.all([this.loadFacets(), this.ended()]);
    const counts = await this.facets.counts(term, toPagefindFilters(selected));
    // A facet with a selection is counted without it, so its other values stay pickable.
    for (const key of Object.keys(selected)) {
      if (!selected[key].length) continue;
      const own = (await this.facets.counts(term, toPagefindFilters(selected, key)))[key];
      if (own) counts[key] = own;
    }
    return counts;
  }

  /**
   * Fetch the index chunks a search for `query` will read (what the visitor has typed so
   * far), so pressing Enter finds them loaded or on their way. Searches nothing.
   */
  async preload(query: string): Promise<void> {
    const plan = planQuery(query);
    if (plan.text) await this.pf.preload?.(plan.stripped ?? plan.text);
  }

  /** Run a search. */
  async search(req: SearchRequest): Promise<SearchOutcome> {
    const typed = planQuery(req.query);
    if (!typed.text) return empty(typed);
    const { filterKeys } = this.config;
    const filters = toPagefindFilters(req.filters);
    const sorted = req.sort === 'relevance' ? undefined : req.sort;
    // Once the facet index answers off the page's thread (after the first results), a search with
    // facets ticked narrows the words' results (kept from the search before the tick) by the pages
    // it lists, instead of Pagefind loading each filter and counting its values on the page.
    const narrowing = Object.keys(filters).length > 0 && this.facetIndex?.offThread === true ? this.facetIndex : undefined;
    const run = async (plan: QueryPlan): Promise<PagefindResponse | null> => {
      const term = plan.stripped ?? plan.text;
      if (!narrowing) return this.pf.search(term, { filters });
      const [response, passing] = await Promise.all([this.pf.search(term, {}), narrowing.ids(term, filters).then((ids) => new Set(ids))]);
      return response && { ...response, results: response.results.filter((r) => passing.has(r.id)) };
    };

    let plan = typed;
    // Sorting by deadline needs the 종료 list to put past deadlines last; relevance does not wait.
    let [response, ended, ranks, running] = await Promise.all([
      run(plan),
      sorted === 'deadline' ? this.ended() : this.endedKnown ?? new Set<string>(),
      sorted ? this.sortRanks(sorted) : undefined,
      sorted === 'deadline' ? this.running() : undefined,
    ]);
    let keyboardFrom: string | undefined;
    const retry = keyboardPlan(typed);
    if ((response?.results.length ?? 0) === 0 && retry) {
      const second = await run(retry);
      if ((second?.results.length ?? 0) > 0) [plan, response, keyboardFrom] = [retry, second, typed.text];
    }
    if (!response) return empty(typed);
    const broad = plan.stripped ?? plan.text;

    // Pages matching the words as typed rank above those found only without the particle (a date sort ignores it).
    // (Only its members matter: the words as typed are searched without the filters when narrowing.)
    const exact = plan.stripped && !sorted ? new Set((await this.pf.search(plan.text, narrowing ? {} : { filters }))?.results.map((r) => r.id)) : undefined;
    if (req.filters[filterKeys.status]?.length && !req.filters[filterKeys.status].includes('종료')) ended = new Set();
    const candidates: Ranked[] = response.results.map((result) => ({
      id: result.id, score: result.score, result, exact: exact ? exact.has(result.id) : true, ended: ended.has(result.id),
      titleHit: result.matchedMetaFields?.some((field) => TITLE_FIELDS.has(field)) ?? false,
    }));
    // By 신청 마감일: programs one can still apply to (or soon), then 진행중, then 종료, each by deadline.
    const group = running ? (c: Ranked) => (c.ended ? 2 : running.has(c.id) ? 1 : 0) : () => 0;
    const ordered = ranks ? bySort(candidates, ranks, group) : orderCandidates(candidates);

    const terms = matchTerms(plan);
    return {
      plan: typed, searched: plan.text, keyboardFrom, terms, total: ordered.length,
      counts: () => this.countFacets(broad, req.filters),
      page: (start, size) => this.loadPage(ordered.slice(start, start + size), terms, req, !sorted),
    };
  }

  private async loadPage(window: Ranked[], terms: string[], req: SearchRequest, rerank: boolean): Promise<ResultItem[]> {
    const { filterKeys } = this.config;
    const loaded = await Promise.all(
      window.map(async (c) => {
        const data = await c.result.data();
        const title = data.meta.title ?? data.url;
        const periods = periodsOf(data.meta);
        const status = periods ? programStatus(periods.apply, periods.support, req.today) : undefined;
        const day = Number(data.meta[META.date]);
        const item: ResultItem = {
          id: c.id, url: data.url, title,
          type: data.filters[filterKeys.type]?.[0] ?? '',
          company: data.filters[filterKeys.company]?.[0],
          excerpt: buildExcerpt(data.content, terms).html,
          apply: periods?.apply, support: periods?.support, status,
          dday: periods ? ddayLabel(periods.apply, req.today) : undefined,
          date: Number.isFinite(day) && data.meta[META.date] ? dayToDate(day) : undefined,
          titleMatch: titleMatches(title, terms),
        };
        // The page's own dates decide 종료, not the build's 진행단계.
        return { ...c, ended: status ? status === '종료' : c.ended, title, item };
      }),
    );
    return (rerank ? orderWindow(loaded, terms) : loaded).map((l) => l.item);
  }
}
