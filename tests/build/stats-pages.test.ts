/**
 * The numbers on /stats/ and /stats/evaluation/ of the real build equal counts made here,
 * independently of src/lib/stats and src/lib/scoring: this test reads content/ itself
 * (front matter with the `yaml` package) and counts with its own few lines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_DIST, TEST_SITE_NOW } from '../helpers/paths.ts';

interface RawProgram {
  slug: string;
  company: string;
  field: string;
  audience: string;
  regions: string[];
  registeredAt: string;
  applyPeriod: { start: string; end: string };
  supportPeriod: { start: string; end: string };
}

function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  return parse(m[1]) as Record<string, unknown>;
}

function readCollection(name: string): { slug: string; data: Record<string, unknown> }[] {
  const dir = join(ROOT, 'content', name);
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ slug: f.replace(/\.md$/, ''), data: frontMatter(join(dir, f)) }));
}

const programs: RawProgram[] = readCollection('programs').map(({ slug, data }) => ({ slug, ...(data as Omit<RawProgram, 'slug'>) }));
const companies = readCollection('companies').map(({ slug, data }) => ({ slug, name: String(data.name), class: String(data.class) }));
const html = (path: string) => readFileSync(join(TEST_DIST, path, 'index.html'), 'utf8');
const tally = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});

/** `data-key="x" data-count="n"` rows of one table, as { x: n }. */
function tableCounts(page: string, table: string): Record<string, number> {
  const start = page.indexOf(`data-stat-table="${table}"`);
  expect(start, `table ${table}`).toBeGreaterThan(-1);
  const body = page.slice(start, page.indexOf('</table>', start));
  return Object.fromEntries([...body.matchAll(/data-key="([^"]+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
const number = (page: string, stat: string) => Number(new RegExp(`data-stat="${stat}"[^>]*>([\\d,.]+)`).exec(page)![1].replaceAll(',', ''));

describe('/stats/ shows the counts of content/', () => {
  const page = html('stats');

  it('has programs and companies to count', () => {
    expect(programs.length).toBeGreaterThan(0);
    expect(companies.length).toBeGreaterThan(0);
  });

  it('headline: 참여기업, 등록 프로그램, 전체 오픈 and its ratio', () => {
    const open = programs.filter((p) => p.audience === '전체 오픈').length;
    expect(number(page, 'companies')).toBe(companies.length);
    expect(number(page, 'programs')).toBe(programs.length);
    expect(number(page, 'open')).toBe(open);
    expect(page).toMatch(new RegExp(`data-stat="open-ratio"[^>]*>${((open / programs.length) * 100).toFixed(1)}%`));
  });

  it('by 지원분야, 지원대상, 진행지역 and 기업분류', () => {
    expect(nonZero(tableCounts(page, 'by-field'))).toEqual(tally(programs.map((p) => p.field)));
    expect(nonZero(tableCounts(page, 'by-audience'))).toEqual(tally(programs.map((p) => p.audience)));
    expect(nonZero(tableCounts(page, 'by-region'))).toEqual(tally(programs.flatMap((p) => p.regions)));
    expect(nonZero(tableCounts(page, 'by-class'))).toEqual(tally(companies.map((c) => c.class)));
    const classOf = new Map(companies.map((c) => [c.slug, c.class]));
    expect(nonZero(tableCounts(page, 'programs-by-class'))).toEqual(tally(programs.map((p) => classOf.get(p.company)!)));
    // Every vocabulary value is listed, zeros included.
    expect(Object.keys(tableCounts(page, 'by-field'))).toHaveLength(10);
  });

  it('the cumulative 등록 프로그램 추이 ends at the total and rises by each month\'s registrations', () => {
    const rows = [...page.matchAll(/data-month="(\d{4}-\d{2})" data-added="(\d+)" data-total="(\d+)"/g)].map((m) => ({ month: m[1], added: Number(m[2]), total: Number(m[3]) }));
    const perMonth = tally(programs.map((p) => p.registeredAt.slice(0, 7)));
    const months = Object.keys(perMonth).sort();
    expect(rows[0].month).toBe(months[0]);
    expect(rows.at(-1)!.month).toBe(months.at(-1));
    let total = 0;
    for (const row of rows) {
      total += perMonth[row.month] ?? 0;
      expect(row).toEqual({ month: row.month, added: perMonth[row.month] ?? 0, total });
    }
    expect(total).toBe(programs.length);
  });

  it('the 전체 오픈 ratio per year is cumulative and carries the 2018 and 2020 targets', () => {
    const year = Number(TEST_SITE_NOW.slice(0, 4));
    const upTo = programs.filter((p) => Number(p.registeredAt.slice(0, 4)) <= year);
    expect(page).toContain(`data-year="${year}" data-total="${upTo.length}" data-open="${upTo.filter((p) => p.audience === '전체 오픈').length}"`);
    const table = page.slice(page.indexOf('data-stat-table="open-ratio"'));
    expect(table).toMatch(/2018년<\/th>(?:<td[^>]*>[^<]*<\/td>){3}<td class="num"[^>]*>20\.0%/);
    expect(table).toMatch(/2020년<\/th>(?:<td[^>]*>[^<]*<\/td>){3}<td class="num"[^>]*>50\.0%/);
  });

  it('every chart is an SVG with a title and a description, followed by its table', () => {
    const figures = [...page.matchAll(/<figure[^>]*data-stat-figure="([^"]+)"[\s\S]*?<\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(['trend', 'open-ratio', 'by-field', 'by-audience', 'by-region', 'by-class', 'programs-by-class']);
    for (const [figure, id] of figures) {
      expect(figure).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-labelledby="${id}-title ${id}-desc"`));
      expect(figure).toMatch(new RegExp(`<title id="${id}-title"[^>]*>[^<]+</title>`));
      expect(figure).toMatch(new RegExp(`<desc id="${id}-desc"[^>]*>[^<]+</desc>`));
      expect(figure.indexOf('<table')).toBeGreaterThan(figure.indexOf('</svg>'));
    }
  });

  it('ships no script', () => {
    expect(page).not.toMatch(/<script[^>]*src=[^>]*stats/);
  });
});

describe('/stats/evaluation/ ① and ④ equal an independent count', () => {
  const page = html('stats/evaluation');
  // The period rule: registered in the year, not already over (both periods ended) on the day of registration.
  const counts = new Map<string, { n: number; open: number }>();
  for (const p of programs) {
    const ended = p.registeredAt > p.applyPeriod.end && p.registeredAt > p.supportPeriod.end;
    const key = `${p.company}|${p.registeredAt.slice(0, 4)}`;
    const c = counts.get(key) ?? { n: 0, open: 0 };
    if (!ended) {
      c.n += 1;
      if (p.audience === '전체 오픈') c.open += 1;
    }
    counts.set(key, c);
  }
  const newPoints = (n: number) => (n >= 16 ? '1.5' : n >= 11 ? '1.2' : n >= 6 ? '0.9' : n >= 1 ? '0.6' : '0.0');
  const openPoints = (n: number) => (n >= 6 ? '1.0' : n >= 2 ? ((n - 1) * 0.2).toFixed(1) : '0.0');

  it('one row per company and registration year, with the same counts and points', () => {
    const rows = [...page.matchAll(/<tr data-company="([^"]+)" data-year="(\d{4})" data-new="(\d+)" data-open="(\d+)"[^>]*>([\s\S]*?)<\/tr>/g)];
    expect(rows.length).toBe(counts.size);
    for (const [, company, year, n, open, cells] of rows) {
      const expected = counts.get(`${company}|${year}`)!;
      expect({ company, year, n: Number(n), open: Number(open) }).toEqual({ company, year, n: expected.n, open: expected.open });
      const tds = [...cells.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(tds[2]).toBe(newPoints(expected.n));
      expect(tds[4]).toBe(openPoints(expected.open));
    }
  });

  it('explains the rules in the source\'s words and offers the calculator', () => {
    for (const words of ['신규 등록된 상생협력 프로그램 개수(1.5점)', '건당0.1점, 최대0.5점', '총 합산 4.0점 이내에서 인정', '이미 종료된 프로그램은 등록 불가', '단순 광고, 홈페이지 연결 등은 제외']) {
      expect(page).toContain(words);
    }
    expect(page).toContain('id="calculator"');
    expect(page).toMatch(/<script type="application\/json" id="evaluation-data"[^>]*>\{"rows":/);
  });
});
