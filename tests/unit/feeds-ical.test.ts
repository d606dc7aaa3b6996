/** The iCalendar writer: escaping, 75-octet folding, and whole calendars read back by ical.js. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, MAX_LINE_OCTETS, renderCalendar } from '../../src/lib/feeds/ical.ts';
import { CALENDAR_WINDOW_DAYS, programCalendar, programsCalendar } from '../../src/lib/feeds/program-feeds.ts';
import { filterLabel, programMatches } from '../../src/lib/feeds/filters.ts';
import { LONG, loadFixture, TRICKY } from './feeds-fixture.ts';

const site = loadFixture();
const program = (id: string) => site.programs.find((p) => p.id === id)!;

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** Physical lines as bytes, split on CRLF. */
function byteLines(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
    }
  }
  return lines;
}

function expectFoldedSafely(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of byteLines(ics)) {
    expect(line.length).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    // A line never starts or ends inside a UTF-8 sequence: valid UTF-8 on its own.
    expect(Buffer.from(line.toString('utf8'), 'utf8').equals(line)).toBe(true);
  }
}

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines per RFC 5545 §3.3.11', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
  it('keeps Korean, quotes and angle brackets as they are', () => {
    expect(escapeText('신청 "마감" <script>')).toBe('신청 "마감" <script>');
  });
});

describe('foldLine', () => {
  it('leaves a 75-octet line alone and folds the 76th octet', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('never splits a Hangul syllable (3 octets) and counts the continuation space', () => {
    const line = `SUMMARY:${'가'.repeat(100)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
    }
    // 8 ASCII octets + 22 syllables = 74; the 23rd would make 77.
    expect(folded.split('\r\n')[0]).toBe(`SUMMARY:${'가'.repeat(22)}`);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('keeps 4-octet characters (emoji) whole at every offset', () => {
    for (let pad = 0; pad < 4; pad++) {
      const line = `${'x'.repeat(pad)}${'😀'.repeat(40)}`;
      const folded = foldLine(line);
      expect(folded.replace(/\r\n /g, '')).toBe(line);
      for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
    }
  });
});

describe('renderCalendar', () => {
  it('round-trips a 200-character Korean summary intact through ical.js', () => {
    const summary = '상생협력'.repeat(50);
    expect([...summary]).toHaveLength(200);
    const ics = renderCalendar({
      name: '테스트', description: '설명', stamp: new Date('2018-05-10T00:00:00Z'),
      events: [{ uid: 'x@feeds.example.kr', date: '2018-05-13', summary, description: `${summary}\n둘째 줄, 세미콜론; 역슬래시 \\` }],
    });
    expectFoldedSafely(ics);
    const { events } = parse(ics);
    expect(events[0].summary).toBe(summary);
    expect(events[0].description).toBe(`${summary}\n둘째 줄, 세미콜론; 역슬래시 \\`);
  });
});

describe('program calendars (fixture)', () => {
  it('the per-program file holds 신청 시작 and 신청 마감 as all-day dates with stable UIDs', () => {
    const p = program(TRICKY);
    const ics = programCalendar(p, site.ctx);
    expectFoldedSafely(ics);
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Seoul');
    expect(events.map((e) => e.uid)).toEqual([
      '2018-tricky-fund.apply-start@feeds.example.kr',
      '2018-tricky-fund.apply-end@feeds.example.kr',
    ]);
    const [start, end] = events;
    expect(start.startDate.isDate).toBe(true);
    expect(start.startDate.toString()).toBe('2018-05-03');
    expect(end.startDate.toString()).toBe('2018-05-13');
    expect(end.endDate.toString()).toBe('2018-05-14');
    const stamp = end.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    expect(end.component.getFirstPropertyValue('url')).toBe('https://feeds.example.kr/programs/2018-tricky-fund/');
  });

  it('keeps quotes, commas, semicolons, backslashes, newlines and <script> of the program intact', () => {
    const p = program(TRICKY);
    const { events } = parse(programCalendar(p, site.ctx));
    const end = events[1];
    expect(end.summary).toBe(`[신청 마감] ${p.data.title}`);
    expect(end.description.split('\n').slice(0, 2).join('\n')).toBe(p.data.summary);
    expect(p.data.summary).toContain('<script>');
    expect(p.data.summary).toContain('\n');
    expect(end.component.getFirstProperty('categories')!.getValues()).toEqual(['금융지원', '전체 오픈']);
  });

  it('a 200-character Korean title survives as the summary, and a one-day period is one event', () => {
    const p = program(LONG);
    expect([...p.data.title]).toHaveLength(200);
    const ics = programCalendar(p, site.ctx);
    expectFoldedSafely(ics);
    const { events } = parse(ics);
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe(`[신청 마감] ${p.data.title}`);
    expect(events[0].startDate.toString()).toBe('2018-05-10');
  });

  it('a company calendar holds exactly that company’s programs inside the window', () => {
    const filter = { company: 'hanbit-energy' };
    const ics = programsCalendar(site.programs.filter((p) => programMatches(filter, p)), site.ctx, { title: filterLabel(filter), description: 'd' });
    const uids = parse(ics).events.map((e) => e.uid).sort();
    expect(uids).toEqual([
      '2018-long-title-tech.apply-end@feeds.example.kr',
      '2018-tricky-fund.apply-end@feeds.example.kr',
      '2018-tricky-fund.apply-start@feeds.example.kr',
    ]);
  });

  it(`leaves out programs whose deadline is more than ${CALENDAR_WINDOW_DAYS} days before the build`, () => {
    const ics = programsCalendar(site.programs, site.ctx, { title: '전체', description: 'd' });
    const ids = new Set(parse(ics).events.map((e) => e.uid.split('.')[0]));
    expect(ids).toEqual(new Set(['2018-tricky-fund', '2018-long-title-tech', '2018-daehan-academy-spring']));
    // Soonest deadline first.
    expect(parse(ics).events.map((e) => e.startDate.toString())).toEqual(['2018-05-10', '2018-05-03', '2018-05-13', '2018-05-14', '2018-06-01']);
  });
});
