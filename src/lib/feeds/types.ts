/**
 * The shapes the feed and export writers read. They are structural subsets of what
 * `loadSite()` returns (src/data/site-data.ts), so pages pass its values straight in,
 * and unit tests can build them from a fixture without Astro.
 */
import type { Status } from '../../schemas/choices.ts';
import type { Announcement } from '../../schemas/announcements.ts';
import type { Business } from '../../schemas/businesses.ts';
import type { Company } from '../../schemas/companies.ts';
import type { Forum } from '../../schemas/forums.ts';
import type { Program } from '../../schemas/programs.ts';

/** One content entry: its slug, validated front matter and raw Markdown body. */
export interface Entry<T> {
  id: string;
  data: T;
  body?: string;
}

/** A program with its derived 진행단계 and the entries it references. */
export interface ProgramItem {
  id: string;
  data: Program;
  entry: { body?: string };
  /** 진행단계 as of the build's today. */
  status: Status;
  company: Entry<Company>;
  business: Entry<Business>;
}

/** What the writers need to know about the site being built. */
export interface FeedContext {
  /** Public origin without a trailing slash, e.g. `https://winwinnuri.github.io`. */
  site: string;
  /** The build's today, `YYYY-MM-DD` in Asia/Seoul (진행단계 and windows are as of this day). */
  today: string;
  /** The instant the files are generated (RSS lastBuildDate, iCalendar DTSTAMP). */
  builtAt: Date;
}

export type CompanyEntry = Entry<Company>;
export type AnnouncementEntry = Entry<Announcement>;
export type ForumEntry = Entry<Forum>;
