/**
 * 관련 프로그램 on a detail page: programs of the same company or the same 지원분야.
 * Candidates come from lookup maps built once, so 10,000 programs stay linear-ish
 * rather than comparing every pair.
 */
import type { Status } from '../../schemas/choices.ts';

export interface RelatedCandidate {
  id: string;
  status: Status;
  data: { field: string; company: string; registeredAt: string };
}

const RANK: Record<Status, number> = { 모집중: 0, 예정: 1, 진행중: 2, 종료: 3 };

/**
 * Up to `limit` programs related to `program`: same company and field first, then same
 * company, then same field; within a tier, programs still open before ended ones, newest first.
 */
export function relatedPrograms<T extends RelatedCandidate>(program: T, sameCompany: readonly T[], sameField: readonly T[], limit = 4): T[] {
  // The lists come from lookup maps built once per build, so their order (open first, newest
  // first) and membership sets are computed once per list, not once per page: a detail page
  // then only walks the head of its company's and its field's list (10,000 pages stay linear).
  const company = ordered(sameCompany);
  const field = ordered(sameField);
  const inField = members(sameField);
  const inCompany = members(sameCompany);
  const out: T[] = [];
  const take = (list: readonly T[], keep: (p: T) => boolean) => {
    for (const p of list) {
      if (out.length >= limit) return;
      if (p.id !== program.id && keep(p) && !out.includes(p)) out.push(p);
    }
  };
  take(company, (p) => inField.has(p)); // same company and field
  take(company, (p) => !inField.has(p)); // same company
  take(field, (p) => !inCompany.has(p)); // same field
  return out;
}

const orderedCache = new WeakMap<readonly unknown[], readonly unknown[]>();
const membersCache = new WeakMap<readonly unknown[], Set<unknown>>();

/** The list sorted open first (모집중, 예정, 진행중, 종료), then newest registration, then id. */
function ordered<T extends RelatedCandidate>(list: readonly T[]): readonly T[] {
  let sorted = orderedCache.get(list) as readonly T[] | undefined;
  if (!sorted) {
    sorted = [...list].sort((a, b) => RANK[a.status] - RANK[b.status] || (a.data.registeredAt < b.data.registeredAt ? 1 : a.data.registeredAt > b.data.registeredAt ? -1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    orderedCache.set(list, sorted);
  }
  return sorted;
}

function members<T>(list: readonly T[]): Set<T> {
  let set = membersCache.get(list) as Set<T> | undefined;
  if (!set) membersCache.set(list, (set = new Set(list)));
  return set;
}

/** Group by a key once (e.g. programs by 지원분야). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
