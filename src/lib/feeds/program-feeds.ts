/**
 * Programs as RSS items and calendar events: what a follower sees of each program.
 * Used for the whole-site feeds, every filter feed (기업, 분야, …) and the per-program
 * `.ics` behind the detail page's add-to-calendar link, so the same program reads the
 * same everywhere and keeps the same UIDs.
 */
import { addDays, formatPeriod } from '../dates.ts';
import { renderCalendar, renderEvent, wrapCalendar, type CalendarEvent } from './ical.ts';
import { absoluteUrl, pagePath, siteHost } from './links.ts';
import { renderItem, renderRss, type RssItem } from './rss.ts';
import type { FeedContext, ProgramItem } from './types.ts';

/** Items per RSS feed: readers only need the newest; the full record is programs.json. */
export const RSS_LIMIT = 100;
/**
 * Calendars carry programs whose 신청 마감 is at most this many days before the build
 * (and every later one), so a subscription stays small after years of programs.
 */
export const CALENDAR_WINDOW_DAYS = 365;

export interface FeedMeta {
  title: string;
  description: string;
  /** Site path of the HTML page the feed follows. */
  page: string;
  /** Site path of the feed itself. */
  self: string;
}

/**
 * Rendered text per program and build: a program sits in up to a dozen feeds (its company,
 * 분야, 대상, 지역 …), so its <item> and VEVENT blocks are written once and reused.
 */
const rendered = new WeakMap<FeedContext, WeakMap<ProgramItem, { item?: string; events?: string }>>();
function cached(ctx: FeedContext, p: ProgramItem): { item?: string; events?: string } {
  let perCtx = rendered.get(ctx);
  if (!perCtx) rendered.set(ctx, (perCtx = new WeakMap()));
  let entry = perCtx.get(p);
  if (!entry) perCtx.set(p, (entry = {}));
  return entry;
}

/** Code-unit order: ISO dates and ASCII slugs need no locale collation (and it costs ~100× less). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest registration first, ties by slug, so every build orders alike. */
function newestFirst(a: ProgramItem, b: ProgramItem): number {
  return compareText(b.data.registeredAt, a.data.registeredAt) || compareText(a.id, b.id);
}

function facts(p: ProgramItem): string {
  return `${p.company.data.name} · ${p.data.field} · ${p.data.audience} · 진행지역 ${p.data.regions.join(', ')}`;
}

/** One program as an RSS item. */
export function programRssItem(p: ProgramItem, ctx: FeedContext): RssItem {
  return {
    title: p.data.title,
    link: absoluteUrl(ctx.site, pagePath.program(p.id)),
    date: p.data.registeredAt,
    categories: [p.data.field, p.data.audience],
    paragraphs: [p.data.summary, facts(p), `신청기간 ${formatPeriod(p.data.applyPeriod)}`],
  };
}

/** An RSS feed of programs, newest registration first, at most RSS_LIMIT items. */
export function programsRss(programs: readonly ProgramItem[], ctx: FeedContext, meta: FeedMeta): string {
  return renderRss({
    title: meta.title,
    description: meta.description,
    link: absoluteUrl(ctx.site, meta.page),
    self: absoluteUrl(ctx.site, meta.self),
    builtAt: ctx.builtAt,
    ttl: 720,
    items: [...programs].sort(newestFirst).slice(0, RSS_LIMIT).map((p) => {
      const entry = cached(ctx, p);
      return (entry.item ??= renderItem(programRssItem(p, ctx)));
    }),
  });
}

/** The stable UIDs of a program's two events (same in every calendar that holds them). */
export function programEventUids(id: string, site: string): { start: string; end: string } {
  const host = siteHost(site);
  return { start: `${id}.apply-start@${host}`, end: `${id}.apply-end@${host}` };
}

/**
 * A program's calendar events: 신청 시작 and 신청 마감 as all-day events (one event when
 * both fall on the same day). `detailed` adds the 개요 and 문의처 (the per-program file).
 */
export function programEvents(p: ProgramItem, ctx: FeedContext, detailed = false): CalendarEvent[] {
  const url = absoluteUrl(ctx.site, pagePath.program(p.id));
  const uids = programEventUids(p.id, ctx.site);
  const { start, end } = p.data.applyPeriod;
  const contact = p.data.contact;
  const description = [
    ...(detailed ? [p.data.summary] : []),
    facts(p),
    `신청기간 ${formatPeriod(p.data.applyPeriod)}`,
    ...(detailed ? [`문의 ${contact.department} ${contact.phone}${contact.email ? ` ${contact.email}` : ''}`] : []),
    url,
  ].join('\n');
  const common = { url, description, categories: [p.data.field, p.data.audience] };
  const events: CalendarEvent[] = [];
  if (start !== end) events.push({ ...common, uid: uids.start, date: start, summary: `[신청 시작] ${p.data.title}` });
  events.push({ ...common, uid: uids.end, date: end, summary: `[신청 마감] ${p.data.title}` });
  return events;
}

/** The earliest 신청 마감 a calendar built on `today` still carries. */
function calendarCutoff(today: string): string {
  return addDays(today, -CALENDAR_WINDOW_DAYS);
}

/** A subscription calendar of programs' 신청 시작/마감, soonest deadline first. */
export function programsCalendar(programs: readonly ProgramItem[], ctx: FeedContext, meta: Pick<FeedMeta, 'title' | 'description'>): string {
  const cutoff = calendarCutoff(ctx.today);
  const chosen = programs
    .filter((p) => p.data.applyPeriod.end >= cutoff)
    .sort((a, b) => compareText(a.data.applyPeriod.end, b.data.applyPeriod.end) || compareText(a.id, b.id));
  const blocks = chosen.map((p) => {
    const entry = cached(ctx, p);
    return (entry.events ??= programEvents(p, ctx).map((e) => renderEvent(e, ctx.builtAt)).join(''));
  });
  return wrapCalendar({ name: meta.title, description: meta.description }, blocks);
}

/** The per-program `.ics` (add-to-calendar): both events, with 개요 and 문의처, whatever the date. */
export function programCalendar(p: ProgramItem, ctx: FeedContext): string {
  return renderCalendar({
    name: p.data.title,
    description: `${p.company.data.name} · ${p.data.title} 신청 일정`,
    stamp: ctx.builtAt,
    events: programEvents(p, ctx, true),
  });
}
