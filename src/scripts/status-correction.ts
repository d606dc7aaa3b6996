/**
 * Corrects 진행단계 badges and D-day labels in the browser, so a page built last week never
 * says 모집중 after the deadline. Runs src/lib/status.ts, the same code the build used,
 * on the dates written into the HTML. A build pinned with SITE_NOW (html[data-site-now])
 * keeps that day; otherwise "today" is the visitor's date in Asia/Seoul.
 */
import { seoulDate } from '../lib/dates.ts';
import { ddayLabel, programStatus } from '../lib/status.ts';

/** The day statuses are computed for in this browser. */
export function browserToday(): string {
  return document.documentElement.dataset.siteNow || seoulDate(new Date());
}

/** Update every `[data-program-status]` element under `root`. */
export function correctStatuses(root: ParentNode = document, today = browserToday()): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-program-status]')) {
    const { applyStart, applyEnd, supportStart, supportEnd } = el.dataset;
    if (!applyStart || !applyEnd || !supportStart || !supportEnd) continue;
    const apply = { start: applyStart, end: applyEnd };
    const status = programStatus(apply, { start: supportStart, end: supportEnd }, today);
    const badge = el.querySelector<HTMLElement>('[data-status-label]');
    if (badge && badge.textContent !== status) {
      badge.textContent = status;
      badge.dataset.status = status;
    }
    const dday = el.querySelector<HTMLElement>('[data-dday]');
    if (dday) {
      const label = ddayLabel(apply, today) ?? '';
      dday.textContent = label;
      dday.hidden = label === '';
    }
    el.dataset.status = status;
  }
}
