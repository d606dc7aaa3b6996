/**
 * The search page in the browser: reads the query, facets and sort from the URL,
 * loads Pagefind on the first search only, runs src/lib/search/engine.ts and
 * renders results, counts and the status line (announced to screen readers).
 * Each search is timed for the bench: performance.measure('search-ranked') when the ranked
 * list is known, 'search-excerpts' when its first page's excerpts are loaded, 'search-query'
 * when that page is on screen, 'search-facets' when the facet counts are.
 * The page arrives in its loading state (src/pages/search/index.astro); this script
 * fills it in place without changing its size: concealed parts keep their box,
 * results are laid out in their final font, facet counts wait for an idle moment.
 */
import { formatDate, formatPeriod } from '../lib/dates.ts';
import { SearchEngine, type EngineConfig, type ResultItem, type SearchOutcome, type SortOrder } from '../lib/search/engine.ts';
import { facetIndexOverPort, withFallback, type FacetWorkerInit } from '../lib/search/facet-channel.ts';
import { facetIndexOf, type FacetIndex } from '../lib/search/facet-index.ts';
import { loadPrefixChunkMap, withPrefixChunks, type PreloadingPagefind } from '../lib/search/prefix-chunks.ts';
import { loadSortTable, type SortName } from '../lib/search/sort-order.ts';
import { browserToday, correctStatuses } from './status-correction.ts';
import { followUrl } from './url-state.ts';

type PageConfig = EngineConfig & { metaWeights: Record<string, number>; buildToday: string; base: string };

const PAGE_SIZE = 10;
/** Values shown for a facet without a fixed vocabulary (기업). */
const TOP_VALUES = 20;
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

/** Hide an element but keep its box, so showing it again moves nothing. */
function conceal(el: HTMLElement, concealed: boolean): void {
  el.toggleAttribute('data-concealed', concealed);
}

/** Resolves after the next paint, once the main thread is idle (bounded wait). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
      else setTimeout(resolve, 50);
    });
  });
}

/** Longest the results wait for their web-font slices (loaded per unicode-range on first use). */
const FONT_WAIT_MS = 300;

/**
 * Load the web-font slices the new results' text needs before they are shown, so
 * they are laid out once in their final font (no swap reflow). Bounded: a slow font
 * never holds the results back more than FONT_WAIT_MS.
 */
async function fontsFor(nodes: HTMLElement[], family: string): Promise<void> {
  const text = nodes.map((n) => n.textContent ?? '').join('');
  if (!text || !document.fonts) return;
  const loads = ['400', '700'].map((weight) => document.fonts.load(`${weight} 1rem ${family}`, text).catch(() => []));
  await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS))]);
}

/**
 * Every slice of the site font, fetched once the visitor starts searching, when the page is
 * idle: results can hold any text, and results needing a slice not yet loaded wait for it
 * (above). A first visit to the home page loads nearly every slice anyway (src/integrations/fonts.ts).
 */
function loadEveryFace(family: string): void {
  const unquoted = (name: string) => name.trim().replace(/^["']|["']$/g, '');
  const name = unquoted(family.split(',')[0]);
  const load = () =>
    document.fonts?.forEach((face) => {
      if (face.status === 'unloaded' && unquoted(face.family) === name) void face.load().catch(() => undefined);
    });
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}

let enginePromise: Promise<SearchEngine> | undefined;

/** Load Pagefind (once, on first use) with the site's ranking weights. */
function engine(config: PageConfig): Promise<SearchEngine> {
  enginePromise ??= (async () => {
    const bundle = `${config.base.replace(/\/?$/, '/')}pagefind/`;
    const url = `${bundle}pagefind.js`;
    // Fetched beside Pagefind's runtime: which chunks each query's prefixes reach.
    const chunkMap = loadPrefixChunkMap(bundle, document.documentElement.lang).catch(() => undefined);
    type Instance = PreloadingPagefind & { options(o: object): Promise<void>; filters(): Promise<unknown> };
    const load = async (href: string, worker: boolean) => {
      const pf = (await import(/* @vite-ignore */ href)) as Instance;
      // Set before the first search: Pagefind reads `noWorker` when it starts.
      await pf.options({ noWorker: !worker, ranking: { metaWeights: config.metaWeights } });
      return pf;
    };
    // The results copy runs on the main thread: from a worker, Pagefind copies every
    // result (with its word locations) back to the page, which for 10,000 results took
    // longer than the search itself and stalled for up to a second at times.
    const pf = withPrefixChunks(await load(url, false), chunkMap);
    // Facet counts come from a worker of this page's own, made after the first results: a second
    // copy of Pagefind there finds the pages matching the words and the build's facet table counts
    // their values (src/lib/search/facet-table.ts); only counts and page ids come back
    // (src/lib/search/facet-channel.ts). Where that worker cannot start, a copy of Pagefind in
    // Pagefind's own worker counts with its filter files (slower: every value on every search).
    const init: FacetWorkerInit = { bundle, lang: document.documentElement.lang };
    const inPage = (): FacetIndex => {
      const copy = load(`${url}?facets`, true);
      return facetIndexOf(withPrefixChunks({
        search: async (term, options) => (await copy).search(term, options),
        preload: async (term) => (await copy).preload(term),
        filters: async () => (await copy).filters(),
      }, chunkMap));
    };
    const facets = (): FacetIndex => {
      try {
        const worker = new Worker(new URL('./facet-worker.ts', import.meta.url), { type: 'module', name: 'search-facets' });
        return withFallback(facetIndexOverPort(worker, init), inPage);
      } catch {
        return inPage();
      }
    };
    // A sort is fetched when a visitor first picks it (sort-order.ts).
    const sortTable = (name: SortName) => loadSortTable(bundle, document.documentElement.lang, name);
    return new SearchEngine(pf, config, facets, sortTable);
  })();
  enginePromise.catch(() => {
    enginePromise = undefined;
  });
  return enginePromise;
}

function stateFromUrl(params: URLSearchParams, facetKeys: string[]): State {
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
  const fontFamily = getComputedStyle(list).fontFamily;
  const facetKeys = [...facetsBox.querySelectorAll<HTMLElement>('[data-facet]')].map((el) => el.dataset.facet ?? '');
  const today = browserToday();
  let sequence = 0;
  let current: SearchOutcome | undefined;
  let shown = 0;

  const readForm = (): State => {
    const filters: Record<string, string[]> = {};
    for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) (filters[box.name] ??= []).push(box.value);
    // Selected values not (yet) shown as options, e.g. a 기업 from a shared link.
    for (const [key, values] of Object.entries(pending)) for (const v of values) if (!filters[key]?.includes(v)) (filters[key] ??= []).push(v);
    return { query: input.value, filters, sort: sortSelect.value as SortOrder };
  };

  /** Selected values of the URL that have no checkbox yet (filled in when counts arrive). */
  let pending: Record<string, string[]> = {};
  const writeForm = (state: State) => {
    input.value = state.query;
    sortSelect.value = state.sort;
    pending = {};
    const boxes = [...facetsBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    for (const box of boxes) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
    for (const [key, values] of Object.entries(state.filters)) {
      const missing = values.filter((v) => !boxes.some((b) => b.name === key && b.value === v));
      if (missing.length) pending[key] = missing;
    }
  };

  /** Build the options of a facet without a fixed vocabulary: the values with the most results, and any selected. */
  const fillTopValues = (facet: HTMLElement, counts: Record<string, number>) => {
    const list = $('ul', facet);
    const key = facet.dataset.facet ?? '';
    const selected = new Set(readForm().filters[key] ?? []);
    const values = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ko')).slice(0, TOP_VALUES).map(([v]) => v);
    for (const v of selected) if (!values.includes(v)) values.push(v);
    list.replaceChildren(
      ...values.map((value, j) => {
        const li = document.createElement('li');
        li.dataset.facetValue = value;
        const id = `facet-${facet.dataset.facetIndex}-${j}`;
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', id, name: key, value, checked: selected.has(value) });
        const label = Object.assign(document.createElement('label'), { htmlFor: id });
        const count = Object.assign(document.createElement('span'), { className: 'search-facet-count' });
        count.dataset.count = '';
        label.append(`${value} `, count);
        li.append(box, label);
        return li;
      }),
    );
  };

  const renderCounts = (all: Record<string, Record<string, number>>) => {
    for (const facet of facetsBox.querySelectorAll<HTMLElement>('[data-facet]')) {
      const counts = all[facet.dataset.facet ?? ''] ?? {};
      if (facet.querySelector('[data-facet-values="top"]')) fillTopValues(facet, counts);
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
    $('[data-facets-loading]', facetsBox).hidden = true;
    facetsBox.setAttribute('data-facets-ready', '');
    facetsBox.removeAttribute('aria-busy');
    pending = {};
  };

  /**
   * Append the next page of results (or, with `replace`, swap them for what the list
   * shows in one step: no empty frame in between); returns the first new result's link.
   */
  const showMore = async (outcome: SearchOutcome, seq: number, replace = false): Promise<HTMLAnchorElement | undefined> => {
    const items = await outcome.page(shown, PAGE_SIZE);
    if (seq !== sequence) return undefined;
    if (replace) performance.measure('search-excerpts', 'search-start');
    const added = items.map((item) => renderItem(template, item, today));
    await fontsFor(added, fontFamily);
    if (seq !== sequence) return undefined;
    if (replace) list.replaceChildren(...added);
    else list.append(...added);
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
      conceal(facetsBox, true);
      statusLine.textContent = statusText(state, undefined);
      list.removeAttribute('aria-busy');
      return;
    }
    performance.mark('search-start');
    try {
      const search = await engine(config);
      const outcome = await search.search({ query: state.query, filters: state.filters, sort: state.sort, today });
      if (seq !== sequence) return;
      // The ranked list is known; its first page's excerpts are still to load.
      performance.measure('search-ranked', 'search-start');
      current = outcome;
      shown = 0;
      conceal(facetsBox, false);
      facetsBox.setAttribute('aria-busy', 'true');
      await showMore(outcome, seq, true);
      if (seq !== sequence) return;
      conceal($('[data-search-sort]'), outcome.total === 0);
      statusLine.textContent = statusText(state, outcome);
      document.title = `‘${outcome.plan.text}’ 검색 결과 | 통합검색 | 상생누리`;
      performance.measure('search-query', 'search-start');
      // The font's other slices (only those not loaded yet), when the page is idle.
      loadEveryFace(fontFamily);
      // Facet counts come after the results are painted, when the main thread is idle
      // (they cost more than the search).
      await afterPaint();
      if (seq !== sequence) return;
      const counts = await outcome.counts();
      if (seq !== sequence) return;
      renderCounts(counts);
      performance.measure('search-facets', 'search-start');
      document.documentElement.dataset.searchDone = String(seq);
    } catch (error) {
      if (seq !== sequence) return;
      for (const row of list.querySelectorAll('[data-search-skeleton]')) row.remove();
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
    // The index chunks for what is typed so far start loading now, not after the pause or Enter.
    const typed = input.value;
    void engine(config).then((e) => e.preload(typed)).catch(() => undefined);
  });
  // Start loading the index and the font's other slices as soon as the visitor shows intent.
  input.addEventListener(
    'focus',
    () => {
      void engine(config).catch(() => undefined);
      loadEveryFace(fontFamily);
    },
    { once: true },
  );
  facetsBox.addEventListener('change', () => commit(true));
  sortSelect.addEventListener('change', () => commit(true));
  // Keyboard and screen-reader users land on the first of the newly shown results.
  more.addEventListener('click', async () => {
    if (!current) return;
    const first = await showMore(current, sequence);
    if (first) first.focus();
    else if (more.hidden) input.focus();
  });
  // The 진행단계 facet is as of the build; say so when the visitor's day differs (badges are for today).
  if (config.buildToday !== today) {
    const statusFacet = facetsBox.querySelector<HTMLElement>(`[data-facet="${CSS.escape(config.filterKeys.status)}"] fieldset`);
    const note = Object.assign(document.createElement('p'), {
      className: 'search-facet-note',
      textContent: `색인 기준일(${formatDate(config.buildToday)})의 진행단계입니다. 결과에 표시된 진행단계는 오늘 기준입니다.`,
    });
    statusFacet?.append(note);
  }

  // Narrow screens: results first, facets folded behind their heading.
  const toggle = facetsBox.querySelector<HTMLDetailsElement>('[data-facets-toggle]');
  const wide = window.matchMedia('(min-width: 64rem)');
  if (toggle && !wide.matches) toggle.open = false;
  wide.addEventListener('change', () => {
    if (toggle && wide.matches) toggle.open = true;
  });

  void run(followUrl((params) => stateFromUrl(params, facetKeys), writeForm, run));
}
