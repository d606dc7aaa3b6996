/** The listing's three orders: 마감임박, 최신 등록, 신청 시작일. */
import type { Status } from '../../schemas/choices.ts';
import { programStatus } from '../status.ts';
import type { ListingItem } from './match.ts';
import type { SortKey } from './query.ts';

const RANK: Record<Status, number> = { 모집중: 0, 예정: 1, 진행중: 2, 종료: 3 };

/**
 * 마감임박: open programs first, closing soonest first; then upcoming ones by when they open;
 * then those past their apply period by when their support ends; 종료 last.
 */
function deadlineKey(item: ListingItem, today: string): [number, string] {
  const status = programStatus(item.apply, item.support, today);
  if (status === '모집중') return [RANK[status], item.apply.end];
  if (status === '예정') return [RANK[status], item.apply.start];
  return [RANK[status], item.support.end];
}

/** A comparator for `sort` on `today`; `tieBreak` (e.g. the slug) keeps equal keys in a stable order. */
export function comparator<T extends ListingItem>(sort: SortKey, today: string, tieBreak: (item: T) => string): (a: T, b: T) => number {
  const tie = (a: T, b: T) => tieBreak(a).localeCompare(tieBreak(b));
  if (sort === 'newest') return (a, b) => b.registeredAt.localeCompare(a.registeredAt) || tie(a, b);
  if (sort === 'start') return (a, b) => a.apply.start.localeCompare(b.apply.start) || a.apply.end.localeCompare(b.apply.end) || tie(a, b);
  const keys = new Map<T, [number, string]>();
  const key = (item: T) => {
    let k = keys.get(item);
    if (!k) keys.set(item, (k = deadlineKey(item, today)));
    return k;
  };
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1].localeCompare(kb[1]) || tie(a, b);
  };
}
