/** The bench's summary of several runs (scripts/lib/bench/summary.ts): medians, ranges, ratios within a run. */
import { describe, expect, it } from 'vitest';
import type { SizeResult } from '../../scripts/lib/bench/report.ts';
import { median, spread, summarize } from '../../scripts/lib/bench/summary.ts';

describe('bench summary', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('prints the median with the range and the number of runs that have the figure', () => {
    expect(spread([70.04, undefined, 79.6, 75.61], ' s')).toBe('75.6 s (70.0 s–79.6 s, 3 runs)');
    expect(spread([2.5], '×', 2)).toBe('2.50×');
    expect(spread([undefined], ' s')).toBe('–');
  });

  it('takes each ratio within its run, not as a ratio of medians', () => {
    const run = (ours: number, bare: number, floor: number, floorPagefind: number): SizeResult => ({
      size: '10000', errors: [], buildSeconds: ours,
      bare: { seconds: bare, pages: 10001, peakRss: 0 },
      floor: { pages: 1, files: 1, indexed: 1, builtPages: 1, builtIndexed: 1, seconds: floor, pagefindSeconds: floorPagefind },
    });
    // Ours ÷ bare per run: 3.0, 4.0, 2.0 → median 3.00× (the ratio of the medians would be 80 / 20 = 4.00×).
    const text = summarize([run(60, 20, 30, 10), run(80, 20, 30, 12), run(90, 45, 60, 15)]);
    expect(text).toMatch(/^== N = 10000, 3 runs: median \(min–max\)/);
    expect(text).toMatch(/ours ÷ bare Astro\s+3\.00× \(2\.00×–4\.00×, 3 runs\)/);
    // Floor ÷ bare per run: 2.00, 2.10, 1.67; ours ÷ floor: 1.50, 1.90, 1.20.
    expect(text).toMatch(/floor ÷ bare Astro\s+2\.00× \(1\.67×–2\.10×, 3 runs\)/);
    expect(text).toMatch(/ours ÷ floor\s+1\.50× \(1\.20×–1\.90×, 3 runs\)/);
    expect(text).toMatch(/bare Astro, wall\s+20\.0 s \(20\.0 s–45\.0 s, 3 runs\)/);
  });
});
