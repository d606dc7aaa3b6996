/**
 * 맞춤 찾기 in the browser: reads the four answers from the URL (the only place they live),
 * loads only the listing's small data files it needs (src/lib/listing/chunks.ts: the index
 * files of the chosen 분야, then the rows files of the matches), applies src/scripts/match-rule.ts
 * and draws the result. Submitting the form pushes a new URL; Back restores the previous answers.
 */
import { FIELDS } from '../schemas/choices.ts';
import { formatDate } from '../lib/dates.ts';
import { ddayLabel } from '../lib/status.ts';
import { decodeIndex, indexUrl, metaUrl, rowsChunkOf, rowsUrl, type DecodedItem, type IndexChunk, type ListingMeta, type RowsChunk } from '../lib/listing/chunks.ts';
import { browserToday } from './status-correction.ts';
import { getJson } from './json-cache.ts';
import { followUrl } from './url-state.ts';
import { MATCH_PARAMS, answersToParams, isAnswered, listingParams, matchProgram, parseAnswers, type Fit, type MatchAnswers } from './match-rule.ts';

interface Match {
  item: DecodedItem;
  fit: Fit;
  slug?: string;
  title?: string;
}

/** Programs fitting the answers, soonest deadline first, with slug and title. */
async function findMatches(answers: MatchAnswers, today: string): Promise<Match[]> {
  const meta = await getJson<ListingMeta>(metaUrl());
  const fields = (answers.fields.length ? answers.fields.map((f) => FIELDS.indexOf(f)) : FIELDS.map((_, i) => i)).filter((f) => meta.counts[f] > 0);
  const indexes = await Promise.all(fields.map((f) => getJson<IndexChunk>(indexUrl(f))));
  const matches: Match[] = [];
  for (const chunk of indexes) {
    for (const item of decodeIndex(chunk, meta)) {
      const fit = matchProgram(item, answers, today);
      if (fit) matches.push({ item, fit });
    }
  }
  const rowFiles = new Map<string, Promise<RowsChunk>>();
  for (const m of matches) {
    const { field, chunk } = rowsChunkOf(m.item);
    const url = rowsUrl(field, chunk);
    if (!rowFiles.has(url)) rowFiles.set(url, getJson<RowsChunk>(url));
  }
  await Promise.all(
    matches.map(async (m) => {
      const { field, chunk, offset } = rowsChunkOf(m.item);
      const row = (await rowFiles.get(rowsUrl(field, chunk))!)[offset];
      [m.slug, m.title] = row ?? [];
    }),
  );
  return matches.sort((a, b) => a.item.apply.end.localeCompare(b.item.apply.end) || (a.title ?? '').localeCompare(b.title ?? '', 'ko'));
}

export function initMatch(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-match-form]');
  const section = document.querySelector<HTMLElement>('[data-match-results]');
  if (!form || !section) return;
  const list = section.querySelector<HTMLElement>('[data-match-list]')!;
  const count = section.querySelector<HTMLElement>('[data-match-count]')!;
  const listingLink = section.querySelector<HTMLAnchorElement>('[data-match-listing-link]')!;
  const template = section.querySelector<HTMLTemplateElement>('template[data-match-item]')!;
  const partnerBox = form.querySelector<HTMLElement>('[data-match-partner]')!;
  const partner = partnerBox.querySelector<HTMLSelectElement>('select')!;
  let run = 0;

  function syncPartner(): void {
    const yes = form!.querySelector<HTMLInputElement>(`input[name="${MATCH_PARAMS.supplier}"][value="yes"]`)!.checked;
    partnerBox.hidden = !yes;
    partner.disabled = !yes;
    partner.required = yes;
  }

  function readForm(): MatchAnswers {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form!)) {
      const input = form!.querySelector(`[name="${name}"][data-listing-only]`);
      if (!input && typeof value === 'string' && value !== '') params.append(name, value);
    }
    return parseAnswers(params);
  }

  function fillForm(a: MatchAnswers): void {
    form!.querySelector<HTMLSelectElement>(`select[name="${MATCH_PARAMS.region}"]`)!.value = a.region ?? '';
    for (const box of form!.querySelectorAll<HTMLInputElement>(`input[name="${MATCH_PARAMS.fields}"]`)) box.checked = a.fields.includes(box.value as never);
    for (const radio of form!.querySelectorAll<HTMLInputElement>(`input[name="${MATCH_PARAMS.size}"]`)) radio.checked = radio.value === (a.size ?? '중소기업');
    for (const radio of form!.querySelectorAll<HTMLInputElement>(`input[name="${MATCH_PARAMS.supplier}"]`)) radio.checked = radio.value === (a.supplier ?? 'no');
    partner.value = a.partners[0] ?? '';
    syncPartner();
  }

  function render(matches: Match[]): void {
    const today = browserToday();
    list.replaceChildren(
      ...matches.map((m) => {
        const li = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
        const slot = (name: string) => li.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
        const link = slot('title') as HTMLAnchorElement;
        link.href = `/programs/${m.slug}/`;
        link.textContent = m.title ?? m.slug ?? '';
        slot('company').textContent = m.item.companyName;
        slot('field').textContent = m.item.field;
        slot('audience').textContent = m.item.audience;
        slot('regions').textContent = m.item.regions.join(', ');
        const deadline = slot('deadline');
        deadline.setAttribute('datetime', m.item.apply.end);
        deadline.textContent = formatDate(m.item.apply.end);
        slot('dday').textContent = ddayLabel(m.item.apply, today) ?? '';
        slot('reason').textContent = m.fit.reason;
        slot('cautions').textContent = m.fit.cautions.join(' · ');
        li.dataset.slug = m.slug ?? '';
        return li;
      }),
    );
  }

  async function show(answers: MatchAnswers): Promise<void> {
    const mine = ++run;
    if (!isAnswered(answers)) {
      section!.hidden = true;
      return;
    }
    section!.hidden = false;
    section!.setAttribute('aria-busy', 'true');
    listingLink.href = `/programs/?${listingParams(answers)}`;
    try {
      const matches = await findMatches(answers, browserToday());
      if (mine !== run) return;
      render(matches);
      count.textContent = matches.length
        ? `조건에 맞는 모집중 프로그램 ${matches.length.toLocaleString('ko-KR')}개 (마감 임박 순)`
        : '조건에 맞는 모집중 프로그램이 없습니다. 분야를 넓히거나 프로그램 검색에서 예정 프로그램을 확인해 보세요.';
    } catch {
      if (mine !== run) return;
      list.replaceChildren();
      count.textContent = '프로그램 자료를 불러오지 못했습니다. 잠시 뒤 다시 시도하거나 프로그램 검색을 이용하세요.';
    } finally {
      if (mine === run) section!.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === MATCH_PARAMS.supplier) syncPartner();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const answers = readForm();
    const query = answersToParams(answers).toString();
    history.pushState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    void show(answers);
  });
  void show(followUrl(parseAnswers, fillForm, show));
}
