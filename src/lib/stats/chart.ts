/**
 * Geometry for the build-time SVG charts (no chart library, nothing shipped to the browser):
 * round axis maxima, tick values, linear scales and the label thinning of a long month axis.
 */

/** The smallest "round" number (1, 2, 2.5, 5 × 10ⁿ) ≥ value; 1 for 0 or less. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Like niceMax, but a whole number (counts of programs never need a 2.5 axis). */
export function niceCountMax(value: number): number {
  const max = niceMax(value);
  return Number.isInteger(max) ? max : Math.ceil(max);
}

/** Ticks from 0 to a whole-number max with whole-number steps (4, 5, 3 or 2 intervals, else 1). */
export function countTicks(max: number): number[] {
  const intervals = [4, 5, 3, 2].find((c) => max % c === 0 && max / c >= 1) ?? 1;
  return ticks(max, intervals);
}

/** `count + 1` evenly spaced ticks from 0 to max, integers when max allows. */
export function ticks(max: number, count = 4): number[] {
  const step = max / count;
  return Array.from({ length: count + 1 }, (_, i) => Math.round(step * i * 1000) / 1000);
}

/** Map 0…domainMax onto 0…length (clamped). */
export function scale(value: number, domainMax: number, length: number): number {
  if (domainMax <= 0) return 0;
  return Math.max(0, Math.min(length, (value / domainMax) * length));
}

/** Indexes of at most `maxLabels` evenly spread labels over `n` points, always the first and last. */
export function labelIndexes(n: number, maxLabels: number): number[] {
  if (n <= 0) return [];
  if (n <= maxLabels) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (maxLabels - 1));
  const picked: number[] = [];
  for (let i = 0; i < n - 1; i += step) picked.push(i);
  // Drop a label that would crowd the last one (the last label is end-anchored, so it needs a full step).
  if (picked.length > 1 && n - 1 - picked[picked.length - 1] < step) picked.pop();
  picked.push(n - 1);
  return picked;
}

/** An SVG path through points ("M x y L x y …"), coordinates rounded to 0.1. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round1(p.x)} ${round1(p.y)}`).join(' ');
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
