/**
 * 프로그램 검색 in the browser: filters and sort applied in place, state in the URL
 * (pushState; Back and reload restore it). Only the data files a query needs are fetched:
 * the index files of the chosen 지원분야 (all ten when none is chosen) and the rows of the
 * page shown. Filtering, sorting and status use the same modules as the build.
 */
import { FIELDS } from '../schemas/choices.ts';
import { formatDate } from '../lib/dates.ts';
import { decodeIndex, indexUrl, metaUrl, rowsChunkOf, rowsUrl, type DecodedItem, type IndexChunk, type ListingMeta, type RowsChunk } from '../lib/listing/chunks.ts';
import { matchesQuery } from '../lib/listing/match.ts';
import { PAGE_SIZE, pageCount, pageWindow } from '../lib/listing/paginate.ts';
import { hasFilters, isDefaultView, parseQuery, toSearchParams, type ListingQuery } from '../lib/listing/query.ts';
import { comparator } from '../lib/listing/sort.ts';
import { browserToday, correctStatuses } from './status-correction.ts';
import { getJson } from './json-cache.ts';
import { followUrl } from './url-state.ts';

async function loadItems(q: ListingQuery): Promise<DecodedItem[]> {
  const meta = await getJson<ListingMeta>(metaUrl());
  const fields = (q.fields.length ? q.fields.map((f) => FIELDS.indexOf(f)) : FIELDS.map((_, i) => i)).filter((f) => meta.counts[f] > 0);
  const chunks = await Promise.all(fields.map((f) => getJson<IndexChunk>(indexUrl(f))));
  return chunks.flatMap((c) => decodeIndex(c, meta));
}

async function loadRows(items: DecodedItem[]): Promise<[string, string][]> {
  return Promise.all(
    items.map(async (item) => {
      const { field, chunk, offset } = rowsChunkOf(item);
      return (await getJson<RowsChunk>(rowsUrl(field, chunk)))[offset];
    }),
  );
}

function fill(row: DocumentFragment, item: DecodedItem, [slug, title]: [string, string]): void {
  const slot = (name: string) => row.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
  const link = slot('title') as HTMLAnchorElement;
  link.href = `/programs/${slug}/`;
  link.textContent = title;
  slot('company').textContent = item.companyName;
  slot('audience').textContent = item.audience;
  slot('field').textContent = item.field;
  for (const [name, period] of [['apply', item.apply], ['support', item.support]] as const) {
    const times = slot(name).querySelectorAll('time');
    times[0].dateTime = period.start;
    times[0].textContent = formatDate(period.start);
    times[1].dateTime = period.end;
    times[1].textContent = formatDate(period.end);
  }
  const status = row.querySelector<HTMLElement>('[data-program-status]')!;
  status.dataset.applyStart = item.apply.start;
  status.dataset.applyEnd = item.apply.end;
  status.dataset.supportStart = item.support.start;
  status.dataset.supportEnd = item.support.end;
  const kind = row.querySelector<HTMLElement>('[data-apply-kind]')!;
  kind.textContent = kind.dataset.applyKind = item.applyOnline ? '신청' : '공고';
}

function paginationNav(q: ListingQuery, last: number): HTMLElement | null {
  if (last <= 1) return null;
  const nav = document.createElement('nav');
  nav.className = 'pagination';
  nav.setAttribute('aria-label', '페이지 이동');
  const ul = document.createElement('ul');
  const add = (page: number | null, text: string, current = false) => {
    const li = document.createElement('li');
    if (page === null) {
      const span = document.createElement('span');
      span.setAttribute('aria-hidden', 'true');
      span.textContent = '…';
      li.append(span);
    } else {
      const a = document.createElement('a');
      a.href = `/programs/?${toSearchParams({ ...q, page })}`;
      a.dataset.page = String(page);
      a.textContent = text;
      if (current) a.setAttribute('aria-current', 'page');
      const sr = document.createElement('span');
      sr.className = 'sr-only';
      sr.textContent = ' 페이지';
      a.append(sr);
      li.append(a);
    }
    ul.append(li);
  };
  if (q.page > 1) add(q.page - 1, '이전');
  for (const n of pageWindow(q.page, last)) add(n, String(n ?? ''), n === q.page);
  if (q.page < last) add(q.page + 1, '다음');
  nav.append(ul);
  return nav;
}

let companyOptions: Promise<void> | undefined;

/**
 * Fill the 기업 select from the listing's meta.json (once). At 10,000 programs the page would
 * otherwise carry ~900 options that a phone parses and lays out before the first result shows.
 */
function loadCompanyOptions(select: HTMLSelectElement): Promise<void> {
  companyOptions ??= getJson<ListingMeta>(metaUrl()).then(
    (meta) => {
      const order = new Intl.Collator('ko');
      select.append(...[...meta.companies].sort((a, b) => order.compare(a[1], b[1])).map(([slug, name]) => new Option(name, slug)));
    },
    (error: unknown) => {
      companyOptions = undefined; // try again on next use
      throw error;
    },
  );
  return companyOptions;
}

/** Load the company options when the select is first used or the browser is idle, whichever comes first. */
function loadCompanyOptionsSoon(select: HTMLSelectElement): void {
  const load = () => void loadCompanyOptions(select).catch(() => undefined);
  for (const type of ['focus', 'pointerdown', 'touchstart']) select.addEventListener(type, load, { once: true, passive: true });
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1000);
}

export function initListing(): void {
  const root = document.querySelector<HTMLElement>('[data-listing]');
  const form = root?.querySelector<HTMLFormElement>('form[data-filters]');
  const tbody = root?.querySelector<HTMLElement>('[data-program-rows]');
  const template = root?.querySelector<HTMLTemplateElement>('template[data-program-row-template]');
  const count = root?.querySelector<HTMLElement>('[data-result-count]');
  const pager = root?.querySelector<HTMLElement>('[data-listing-pagination]');
  const message = root?.querySelector<HTMLElement>('[data-listing-message]');
  const caption = root?.querySelector<HTMLElement>('.program-table caption');
  if (!root || !form || !tbody || !template || !count || !pager || !message || !caption) return;
  const sort = document.querySelector<HTMLSelectElement>('#listing-sort')!;

  // The page as built, to restore when the URL goes back to it.
  const staticPath = location.pathname;
  const staticView = { rows: [...tbody.children], count: count.innerHTML, pager: [...pager.children], caption: caption.textContent };
  let generation = 0;

  const readForm = (): ListingQuery => ({ ...parseQuery(new URLSearchParams(new FormData(form) as unknown as Record<string, string>)), page: 1 });
  const companySelect = form.querySelector<HTMLSelectElement>('select[data-company-select]')!;
  const writeForm = (q: ListingQuery) => {
    const params = toSearchParams(q);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) input.checked = params.getAll(input.name).includes(input.value);
    for (const select of [...form.querySelectorAll<HTMLSelectElement>('select'), sort]) select.value = params.get(select.name) ?? (select === sort ? 'deadline' : '');
    // A company in the URL needs its option, which arrives with meta.json.
    if (q.company && companySelect.value !== q.company) {
      const company = q.company;
      void loadCompanyOptions(companySelect).then(() => {
        if (parseQuery(new URLSearchParams(location.search)).company === company) companySelect.value = company;
      }, () => undefined);
    }
  };

  async function render(q: ListingQuery, focusResults = false): Promise<void> {
    const mine = ++generation;
    message!.hidden = true;
    if (isDefaultView(q) && location.pathname === staticPath) {
      tbody!.replaceChildren(...staticView.rows);
      pager!.replaceChildren(...staticView.pager);
      count!.innerHTML = staticView.count;
      caption!.textContent = staticView.caption;
      return;
    }
    root!.setAttribute('aria-busy', 'true');
    try {
      const today = browserToday();
      const items = (await loadItems(q)).filter((item) => matchesQuery(item, q, today));
      items.sort(comparator(q.sort, today, (i) => `${i.fieldIndex}-${String(i.position).padStart(6, '0')}`));
      const last = pageCount(items.length);
      const page = Math.min(q.page, last);
      const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      const rows = await loadRows(shown);
      if (mine !== generation) return;
      tbody!.replaceChildren(
        ...shown.map((item, i) => {
          const row = template!.content.cloneNode(true) as DocumentFragment;
          fill(row, item, rows[i]);
          return row;
        }),
      );
      correctStatuses(tbody!, today);
      const label = hasFilters(q) ? '검색 결과' : '현재 프로그램';
      count!.innerHTML = '';
      count!.append(`${label} `, Object.assign(document.createElement('strong'), { textContent: items.length.toLocaleString('ko-KR') }), `건${last > 1 ? ` (${page}/${last}쪽)` : ''}`);
      caption!.textContent = `프로그램 ${label} (${sort.selectedOptions[0]?.textContent ?? ''})`;
      const nav = paginationNav({ ...q, page }, last);
      pager!.replaceChildren(...(nav ? [nav] : []));
      if (items.length === 0) {
        message!.textContent = '조건에 맞는 프로그램이 없습니다. 조건을 줄이거나 초기화해 보세요.';
        message!.hidden = false;
      }
      if (focusResults) caption!.closest('table')?.scrollIntoView({ block: 'start' });
    } catch (error) {
      console.error('프로그램 목록을 그리지 못했습니다', error);
      if (mine !== generation) return;
      message!.textContent = '목록을 불러오지 못했습니다. 잠시 후 다시 시도하거나 새로 고침 해 주세요.';
      message!.hidden = false;
    } finally {
      if (mine === generation) root!.removeAttribute('aria-busy');
    }
  }

  const navigate = (q: ListingQuery, focusResults = false) => {
    const search = toSearchParams(q).toString();
    const target = isDefaultView(q) ? staticPath : `/programs/${search ? `?${search}` : ''}`;
    if (`${location.pathname}${location.search}` !== target) history.pushState(null, '', target);
    void render(q, focusResults);
  };

  form.addEventListener('change', () => navigate(readForm()));
  sort.addEventListener('change', () => navigate(readForm()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(readForm());
  });
  form.querySelector('[data-filters-reset]')?.addEventListener('click', (e) => {
    // From a later static page the link simply goes to the first one.
    if (staticPath !== '/programs/') return;
    e.preventDefault();
    const q = parseQuery(new URLSearchParams());
    writeForm(q);
    navigate(q);
  });
  pager.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!a) return;
    e.preventDefault();
    navigate({ ...parseQuery(new URLSearchParams(location.search)), page: Number(a.dataset.page) }, true);
  });
  loadCompanyOptionsSoon(companySelect);
  const initial = followUrl(parseQuery, writeForm, render);
  // On a phone the results come first: the filters start folded unless the URL carries some.
  const panel = form.querySelector<HTMLDetailsElement>('[data-filters-panel]');
  if (panel && !hasFilters(initial) && matchMedia('(width < 48rem)').matches) panel.open = false;
  if (!isDefaultView(initial)) void render(initial);
}
