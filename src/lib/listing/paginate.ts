/** Page arithmetic shared by the static pages and the browser listing. */

/** Programs per listing page (static and filtered views alike). */
export const PAGE_SIZE = 20;

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items of 1-based page `page` (clamped to the last page). */
export function pageSlice<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  const last = pageCount(items.length, size);
  const p = Math.min(Math.max(1, page), last);
  return items.slice((p - 1) * size, p * size);
}

/** URL of static page `n` under `base` (`/programs/` → `/programs/page/2/`). */
export function staticPageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/**
 * Which page numbers a pagination bar shows: first, last, and a window around the current
 * page; `null` marks a gap (…).
 */
export function pageWindow(current: number, last: number, radius = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= radius) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}
