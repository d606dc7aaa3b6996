/**
 * 실적 계산기 on /stats/evaluation/: plain DOM, no framework. ① and ④ are filled from the
 * build's per-company numbers when a company and year are chosen (still editable for
 * what-ifs); ② and ③ are typed in. Points update as the visitor types; the total is
 * announced through a polite live region (debounced so a screen reader is not flooded).
 */
import { formatPoints } from '../lib/scoring/score.ts';
import { calculate, type CalculatorForm, type CountField } from './calculator-model.ts';

interface DataRow {
  company: string;
  name: string;
  year: number;
  newPrograms: number;
  openPrograms: number;
}

const FIELD_ERROR = '0 이상의 정수를 입력하세요. 이 항목은 0으로 계산합니다.';

function setup(form: HTMLFormElement): void {
  const dataEl = document.getElementById(form.dataset.source ?? '');
  const rows: DataRow[] = dataEl?.textContent ? JSON.parse(dataEl.textContent).rows : [];
  const el = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[data-calc="${name}"]`)!;
  const company = el<HTMLSelectElement>('company');
  const year = el<HTMLSelectElement>('year');
  const inputs: Record<CountField, HTMLInputElement> = {
    newPrograms: el('newPrograms'), posts: el('posts'), directApplications: el('directApplications'), openPrograms: el('openPrograms'),
  };
  const live = el<HTMLElement>('live');
  const totalOut = el<HTMLOutputElement>('total');
  const cappedNote = el<HTMLElement>('capped');
  let announceTimer: number | undefined;

  function fillYears(): void {
    const years = rows.filter((r) => r.company === company.value).map((r) => r.year).sort((a, b) => b - a);
    const keep = year.value;
    year.replaceChildren(...(years.length ? years.map((y) => new Option(`${y}년`, String(y))) : [new Option('기업을 고르세요', '')]));
    year.disabled = years.length === 0;
    if (years.includes(Number(keep))) year.value = keep;
  }

  function fillFromContent(): void {
    const row = rows.find((r) => r.company === company.value && String(r.year) === year.value);
    if (!row) return;
    inputs.newPrograms.value = String(row.newPrograms);
    inputs.openPrograms.value = String(row.openPrograms);
  }

  function read(): CalculatorForm {
    return {
      newPrograms: inputs.newPrograms.value,
      posts: inputs.posts.value,
      directApplications: inputs.directApplications.value,
      openPrograms: inputs.openPrograms.value,
      channels: [...form.querySelectorAll<HTMLInputElement>('[data-calc="channel"]:checked')].map((c) => c.value),
    };
  }

  function render(announce: boolean): void {
    const result = calculate(read());
    for (const [field, input] of Object.entries(inputs) as [CountField, HTMLInputElement][]) {
      const bad = result.invalid.includes(field);
      const error = form.querySelector<HTMLElement>(`[data-calc-error="${field}"]`)!;
      input.setAttribute('aria-invalid', String(bad));
      error.textContent = bad ? FIELD_ERROR : '';
      error.hidden = !bad;
    }
    for (const [part, points] of Object.entries(result.parts)) {
      const out = form.querySelector<HTMLOutputElement>(`[data-calc-points="${part}"]`);
      if (out) out.value = formatPoints(points);
    }
    el<HTMLOutputElement>('promotionItems').value = String(result.promotionItems);
    totalOut.value = formatPoints(result.total.total);
    cappedNote.hidden = !result.total.capped;
    cappedNote.textContent = result.total.capped ? `합산 ${formatPoints(result.total.sum)}점 중 4.0점까지만 인정됩니다.` : '';
    if (announce) {
      window.clearTimeout(announceTimer);
      announceTimer = window.setTimeout(() => {
        live.textContent = `합계 ${formatPoints(result.total.total)}점${result.total.capped ? ' (4.0점 상한 적용)' : ''}. ①${formatPoints(result.parts.newPrograms)} ②${formatPoints(result.parts.promotion)} ③${formatPoints(result.parts.directApplications)} ④${formatPoints(result.parts.openPrograms)}`;
      }, 400);
    }
  }

  company.addEventListener('change', () => {
    fillYears();
    fillFromContent();
    render(true);
  });
  year.addEventListener('change', () => {
    fillFromContent();
    render(true);
  });
  form.addEventListener('input', () => render(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    render(true);
  });
  form.addEventListener('reset', () => window.setTimeout(() => {
    fillYears();
    render(true);
  }));

  // A link from a company page (?company=slug&year=2018) preselects it.
  const params = new URLSearchParams(location.search);
  const wanted = params.get('company');
  if (wanted && rows.some((r) => r.company === wanted)) {
    company.value = wanted;
    fillYears();
    if (params.get('year')) year.value = params.get('year')!;
    fillFromContent();
  } else {
    fillYears();
  }
  form.hidden = false;
  form.closest('[data-calculator-section]')?.querySelector('[data-calc-nojs]')?.remove();
  render(false);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-calculator]')) setup(form);
