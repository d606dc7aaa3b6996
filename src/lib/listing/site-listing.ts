/** The listing's server side: which programs it shows and in what order, from the site data. */
import { comparator } from './sort.ts';
import { toListingItem, type ProgramLike } from './from-site.ts';

interface SiteLike<P> {
  today: string;
  programs: P[];
}

/**
 * Results computed once per site object or program list: every page of a paginated listing
 * asks for the same list, and at 10,000 programs sorting it again per page costs minutes.
 * Callers must not mutate the arrays they get.
 */
const memo = new WeakMap<object, Map<string, unknown>>();
function once<T>(key: object, name: string, make: () => T): T {
  let bucket = memo.get(key);
  if (!bucket) memo.set(key, (bucket = new Map()));
  if (!bucket.has(name)) bucket.set(name, make());
  return bucket.get(name) as T;
}

/** Current programs (not 종료 on the build's today), 마감임박 order. */
export function currentPrograms<P extends ProgramLike & { status: string }>(site: SiteLike<P>): P[] {
  return once(site, `current:${site.today}`, () => {
    const items = site.programs.filter((p) => p.status !== '종료').map((p) => ({ p, item: toListingItem(p) }));
    const compare = comparator('deadline', site.today, (x: (typeof items)[number]['item']) => x.id);
    return items.sort((a, b) => compare(a.item, b.item)).map((x) => x.p);
  });
}

/** 종료 programs, the ones that ended last first. */
export function pastPrograms<P extends ProgramLike & { status: string }>(site: SiteLike<P>): P[] {
  return once(site, `past:${site.today}`, () => {
    const lastDay = (p: P) => (p.data.supportPeriod.end > p.data.applyPeriod.end ? p.data.supportPeriod.end : p.data.applyPeriod.end);
    return site.programs.filter((p) => p.status === '종료').sort((a, b) => lastDay(b).localeCompare(lastDay(a)) || a.id.localeCompare(b.id));
  });
}


const byFieldCache = new WeakMap<object, Map<string, unknown[]>>();

/** Programs grouped by 지원분야, built once per program list. */
export function programsByField<P extends ProgramLike>(programs: P[]): Map<string, P[]> {
  let map = byFieldCache.get(programs) as Map<string, P[]> | undefined;
  if (!map) {
    map = new Map();
    for (const p of programs) {
      const list = map.get(p.data.field);
      if (list) list.push(p);
      else map.set(p.data.field, [p]);
    }
    byFieldCache.set(programs, map as Map<string, unknown[]>);
  }
  return map;
}

/** Slugs a program cannot have: they are listing routes under /programs/. */
export const RESERVED_PROGRAM_SLUGS = ['page', 'past', 'match', 'listing-data'] as const;
