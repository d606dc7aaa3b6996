/**
 * 진행단계 (status) of a program: derived from its two periods and "today" (Asia/Seoul),
 * never typed by hand. The browser script `status-correction` runs this same module.
 */
import type { Status } from '../schemas/choices.ts';
import { daysBetween } from './dates.ts';

export interface Period {
  start: string;
  end: string;
}

/**
 * 예정 before the apply period · 모집중 within it (start and end days included) ·
 * 진행중 after it until the support period ends · 종료 after both have ended.
 */
export function programStatus(apply: Period, support: Period, today: string): Status {
  if (today < apply.start) return '예정';
  if (today <= apply.end) return '모집중';
  const lastDay = support.end > apply.end ? support.end : apply.end;
  if (today <= lastDay) return '진행중';
  return '종료';
}

/** Days left until the apply period ends: 0 on the last day, negative after it. */
export function daysLeft(apply: Period, today: string): number {
  return daysBetween(today, apply.end);
}

/**
 * The D-day label a visitor sees next to the status:
 * 예정 → days until applications open, 모집중 → days until they close, otherwise none.
 */
export function ddayLabel(apply: Period, today: string): string | undefined {
  if (today < apply.start) return `시작 D-${daysBetween(today, apply.start)}`;
  if (today <= apply.end) {
    const left = daysBetween(today, apply.end);
    return left === 0 ? 'D-Day' : `D-${left}`;
  }
  return undefined;
}
