/**
 * iCalendar writer (RFC 5545) for all-day events. Pure: takes a calendar and its
 * events, returns the file. TEXT values are escaped (backslash, semicolon, comma,
 * newline); content lines are folded at 75 octets and a fold never falls inside a
 * UTF-8 character, so Korean text survives any conforming parser intact.
 */
import { addDays } from '../dates.ts';

export interface CalendarEvent {
  /** Globally unique and stable across builds, so a re-import updates instead of duplicating. */
  uid: string;
  /** The all-day date `YYYY-MM-DD` (a calendar day in Asia/Seoul). */
  date: string;
  summary: string;
  description?: string;
  /** Absolute URL of the page about the event. */
  url?: string;
  categories?: string[];
}

export interface Calendar {
  /** Shown as the calendar's name when subscribed (NAME, X-WR-CALNAME). */
  name: string;
  description: string;
  /** When this file was generated (DTSTAMP of every event, in UTC). */
  stamp: Date;
  /** How often a subscribed client should refetch, in hours. */
  refreshHours?: number;
  events: CalendarEvent[];
}

/** The line length limit of RFC 5545 §3.1, in octets, not counting the CRLF. */
export const MAX_LINE_OCTETS = 75;
const PRODUCT_ID = '-//winwinnuri//sangsaengnuri static portal//KO';

/** RFC 5545 §3.3.11 TEXT escaping; control characters TEXT cannot hold are dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '');
}

/**
 * Fold one content line (RFC 5545 §3.1): no physical line over 75 octets, continuation
 * lines start with one space (which counts towards their 75). Splits only between code
 * points, so a multi-byte UTF-8 character (every Hangul syllable is 3 octets) stays whole.
 */
export function foldLine(line: string): string {
  // 25 UTF-16 units are at most 75 octets (3 per unit; a surrogate pair is 4 for 2 units).
  if (line.length <= 25) return line;
  let out = '';
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    const next = line.charCodeAt(i + 1);
    const pair = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const size = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + size > MAX_LINE_OCTETS) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 1; // the leading space of the continuation line
    }
    octets += size;
    if (pair) i++;
  }
  return out + line.slice(start);
}

/** `2018-05-13` → `20180513` (DATE value). */
export function icalDate(day: string): string {
  return day.replaceAll('-', '');
}

/** An instant as a UTC DATE-TIME, e.g. `20180510T000000Z`. */
export function icalUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icalDate(event.date)}`,
    // All-day: DTEND is exclusive, the next day.
    `DTEND;VALUE=DATE:${icalDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL;VALUE=URI:${event.url}`] : []),
    ...(event.categories?.length ? [`CATEGORIES:${event.categories.map(escapeText).join(',')}`] : []),
    // A deadline does not make anyone busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** One VEVENT as folded, CRLF-terminated text (callers may cache it: it depends only on its arguments). */
export function renderEvent(event: CalendarEvent, stamp: Date): string {
  return `${eventLines(event, icalUtc(stamp)).map(foldLine).join('\r\n')}\r\n`;
}

/** The VCALENDAR around already rendered VEVENT blocks (see `renderEvent`). */
export function wrapCalendar(calendar: Omit<Calendar, 'events' | 'stamp'>, eventBlocks: readonly string[]): string {
  const refresh = `PT${calendar.refreshHours ?? 12}H`;
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `DESCRIPTION:${escapeText(calendar.description)}`,
    `X-WR-CALDESC:${escapeText(calendar.description)}`,
    // All-day dates are floating; this tells clients which zone the days are meant in.
    'X-WR-TIMEZONE:Asia/Seoul',
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
  ];
  return `${head.map(foldLine).join('\r\n')}\r\n${eventBlocks.join('')}END:VCALENDAR\r\n`;
}

/** The complete `.ics` file: CRLF line endings, every line folded. */
export function renderCalendar(calendar: Calendar): string {
  return wrapCalendar(calendar, calendar.events.map((e) => renderEvent(e, calendar.stamp)));
}
