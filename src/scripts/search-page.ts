/**
 * The search page in the browser: reads the query, facets and sort from the URL,
 * loads Pagefind on the first search only, runs src/lib/search/engine.ts and
 * renders results, counts and the status line (announced to screen readers).
 * Each search is timed with performance.measure('search-query') for the bench.
 */
import { formatDate, formatPeriod } from '../lib/dates.ts';
import { SearchEngine, type EngineConfig, type PagefindApi, type ResultItem, type SearchOutcome, type SortOrder } from '../lib/search/engine.ts';
import { browserToday, correctStatuses } from './status-correction.ts';

type PageConfig = EngineConfig & { metaWeights: Record<string, number>; buildToday: string; base: string };

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const SORTS: SortOrder[] = ['relevance', 'deadline', 'registered'];

interface State {
  query: string;
  filters: Record<string, string[]>;
  sort: SortOrder;
}

function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`search page: ${selector} missing`);
  return el;
}

let enginePromise: Promise<SearchEngine> | undefined;

/** Load Pagefind (once, on first use) with the site's ranking weights. */
function engine(config: PageConfig): Promise<SearchEngine> {
  enginePromise ??= (async () => {
    const url = `${config.base.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as PagefindApi & {
      options(o: object): Promise<void>;
      filters(): Promise<unknown>;
    };
    await pf.options({ ranking: { metaWeights: config.metaWeights } });
    // Facet counts need every filter loaded.
    await pf.filters();
    return new SearchEngine(pf, config);
  })();
  enginePromise.catch(() => {
    enginePromise = undefined;
  });
  return enginePromise;
}

function stateFromUrl(facetKeys: string[]): State {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const key of facetKeys) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  const sort = params.get('sort') as SortOrder;
  return { query: params.get('q') ?? '', filters, sort: SORTS.includes(sort) ? sort : 'relevance' };
}

function urlFromState(state: State): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const [key, values] of Object.entries(state.filters)) for (const v of values) params.append(key, v);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const qs = params.toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}`;
}

function renderItem(template: HTMLTemplateElement, item: ResultItem, today: string): HTMLElement {
  const li = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
  $('[data-result-type]', li).textContent = item.type;
  const link = $('[data-result-link]', li) as HTMLAnchorElement;
  link.href = item.url;
  link.textContent = item.title;
  $('[data-result-excerpt]', li).innerHTML = item.excerpt;
  const status = $('[data-result-status]', li);
  const meta: string[] = [];
  if (item.apply && item.support) {
    Object.assign(status.dataset, { applyStart: item.apply.start, applyEnd: item.apply.end, supportStart: item.support.start, supportEnd: item.support.end });
    status.hidden = false;
    correctStatuses(li, today);
    if (item.company) meta.push(item.company);
    meta.push(`신청기간 ${formatPeriod(item.apply)}`);
  } else {
    status.remove();
    if (item.date) meta.push(`등록일 ${formatDate(item.date)}`);
  }
  $('[data-result-meta]', li).textContent = meta.join(' · ');
  return li;
}

function statusText(state: State, outcome: SearchOutcome | undefined): string {
  if (!state.query.trim()) return '검색어를 입력하세요.';
  if (!outcome) return '';
  const filtered = Object.values(state.filters).reduce((n, v) => n + v.length, 0);
  const filterNote = filtered ? ` (필터 ${filtered}개 적용)` : '';
  const shown = outcome.keyboardFrom ? `‘${outcome.keyboardFrom}’ 대신 한글 ‘${outcome.searched}’` : `‘${outcome.plan.text}’`;
  if (outcome.total === 0) return `${shown}에 맞는 결과가 없습니다${filterNote}. 낱말을 줄이거나 필터를 해제해 보세요.`;
  const sortNote = state.sort === 'deadline' ? ' · 신청 마감일이 있는 프로그램만' : state.sort === 'registered' ? ' · 등록일이 있는 프로그램·공지·자료만' : '';
  return `${shown} 검색 결과 ${outcome.total.toLocaleString('ko-KR')}건${filterNote}${sortNote}`;
}

/** Wire the search page. */
export function startSearchPage(): void {
  const config = JSON.parse($('[data-search-config]').textContent ?? '{}') as PageConfig;
  const form = $('[data-search-form]') as HTMLFormElement;
  const input = $('[data-search-input]') as HTMLInputElement;
  const sortSelect = form.elements.namedItem('sort') as HTMLSelectElement;
  const facetsBox = $('[data-search-facets]');
  const statusLine = $('[data-search-status]');
  const list = $('[data-search-results]');
  const more = $('[data-search-more]') as HTMLButtonElement;
  const template = $('[data-result-template]') as HTMLTemplateElement;
  const facetKeys = [...facetsBox.querySelectorAll<HTMLElement>('[data-facet]')].map((el) => el.dataset.facet ?? '');
  const today = browserToday();
  let sequence = 0;
  let current: SearchOutcome | undefined;
  let shown = 0;

  const readForm = (): State => {
    const filters: Record<string, string[]> = {};
    for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) (filters[box.name] ??= []).push(box.value);
    return { query: input.value, filters, sort: sortSelect.value as SortOrder };
  };

  const writeForm = (state: State) => {
    input.value = state.query;
    sortSelect.value = state.sort;
    for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
  };

  const renderCounts = (outcome: SearchOutcome) => {
    for (const facet of facetsBox.querySelectorAll<HTMLElement>('[data-facet]')) {
      const counts = outcome.counts[facet.dataset.facet ?? ''] ?? {};
      let visible = 0;
      for (const li of facet.querySelectorAll<HTMLElement>('[data-facet-value]')) {
        const n = counts[li.dataset.facetValue ?? ''] ?? 0;
        const checked = li.querySelector<HTMLInputElement>('input')?.checked ?? false;
        $('[data-count]', li).textContent = `(${n.toLocaleString('ko-KR')})`;
        li.hidden = n === 0 && !checked;
        if (!li.hidden) visible++;
      }
      facet.hidden = visible === 0;
    }
    facetsBox.hidden = false;
  };

  /** Append the next page of results; returns the first new result's link. */
  const showMore = async (outcome: SearchOutcome, seq: number): Promise<HTMLAnchorElement | undefined> => {
    const items = await outcome.page(shown, PAGE_SIZE);
    if (seq !== sequence) return undefined;
    const added = items.map((item) => renderItem(template, item, today));
    list.append(...added);
    shown += items.length;
    more.hidden = shown >= outcome.total;
    return added[0]?.querySelector<HTMLAnchorElement>('[data-result-link]') ?? undefined;
  };

  const run = async (state: State) => {
    const seq = ++sequence;
    list.setAttribute('aria-busy', 'true');
    if (!state.query.trim()) {
      list.replaceChildren();
      more.hidden = true;
      facetsBox.hidden = true;
      statusLine.textContent = statusText(state, undefined);
      list.removeAttribute('aria-busy');
      return;
    }
    performance.mark('search-start');
    try {
      const search = await engine(config);
      const outcome = await search.search({ query: state.query, filters: state.filters, sort: state.sort, today });
      if (seq !== sequence) return;
      current = outcome;
      shown = 0;
      list.replaceChildren();
      await showMore(outcome, seq);
      if (seq !== sequence) return;
      renderCounts(outcome);
      $('[data-search-sort]').hidden = outcome.total === 0;
      statusLine.textContent = statusText(state, outcome);
      document.title = `‘${outcome.plan.text}’ 검색 결과 | 통합검색 | 상생누리`;
      performance.measure('search-query', 'search-start');
      document.documentElement.dataset.searchDone = String(seq);
    } catch (error) {
      if (seq !== sequence) return;
      statusLine.textContent = '검색 색인을 불러오지 못했습니다. 잠시 뒤 다시 시도하세요.';
      console.error(error);
    } finally {
      if (seq === sequence) list.removeAttribute('aria-busy');
    }
  };

  const commit = (push: boolean) => {
    const state = readForm();
    const url = urlFromState(state);
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    void run(state);
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    commit(true);
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => commit(false), TYPING_DELAY_MS);
  });
  // Start loading the index as soon as the visitor shows intent.
  input.addEventListener('focus', () => void engine(config).catch(() => undefined), { once: true });
  facetsBox.addEventListener('change', () => commit(true));
  sortSelect.addEventListener('change', () => commit(true));
  // Keyboard and screen-reader users land on the first of the newly shown results.
  more.addEventListener('click', async () => {
    if (!current) return;
    const first = await showMore(current, sequence);
    if (first) first.focus();
    else if (more.hidden) input.focus();
  });
  window.addEventListener('popstate', () => {
    const state = stateFromUrl(facetKeys);
    writeForm(state);
    void run(state);
  });

  // Narrow screens: results first, facets folded behind their heading.
  const toggle = facetsBox.querySelector<HTMLDetailsElement>('[data-facets-toggle]');
  const wide = window.matchMedia('(min-width: 64rem)');
  if (toggle && !wide.matches) toggle.open = false;
  wide.addEventListener('change', () => {
    if (toggle && wide.matches) toggle.open = true;
  });

  const initial = stateFromUrl(facetKeys);
  writeForm(initial);
  void run(initial);
}
