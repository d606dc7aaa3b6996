/**
 * Which programs a listing query keeps. Shared by the build (static pages) and the
 * browser (filters), so both always agree.
 */
import type { Audience, CompanyClass, Field, Region, Status } from '../../schemas/choices.ts';
import type { Period } from '../status.ts';
import { programStatus } from '../status.ts';
import type { ListingQuery } from './query.ts';

/** What filtering and sorting need to know about one program. */
export interface ListingItem {
  field: Field;
  audience: Audience;
  /** Company slug. */
  company: string;
  companyClass: CompanyClass;
  regions: readonly Region[];
  apply: Period;
  support: Period;
  /** `YYYY-MM-DD`. */
  registeredAt: string;
}

/**
 * A program held in 전국 is open in every region, so choosing 부산 keeps 부산 and 전국
 * programs; choosing 전국 keeps only nationwide ones.
 */
export function inRegion(regions: readonly Region[], region: Region | undefined): boolean {
  if (!region) return true;
  if (regions.includes(region)) return true;
  return region !== '전국' && regions.includes('전국');
}

/** Does `item` pass every filter of `q` on `today`? 종료 programs never pass (they are 지난 프로그램). */
export function matchesQuery(item: ListingItem, q: ListingQuery, today: string): boolean {
  const status: Status = programStatus(item.apply, item.support, today);
  if (status === '종료') return false;
  if (q.statuses.length && !q.statuses.includes(status)) return false;
  if (q.fields.length && !q.fields.includes(item.field)) return false;
  if (q.audiences.length && !q.audiences.includes(item.audience)) return false;
  if (q.classes.length && !q.classes.includes(item.companyClass)) return false;
  if (q.company && item.company !== q.company) return false;
  return inRegion(item.regions, q.region);
}
