/**
 * Loads tests/fixtures/feeds-site/ through the real content gate (same schemas,
 * same defaults as the build) into the shapes the feed writers read, as `loadSite()`
 * would on 2018-05-10. Not a test file: imported by tests/unit/feeds-*.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from '../../src/lib/validation/frontmatter.ts';
import { validateContent } from '../../src/lib/validation/validate-content.ts';
import { programStatus } from '../../src/lib/status.ts';
import type { AnnouncementEntry, CompanyEntry, Entry, FeedContext, ForumEntry, ProgramItem } from '../../src/lib/feeds/types.ts';
import type { Business } from '../../src/schemas/businesses.ts';
import type { Program } from '../../src/schemas/programs.ts';

export const FIXTURE = resolve(import.meta.dirname, '../fixtures/feeds-site');
export const FIXTURE_TODAY = '2018-05-10';
export const SITE = 'https://feeds.example.kr';
/** The program whose text holds `"`, `,`, `;`, `\`, a newline and `<script>`. */
export const TRICKY = '2018-tricky-fund';
/** The program with a 200-character Korean title and a one-day apply period. */
export const LONG = '2018-long-title-tech';

export interface FixtureSite {
  ctx: FeedContext;
  programs: ProgramItem[];
  companies: Map<string, CompanyEntry>;
  businesses: Map<string, Entry<Business>>;
  forums: Map<string, ForumEntry>;
  announcements: AnnouncementEntry[];
}

export function loadFixture(): FixtureSite {
  const contentDir = join(FIXTURE, 'content');
  const result = validateContent({ contentDir, publicDir: join(FIXTURE, 'public'), cwd: FIXTURE });
  if (result.errors.length > 0) throw new Error(`fixture invalid: ${JSON.stringify(result.errors)}`);
  const entries = (collection: string) => result.entries
    .filter((e) => e.collection === collection)
    .map((e) => ({ id: e.slug, data: e.data, body: parseFrontmatter(readFileSync(join(FIXTURE, e.file), 'utf8')).body }));
  const byId = <T>(list: Entry<T>[]) => new Map(list.map((e) => [e.id, e]));
  const companies = byId(entries('companies') as CompanyEntry[]);
  const businesses = byId(entries('businesses') as Entry<Business>[]);
  const programs = (entries('programs') as Entry<Program>[]).map((e): ProgramItem => ({
    id: e.id, data: e.data, entry: { body: e.body },
    status: programStatus(e.data.applyPeriod, e.data.supportPeriod, FIXTURE_TODAY),
    company: companies.get(e.data.company)!, business: businesses.get(e.data.business)!,
  }));
  return {
    ctx: { site: SITE, today: FIXTURE_TODAY, builtAt: new Date('2018-05-10T03:00:00Z') },
    programs, companies, businesses,
    forums: byId(entries('forums') as ForumEntry[]),
    announcements: entries('announcements') as AnnouncementEntry[],
  };
}
