/**
 * Several bench runs of one N (BENCH_RUNS): the median and range of the times and of the ratios,
 * so a figure read on a shared machine is not one run's luck. Each ratio is taken within a run
 * (ours and the yardsticks were built minutes apart), then summarised.
 */
import type { SizeResult } from './report.ts';

/** The median of the values (the mean of the middle two for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `median (min–max, n runs)` of the values the runs have, with `unit` after each number. */
export function spread(values: readonly (number | undefined)[], unit: string, digits = 1): string {
  const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const m = median(present);
  if (m === undefined) return '–';
  const f = (v: number) => `${v.toFixed(digits)}${unit}`;
  return present.length === 1 ? f(m) : `${f(m)} (${f(Math.min(...present))}–${f(Math.max(...present))}, ${present.length} runs)`;
}

const floorTotal = (r: SizeResult) => (r.floor ? r.floor.seconds + r.floor.pagefindSeconds : undefined);
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : undefined);

/** The summary block of the runs of one N (all results must be of the same size). */
export function summarize(runs: readonly SizeResult[]): string {
  const rows: [string, string][] = [
    ['build total, wall', spread(runs.map((r) => r.buildSeconds), ' s')],
    ['build total, CPU', spread(runs.map((r) => r.buildCpuSeconds), ' s')],
    ['  page rendering', spread(runs.map((r) => r.phases?.render), ' s')],
    ['  Pagefind after rendering', spread(runs.map((r) => r.phases?.pagefind), ' s')],
    ['peak RSS (process tree)', spread(runs.map((r) => (r.peakRss === undefined ? undefined : r.peakRss / 2 ** 30)), ' GB', 2)],
    ['bare Astro, wall', spread(runs.map((r) => r.bare?.seconds), ' s')],
    ['floor (Astro + plain Pagefind), wall', spread(runs.map(floorTotal), ' s')],
    ['ours ÷ bare Astro', spread(runs.map((r) => ratio(r.buildSeconds, r.bare?.seconds)), '×', 2)],
    ['floor ÷ bare Astro', spread(runs.map((r) => ratio(floorTotal(r), r.bare?.seconds)), '×', 2)],
    ['ours ÷ floor', spread(runs.map((r) => ratio(r.buildSeconds, floorTotal(r))), '×', 2)],
  ];
  const failed = runs.filter((r) => r.errors.length > 0).length;
  return [
    `== N = ${runs[0]?.size ?? '?'}, ${runs.length} runs${failed ? ` (${failed} FAILED)` : ''}: median (min–max)`,
    ...rows.map(([label, value]) => `  ${label.padEnd(38)} ${value}`),
    '',
  ].join('\n');
}
