/**
 * ① and ④ computed from the site's own programs, per company and calendar year.
 *
 * Period rule (001: "※ 실적 산출 기간은 '18.1.1~12.31로 함(이미 종료된 프로그램은 등록 불가)"):
 * a program counts for year Y when
 *   1. its 등록일 (registeredAt) falls within Y-01-01 … Y-12-31 (Asia/Seoul calendar day), and
 *   2. it had not already ended on the day it was registered — its 진행단계 on registeredAt,
 *      by the same rule as the site's badges (src/lib/status.ts), is not 종료, i.e.
 *      registeredAt ≤ the later of 신청기간 end and 지원기간 end.
 * ① counts every such program whatever its 지원대상; ④ counts those whose 지원대상 is 전체 오픈
 * (미연계 기업까지 전체 개방). Every published program is taken as 확인 (confirmed): entries
 * waiting for review (확인요청) are CMS drafts and never reach content/.
 */
import { programStatus, type Period } from '../status.ts';
import { NEW_PROGRAMS, OPEN_PROGRAMS } from './rules.ts';
import { tierPoints } from './score.ts';

/** The fields of a program the rule reads (a site ProgramView satisfies it). */
export interface ScoredProgram {
  id: string;
  data: {
    company: string;
    audience: string;
    registeredAt: string;
    applyPeriod: Period;
    supportPeriod: Period;
  };
}

/** The audience value that counts for ④. */
export const FULLY_OPEN = '전체 오픈';

/** Why a program does or does not count for a year. */
export type Eligibility = 'counted' | 'other-year' | 'ended-before-registration';

/** Apply the period rule to one program for one year. */
export function eligibility(program: ScoredProgram, year: number): Eligibility {
  const { registeredAt, applyPeriod, supportPeriod } = program.data;
  if (registeredAt.slice(0, 4) !== String(year)) return 'other-year';
  if (programStatus(applyPeriod, supportPeriod, registeredAt) === '종료') return 'ended-before-registration';
  return 'counted';
}

/** One company's result for one year. */
export interface YearResult {
  company: string;
  year: number;
  /** Ids of programs counted for ①. */
  newPrograms: string[];
  /** Ids of programs counted for ④ (a subset of newPrograms). */
  openPrograms: string[];
  /** Ids registered that year but excluded because they had already ended. */
  excluded: string[];
  newPoints: number;
  openPoints: number;
}

/** ① and ④ for one company and year. */
export function scoreCompanyYear(programs: readonly ScoredProgram[], company: string, year: number): YearResult {
  const result: YearResult = { company, year, newPrograms: [], openPrograms: [], excluded: [], newPoints: 0, openPoints: 0 };
  for (const p of programs) {
    if (p.data.company !== company) continue;
    const e = eligibility(p, year);
    if (e === 'ended-before-registration') result.excluded.push(p.id);
    if (e !== 'counted') continue;
    result.newPrograms.push(p.id);
    if (p.data.audience === FULLY_OPEN) result.openPrograms.push(p.id);
  }
  result.newPoints = tierPoints(NEW_PROGRAMS, result.newPrograms.length);
  result.openPoints = tierPoints(OPEN_PROGRAMS, result.openPrograms.length);
  return result;
}

/** Calendar years in which a company registered programs, oldest first. */
export function registrationYears(programs: readonly ScoredProgram[], company?: string): number[] {
  const years = new Set<number>();
  for (const p of programs) {
    if (company === undefined || p.data.company === company) years.add(Number(p.data.registeredAt.slice(0, 4)));
  }
  return [...years].sort((a, b) => a - b);
}

/** Every (company, year) with at least one registration, companies in the given order, years ascending. */
export function scoreAll(programs: readonly ScoredProgram[], companies: readonly string[]): YearResult[] {
  const byCompany = new Map<string, ScoredProgram[]>();
  for (const p of programs) {
    const list = byCompany.get(p.data.company);
    if (list) list.push(p);
    else byCompany.set(p.data.company, [p]);
  }
  const rows: YearResult[] = [];
  for (const company of companies) {
    const own = byCompany.get(company) ?? [];
    for (const year of registrationYears(own)) rows.push(scoreCompanyYear(own, company, year));
  }
  return rows;
}
