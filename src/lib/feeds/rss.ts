/**
 * RSS 2.0 writer (https://www.rssboard.org/rss-specification). Pure: takes a channel
 * and its items, returns the document. Item descriptions are HTML (what feed readers
 * render), built from plain text that is escaped first, so `<script>` written by an
 * editor arrives in the reader as the visible text "<script>", never as markup.
 */
import { element, escapeXml } from './xml.ts';

export interface RssItem {
  title: string;
  /** Absolute URL of the page; also the item's permanent guid. */
  link: string;
  /** Plain-text paragraphs; newlines inside a paragraph are kept as line breaks. */
  paragraphs: string[];
  /** `YYYY-MM-DD` in Asia/Seoul (midnight KST is used as the time). */
  date: string;
  categories?: string[];
}

export interface RssChannel {
  title: string;
  /** Absolute URL of the HTML page the feed follows. */
  link: string;
  description: string;
  /** Absolute URL of this feed (atom:link rel="self"). */
  self: string;
  /** When the feed was built. */
  builtAt: Date;
  /** Minutes a reader may cache the feed. */
  ttl?: number;
  /** The items, or their already rendered <item> elements (see `renderItem`). */
  items: readonly (RssItem | string)[];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const KST_OFFSET_MS = 9 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as an RFC 822 date in Korea Standard Time (UTC+9, no daylight saving). */
export function rfc822(instant: Date): string {
  const k = new Date(instant.getTime() + KST_OFFSET_MS);
  return `${DAYS[k.getUTCDay()]}, ${pad(k.getUTCDate())} ${MONTHS[k.getUTCMonth()]} ${k.getUTCFullYear()} `
    + `${pad(k.getUTCHours())}:${pad(k.getUTCMinutes())}:${pad(k.getUTCSeconds())} +0900`;
}

/** A calendar day `YYYY-MM-DD` as midnight in Asia/Seoul, RFC 822. */
export function rfc822Day(day: string): string {
  return rfc822(new Date(Date.parse(`${day}T00:00:00+09:00`)));
}

/** Plain text → HTML: every character escaped, line breaks kept as `<br />`. */
export function textToHtml(text: string): string {
  return escapeXml(text).replace(/\r\n?|\n/g, '<br />');
}

/** One <item> element (callers may cache it: it depends only on the item). */
export function renderItem(item: RssItem): string {
  const html = item.paragraphs.filter((p) => p !== '').map((p) => `<p>${textToHtml(p)}</p>`).join('');
  return [
    '<item>',
    element('title', item.title),
    element('link', item.link),
    element('guid', item.link, { isPermaLink: 'true' }),
    element('pubDate', rfc822Day(item.date)),
    ...(item.categories ?? []).map((c) => element('category', c)),
    // The HTML is escaped once more as XML text: an XML parser returns the HTML above.
    element('description', html),
    '</item>',
  ].join('');
}

/** The complete RSS 2.0 document. */
export function renderRss(channel: RssChannel): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    `<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml" />`,
    element('language', 'ko'),
    element('lastBuildDate', rfc822(channel.builtAt)),
    element('ttl', channel.ttl === undefined ? undefined : String(channel.ttl)),
    element('generator', '상생누리 static portal'),
    ...channel.items.map((item) => (typeof item === 'string' ? item : renderItem(item))),
    '</channel>',
    '</rss>\n',
  ].join('\n');
}
