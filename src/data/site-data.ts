/**
 * Every collection loaded once per build, with lookup maps and each program's
 * derived 진행단계. Pages call `loadSite()` instead of `getCollection()` per page
 * (at 10,000 programs a per-page scan is the build's main cost).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { today } from '../lib/dates.ts';
import { groupBy } from '../lib/listing/related.ts';
import { programStatus } from '../lib/status.ts';
import type { Status } from '../schemas/choices.ts';

export type ProgramEntry = CollectionEntry<'programs'>;
export type BusinessEntry = CollectionEntry<'businesses'>;
export type CompanyEntry = CollectionEntry<'companies'>;
export type ForumEntry = CollectionEntry<'forums'>;
export type AnnouncementEntry = CollectionEntry<'announcements'>;
export type PlanEntry = CollectionEntry<'plans'>;
export type GuideEntry = CollectionEntry<'guides'>;

/** A program with what pages need beside its own fields. */
export interface ProgramView {
  entry: ProgramEntry;
  id: string;
  data: ProgramEntry['data'];
  /** 진행단계 as of the build's today (corrected in the browser). */
  status: Status;
  company: CompanyEntry;
  business: BusinessEntry;
}

export interface SiteData {
  /** The build's today (`SITE_NOW` or the Asia/Seoul date). */
  today: string;
  programs: ProgramView[];
  programsById: Map<string, ProgramView>;
  programsByCompany: Map<string, ProgramView[]>;
  programsByBusiness: Map<string, ProgramView[]>;
  businesses: Map<string, BusinessEntry>;
  companies: Map<string, CompanyEntry>;
  forums: Map<string, ForumEntry>;
  /** Newest first. */
  announcements: AnnouncementEntry[];
  /** Newest first. */
  plans: PlanEntry[];
  /** By `order`. */
  guides: GuideEntry[];
}

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((e) => [e.id, e]));
}


async function load(): Promise<SiteData> {
  const now = today();
  const [programs, businesses, companies, forums, announcements, plans, guides] = await Promise.all([
    getCollection('programs'), getCollection('businesses'), getCollection('companies'), getCollection('forums'),
    getCollection('announcements'), getCollection('plans'), getCollection('guides'),
  ]);
  const businessMap = byId(businesses);
  const companyMap = byId(companies);
  // References were checked by scripts/validate.ts before Astro ran; a miss here is a bug.
  const views: ProgramView[] = programs
    .map((entry) => {
      const company = companyMap.get(entry.data.company);
      const business = businessMap.get(entry.data.business);
      if (!company || !business) throw new Error(`content/programs/${entry.id}: 사업 또는 기업을 찾을 수 없습니다 (npm run validate 로 확인하세요)`);
      return {
        entry, id: entry.id, data: entry.data, company, business,
        status: programStatus(entry.data.applyPeriod, entry.data.supportPeriod, now),
      };
    })
    .sort((a, b) => b.data.registeredAt.localeCompare(a.data.registeredAt) || a.id.localeCompare(b.id));
  return {
    today: now,
    programs: views,
    programsById: byId(views),
    programsByCompany: groupBy(views, (p) => p.data.company),
    programsByBusiness: groupBy(views, (p) => p.data.business),
    businesses: businessMap,
    companies: companyMap,
    forums: byId(forums),
    announcements: announcements.sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt) || a.id.localeCompare(b.id)),
    plans: plans.sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt) || a.id.localeCompare(b.id)),
    guides: guides.sort((a, b) => a.data.order - b.data.order),
  };
}

let cache: Promise<SiteData> | undefined;

/** The site's content, loaded once per build process. */
export function loadSite(): Promise<SiteData> {
  cache ??= load();
  return cache;
}
