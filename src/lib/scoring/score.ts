/**
 * Points from counts, by the tables in `rules.ts`. Pure and framework-free: the
 * build and the browser calculator (src/scripts/calculator.ts) run this same code.
 * Points are multiples of 0.1, so sums are done in integer tenths (no 0.30000000000000004).
 */
import { PROMOTION, TOTAL_CAP, type PerItemRule, type TierRule } from './rules.ts';

/** Tenths of a point, as an integer. */
function tenths(points: number): number {
  return Math.round(points * 10);
}

/** Back from tenths to points. */
function fromTenths(t: number): number {
  return t / 10;
}

/** Throws unless `count` is a whole number ≥ 0 (a count of programs or 건). */
export function assertCount(count: number, what = '개수'): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`${what}는 0 이상의 정수여야 합니다: ${String(count)}`);
  }
}

/** The tier a count falls in, or undefined below the lowest tier (scores 0). */
export function tierFor(rule: TierRule, count: number) {
  assertCount(count, rule.countLabel);
  return rule.tiers.find((t) => count >= t.min && (t.max === undefined || count <= t.max));
}

/** Points of a tier rule (①, ③, ④) for a count; 0 below the lowest tier. */
export function tierPoints(rule: TierRule, count: number): number {
  return tierFor(rule, count)?.points ?? 0;
}

/** What a visitor enters for ②. */
export interface PromotionInput {
  /** Channel ids used (each counted once — "같은 항목은 한 건만을 인정"); unknown ids are ignored. */
  channels: readonly string[];
  /** 상생협력 활동 정보 제공 건수 ("건별 인정"). */
  posts: number;
}

/** Number of recognised ② items: distinct known channels plus every post. */
export function promotionItems(input: PromotionInput, rule: PerItemRule = PROMOTION): number {
  assertCount(input.posts, '정보 제공 건수');
  const known = new Set(rule.channels.map((c) => c.id));
  const distinct = new Set(input.channels.filter((id) => known.has(id)));
  return distinct.size + input.posts;
}

/** ② points: 건당 0.1, 최대 0.5. */
export function promotionPoints(input: PromotionInput, rule: PerItemRule = PROMOTION): number {
  const items = promotionItems(input, rule);
  return fromTenths(Math.min(items * tenths(rule.perItem), tenths(rule.max)));
}

/** Points of the four parts. */
export interface PartPoints {
  newPrograms: number;
  promotion: number;
  directApplications: number;
  openPrograms: number;
}

export interface Total {
  /** Plain sum of the parts. */
  sum: number;
  /** Sum capped at 4.0 (총 합산 4.0점 이내에서 인정). */
  total: number;
  /** True when the cap cut the sum. */
  capped: boolean;
}

/** Add up the parts and apply the 4.0 cap. */
export function totalPoints(parts: PartPoints, cap: number = TOTAL_CAP): Total {
  const sumTenths = tenths(parts.newPrograms) + tenths(parts.promotion) + tenths(parts.directApplications) + tenths(parts.openPrograms);
  const capTenths = tenths(cap);
  return {
    sum: fromTenths(sumTenths),
    total: fromTenths(Math.min(sumTenths, capTenths)),
    capped: sumTenths > capTenths,
  };
}

/** Points the way the source prints them: one decimal (1.5, 0.6, 1.0). */
export function formatPoints(points: number): string {
  return points.toFixed(1);
}

/** "16이상", "11 ~ 15", "5": a tier's range in the source's notation. */
export function tierRangeLabel(tier: { min: number; max?: number }): string {
  if (tier.max === undefined) return `${tier.min}이상`;
  if (tier.max === tier.min) return String(tier.min);
  return `${tier.min} ~ ${tier.max}`;
}
