/**
 * Feeds, calendars and open data of the real build (SITE_NOW=2018-05-10), each read
 * back with an independent parser: fast-xml-parser (RSS, sitemap), ical.js (every .ics),
 * ajv (JSON against the generated JSON Schema) and csv-parse (CSV).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/dates.ts';
import { FIELD_SLUGS, REGION_SLUGS } from '../../src/lib/feeds/filters.ts';
import { CALENDAR_WINDOW_DAYS, RSS_LIMIT } from '../../src/lib/feeds/program-feeds.ts';
import { FIELDS } from '../../src/schemas/choices.ts';
import { SITE_URL } from '../../src/site.ts';
import { TEST_DIST, TEST_SITE_NOW } from '../helpers/paths.ts';

interface ProgramRecord {
  id: string; url: string; title: string; company: string; field: string; regions: string[]; status: string;
  registeredAt: string; applyPeriod: { start: string; end: string }; calendarUrl: string;
}
interface CompanyRecord { id: string; name: string; programCount: number; rssUrl: string; calendarUrl: string }

const read = (path: string) => readFileSync(join(TEST_DIST, path), 'utf8');
const programsDoc = JSON.parse(read('data/programs.json'));
const companiesDoc = JSON.parse(read('data/companies.json'));
const programs: ProgramRecord[] = programsDoc.programs;
const companies: CompanyRecord[] = companiesDoc.companies;

/** Site path of an absolute URL on this site (fails for any other origin). */
function sitePath(url: string): string {
  const u = new URL(url);
  expect(u.origin).toBe(new URL(SITE_URL).origin);
  return decodeURIComponent(u.pathname);
}
/** True when a static host would serve something at this path. */
function built(path: string): boolean {
  const file = join(TEST_DIST, path);
  return (existsSync(file) && statSync(file).isFile()) || existsSync(join(file, 'index.html'));
}
function walk(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : []);
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['item', 'category', 'url'].includes(n), parseTagValue: false });
function rssLinks(path: string): string[] {
  const doc = xml.parse(read(path));
  expect(doc.rss['@_version']).toBe('2.0');
  const items = (doc.rss.channel.item ?? []) as { link: string; guid: { '#text': string } }[];
  for (const item of items) expect(item.guid['#text']).toBe(item.link);
  return items.map((i) => i.link);
}

function calendar(path: string) {
  const text = read(path);
  const bytes = Buffer.from(text, 'utf8');
  for (const line of text.split('\r\n').slice(0, -1)) {
    const size = Buffer.byteLength(line);
    expect(size, `${path}: line over 75 octets`).toBeLessThanOrEqual(75);
  }
  expect(bytes.toString('utf8')).toBe(text);
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return events.map((e) => ({ uid: e.uid, summary: e.summary, date: e.startDate.toString(), isDate: e.startDate.isDate, end: e.endDate.toString() }));
}

/** Expected calendar: each program in the window gives its start (unless same day) and end. */
function expectedUids(list: ProgramRecord[]): string[] {
  const host = new URL(SITE_URL).host;
  const from = addDays(TEST_SITE_NOW, -CALENDAR_WINDOW_DAYS);
  return list.filter((p) => p.applyPeriod.end >= from).flatMap((p) => [
    ...(p.applyPeriod.start !== p.applyPeriod.end ? [`${p.id}.apply-start@${host}`] : []),
    `${p.id}.apply-end@${host}`,
  ]).sort();
}
const newest = (list: ProgramRecord[]) => [...list]
  .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt) || a.id.localeCompare(b.id))
  .slice(0, RSS_LIMIT).map((p) => p.url);

describe('open data', () => {
  it('programs.json validates against programs.schema.json and has every program, as of the build day', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(read('data/programs.schema.json')));
    expect(validate(programsDoc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(programsDoc.asOf).toBe(TEST_SITE_NOW);
    expect(programs.length).toBeGreaterThan(0);
    expect(programsDoc.count).toBe(programs.length);
    const files = readdirSync(join(TEST_DIST, 'calendar/programs')).filter((f) => f.endsWith('.ics'));
    expect(files.length).toBe(programs.length);
  });

  it('companies.json validates against companies.schema.json', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(read('data/companies.schema.json')));
    expect(validate(companiesDoc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(companies.reduce((n, c) => n + c.programCount, 0)).toBe(programs.length);
  });

  it('programs.csv starts with a BOM, has one row per program and the Korean intact', () => {
    const raw = readFileSync(join(TEST_DIST, 'data/programs.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parseCsv(raw, { bom: true, columns: true });
    expect(rows).toHaveLength(programs.length);
    const byId = new Map(programs.map((p) => [p.id, p]));
    for (const row of rows) {
      const p = byId.get(row.ID)!;
      expect(row['프로그램명']).toBe(p.title);
      expect(row['지원분야']).toBe(p.field);
      expect(row['진행지역']).toBe(p.regions.join(', '));
      expect(row[`진행단계 (${TEST_SITE_NOW} 기준)`]).toBe(p.status);
    }
  });

  it('companies.csv has one row per company', () => {
    const rows: Record<string, string>[] = parseCsv(readFileSync(join(TEST_DIST, 'data/companies.csv')), { bom: true, columns: true });
    expect(rows.map((r) => r['기업명']).sort()).toEqual(companies.map((c) => c.name).sort());
  });
});

describe('RSS', () => {
  it('programs.xml lists the newest programs with links to their built pages', () => {
    const links = rssLinks('rss/programs.xml');
    expect(links).toEqual(newest(programs));
    for (const link of links) expect(built(sitePath(link)), link).toBe(true);
  });

  it('notices.xml lists the notices with links to their built pages', () => {
    const links = rssLinks('rss/notices.xml');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(built(sitePath(link)), link).toBe(true);
  });

  it('each company feed holds exactly that company’s programs', () => {
    for (const c of companies) {
      expect(rssLinks(sitePath(c.rssUrl)), c.id).toEqual(newest(programs.filter((p) => p.company === c.id)));
    }
  });

  it('each 분야 feed holds exactly that 분야’s programs', () => {
    for (const field of FIELDS) {
      expect(rssLinks(`rss/fields/${FIELD_SLUGS[field]}.xml`), field).toEqual(newest(programs.filter((p) => p.field === field)));
    }
  });
});

describe('iCalendar', () => {
  const files = walk(join(TEST_DIST, 'calendar'), '.ics').map((f) => relative(TEST_DIST, f));

  it('every .ics parses with ical.js: all-day events, unique UIDs, lines within 75 octets', () => {
    expect(files.length).toBeGreaterThan(programs.length);
    for (const file of files) {
      const events = calendar(file);
      expect(new Set(events.map((e) => e.uid)).size, file).toBe(events.length);
      for (const e of events) {
        expect(e.isDate, file).toBe(true);
        expect(e.end, file).toBe(addDays(e.date, 1));
      }
    }
  });

  it('each program’s own file holds its 신청 시작 and 마감 on the right days', () => {
    for (const p of programs) {
      const events = calendar(sitePath(p.calendarUrl));
      const end = events.find((e) => e.uid.endsWith('.apply-end@' + new URL(SITE_URL).host))!;
      expect(end.date).toBe(p.applyPeriod.end);
      expect(end.summary).toBe(`[신청 마감] ${p.title}`);
      if (p.applyPeriod.start !== p.applyPeriod.end) expect(events.find((e) => e.uid.includes('.apply-start@'))!.date).toBe(p.applyPeriod.start);
    }
  });

  it('programs.ics, each company and each 분야 calendar hold exactly their programs', () => {
    expect(calendar('calendar/programs.ics').map((e) => e.uid).sort()).toEqual(expectedUids(programs));
    for (const c of companies) {
      expect(calendar(sitePath(c.calendarUrl)).map((e) => e.uid).sort(), c.id).toEqual(expectedUids(programs.filter((p) => p.company === c.id)));
    }
    for (const field of FIELDS) {
      expect(calendar(`calendar/fields/${FIELD_SLUGS[field]}.ics`).map((e) => e.uid).sort(), field)
        .toEqual(expectedUids(programs.filter((p) => p.field === field)));
    }
  });

  it('a region calendar includes 전국 programs', () => {
    const inGyeongnam = programs.filter((p) => p.regions.includes('경남') || p.regions.includes('전국'));
    expect(calendar(`calendar/regions/${REGION_SLUGS['경남']}.ics`).map((e) => e.uid).sort()).toEqual(expectedUids(inGyeongnam));
  });

  it('every calendar link on every built page points at a built file', () => {
    const pages = walk(TEST_DIST, '.html');
    let links = 0;
    for (const page of pages) {
      for (const m of readFileSync(page, 'utf8').matchAll(/href="((?:https?:\/\/[^"/]+|webcal:\/\/[^"/]+)?\/calendar\/[^"]+\.ics)"/g)) {
        links++;
        expect(built(decodeURIComponent(m[1].replace(/^(https?|webcal):\/\/[^/]+/, ''))), `${relative(TEST_DIST, page)} → ${m[1]}`).toBe(true);
      }
    }
    expect(links).toBeGreaterThan(0);
  });
});

describe('sitemap, robots and social tags', () => {
  it('sitemap.xml lists the built pages with absolute URLs and never /admin/', () => {
    const locs = (xml.parse(read('sitemap.xml')).urlset.url as { loc: string }[]).map((u) => u.loc);
    const paths = locs.map(sitePath);
    expect(paths).toContain('/');
    expect(paths).toContain('/data/');
    for (const p of programs) expect(paths).toContain(sitePath(p.url));
    for (const path of paths) {
      expect(path.startsWith('/admin')).toBe(false);
      expect(built(path), path).toBe(true);
    }
  });

  it('robots.txt keeps crawlers out of the CMS and points at the sitemap', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
  });

  it('pages carry canonical, Open Graph and Twitter tags in Korean, a share image and the feed links', () => {
    for (const page of ['index.html', 'data/index.html', `${sitePath(programs[0].url).slice(1)}index.html`]) {
      const html = readFileSync(join(TEST_DIST, page), 'utf8');
      const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, page).toBe(`${SITE_URL}/${page.replace(/index\.html$/, '')}`);
      expect(meta('property', 'og:url')).toBe(canonical);
      expect(meta('property', 'og:title')).toMatch(/[가-힣]/);
      expect(meta('property', 'og:description')).toMatch(/[가-힣]/);
      expect(meta('property', 'og:locale')).toBe('ko_KR');
      expect(meta('name', 'twitter:card')).toBe('summary_large_image');
      const image = meta('property', 'og:image')!;
      expect(built(sitePath(image)), image).toBe(true);
      expect(html).toContain(`<link rel="alternate" type="application/rss+xml" title="상생누리 새 프로그램 (RSS)" href="${SITE_URL}/rss/programs.xml"`);
    }
  });

  it('/data/ links every file and every filter feed it lists', () => {
    const html = read('data/index.html');
    const hrefs = [...html.matchAll(/href="(\/(?:data|rss|calendar)\/[^"]+)"/g)].map((m) => m[1]);
    for (const file of ['/data/programs.json', '/data/programs.csv', '/data/programs.schema.json', '/data/companies.json', '/data/companies.csv', '/rss/programs.xml', '/calendar/programs.ics']) {
      expect(hrefs).toContain(file);
    }
    for (const href of hrefs) expect(built(href), href).toBe(true);
    for (const c of companies) expect(hrefs).toContain(sitePath(c.rssUrl));
  });
});
