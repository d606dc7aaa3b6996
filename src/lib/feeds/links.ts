/**
 * Where things live on the site, for feeds and exports that must print absolute URLs.
 * Page paths follow the public site's routes (src/pages/); the feed paths are ours.
 */

/** Paths of the public pages a feed item or export row points at. */
export const pagePath = {
  program: (id: string) => `/programs/${id}/`,
  company: (id: string) => `/companies/${id}/`,
  business: (id: string) => `/businesses/${id}/`,
  notice: (id: string) => `/forums/notices/${id}/`,
  programs: '/programs/',
  companies: '/companies/',
  notices: '/forums/notices/',
  data: '/data/',
} as const;

/** Paths of the files this module builds. */
export const feedPath = {
  programsRss: '/rss/programs.xml',
  noticesRss: '/rss/notices.xml',
  programsCalendar: '/calendar/programs.ics',
  programCalendar: (id: string) => `/calendar/programs/${id}.ics`,
  /** A filter feed by its key, e.g. `fields/finance` → `/rss/fields/finance.xml`. */
  filterRss: (key: string) => `/rss/${key}.xml`,
  filterCalendar: (key: string) => `/calendar/${key}.ics`,
  programsJson: '/data/programs.json',
  programsSchema: '/data/programs.schema.json',
  programsCsv: '/data/programs.csv',
  companiesJson: '/data/companies.json',
  companiesSchema: '/data/companies.schema.json',
  companiesCsv: '/data/companies.csv',
} as const;

/** An absolute URL on the site (non-ASCII path segments are percent-encoded). */
export function absoluteUrl(site: string, path: string): string {
  return new URL(path, `${site.replace(/\/$/, '')}/`).href;
}

/** The `webcal:` form of an https calendar URL: calendar apps open it as a subscription. */
export function webcalUrl(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:/, 'webcal:');
}

/** Host part of the site, used as the right-hand side of iCalendar UIDs. */
export function siteHost(site: string): string {
  return new URL(site).host;
}
