/**
 * Counts over plain program/company data: by 기업분류, 지원분야, 지원대상, 진행지역,
 * and the portal's headline figures (the home page counters use `portalCounts`).
 * Buckets follow the schema's choice order and include zeros, so a chart always has
 * every category; values outside the vocabulary (should validation ever let one through)
 * are appended rather than dropped, so totals stay honest.
 */
import { AUDIENCES, COMPANY_CLASSES, FIELDS, REGIONS } from '../../schemas/choices.ts';
import type { Count, StatsCompany, StatsProgram } from './types.ts';

/** 전체 오픈: open to 미연계 중소기업 too. */
export const OPEN_AUDIENCE = '전체 오픈';

/** Count items per key in the order of `order`, zeros included, unknown keys appended. */
export function countBy<T>(items: Iterable<T>, keys: (item: T) => Iterable<string>, order: readonly string[]): Count[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    for (const k of keys(item)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count }));
}

/** 참여기업 by 기업분류 (대기업, 공공기관, 중견기업, 중소기업). */
export function companiesByClass(companies: Iterable<StatsCompany>): Count[] {
  return countBy(companies, (c) => [c.data.class], COMPANY_CLASSES);
}

/** Programs by 지원분야 (ten fields). */
export function programsByField(programs: Iterable<StatsProgram>): Count[] {
  return countBy(programs, (p) => [p.data.field], FIELDS);
}

/** Programs by 지원대상 (협력사 지원 … 전체 오픈). */
export function programsByAudience(programs: Iterable<StatsProgram>): Count[] {
  return countBy(programs, (p) => [p.data.audience], AUDIENCES);
}

/**
 * Programs by 진행지역. A program held in several regions counts once in each of them,
 * so the buckets can add up to more than the number of programs; 전국 is its own bucket.
 */
export function programsByRegion(programs: Iterable<StatsProgram>): Count[] {
  return countBy(programs, (p) => new Set(p.data.regions), REGIONS);
}

/** Programs by 기업분류 of the operating company. */
export function programsByCompanyClass(programs: Iterable<StatsProgram>, companies: Iterable<StatsCompany>): Count[] {
  const classOf = new Map<string, string>();
  for (const c of companies) classOf.set(c.id, c.data.class);
  return countBy(programs, (p) => [classOf.get(p.data.company) ?? '미상'], COMPANY_CLASSES);
}

/** Share of `part` in `whole` (0 when whole is 0). */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** `0.6113` → `61.1%` (one decimal, as a Korean statistics table prints it). */
export function formatPercent(value: number): string {
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** `1114` → `1,114`. */
export function formatCount(value: number): string {
  return value.toLocaleString('ko-KR');
}

/** The portal's headline figures, as 001 prints them (참여기업 수, 등록 프로그램 수, 전체 개방 수). */
export interface PortalCounts {
  companies: {
    total: number;
    byClass: Count[];
  };
  programs: {
    /** 등록 프로그램 총 누적 수. */
    total: number;
    /** 미연계 중소기업까지 전체 개방된 수 (지원대상 전체 오픈). */
    open: number;
    /** open / total. */
    openRatio: number;
  };
}

/** Headline counts for the home page and the top of /stats/. */
export function portalCounts(programs: readonly StatsProgram[], companies: readonly StatsCompany[]): PortalCounts {
  const open = programs.filter((p) => p.data.audience === OPEN_AUDIENCE).length;
  return {
    companies: { total: companies.length, byClass: companiesByClass(companies) },
    programs: { total: programs.length, open, openRatio: ratio(open, programs.length) },
  };
}
