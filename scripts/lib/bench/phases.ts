/**
 * Phase timings of one `npm run build`, read from its timed output lines:
 * scripts/build.ts prints `[build] <step>: 1.2s` per step; Astro logs content sync, the
 * Vite bundle and page rendering; the Pagefind integration logs its own time. When no
 * Pagefind line carries a time, the gap between the end of page rendering and Astro's
 * `page(s) built` line (the astro:build:done hooks, where Pagefind runs) stands in for it.
 */
import type { TimedLine } from './run-measured.ts';

export interface BuildPhases {
  /** scripts/build.ts steps by label (콘텐츠 검사, astro build, …), seconds. */
  steps: Record<string, number>;
  /** Astro content sync (glob loaders + schema), seconds. */
  contentSync?: number;
  /** Page rendering (generating static routes), seconds. */
  render?: number;
  /**
   * Pagefind after page rendering (it indexes pages while Astro renders them; what is left
   * when rendering ends), from its own log line or the build:done gap, seconds.
   */
  pagefind?: number;
  /** Where the Pagefind figure came from. */
  pagefindSource: 'log' | 'build:done gap' | 'none';
  /** Pages Astro reports having built. */
  pages?: number;
}

function seconds(value: string, unit: string): number {
  return unit === 'ms' ? Number(value) / 1000 : unit === 'm' ? Number(value) * 60 : Number(value);
}

/** Astro's durations: `285ms`, `1.92s`, `1m 12s`. */
const DURATION = /(?:(\d+)m\s*)?(\d+(?:\.\d+)?)(ms|s)\b/;
function duration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  return (m[1] ? Number(m[1]) * 60 : 0) + seconds(m[2], m[3]);
}

export function parsePhases(lines: TimedLine[]): BuildPhases {
  const phases: BuildPhases = { steps: {}, pagefindSource: 'none' };
  let syncStart: number | undefined;
  let routesStart: number | undefined;
  let routesEnd: number | undefined;
  let builtAt: number | undefined;
  for (const line of lines) {
    const t = line.text;
    const step = /^\[build\] ([^:]+): (\d+(?:\.\d+)?)s$/.exec(t.trim());
    if (step) phases.steps[step[1]] = Number(step[2]);
    if (/\[content\] Syncing content/.test(t)) syncStart = line.at;
    if (/\[content\] Synced content/.test(t) && syncStart !== undefined) phases.contentSync = (line.at - syncStart) / 1000;
    if (/generating static routes/.test(t)) routesStart = line.at;
    if (routesStart !== undefined && routesEnd === undefined && /✓ Completed in /.test(t) && line.at >= routesStart) {
      phases.render = duration(t.slice(t.indexOf('✓ Completed in ')));
      routesEnd = line.at;
    }
    const built = /(\d+) page\(s\) built in/.exec(t);
    if (built) {
      phases.pages = Number(built[1]);
      builtAt = line.at;
    }
    if (/pagefind/i.test(t)) {
      // The integration ends its line with its time after rendering ("…, 90.9s, 렌더링 후 21.4s");
      // Astro's "Waiting for integration" notices carry none.
      const m = /(?:(\d+)m\s*)?(\d+(?:\.\d+)?)\s?(ms|s)\)?\s*$/.exec(t.trim());
      if (m) {
        phases.pagefind = (m[1] ? Number(m[1]) * 60 : 0) + seconds(m[2], m[3]);
        phases.pagefindSource = 'log';
      }
    }
  }
  if (phases.pagefindSource === 'none' && routesEnd !== undefined && builtAt !== undefined) {
    // The "[build] ✓ Completed in" line after routes closes Astro's own work; hooks follow.
    const after = lines.filter((l) => l.at >= routesEnd! && l.at <= builtAt! && /\[build\] ✓ Completed in/.test(l.text)).pop();
    phases.pagefind = (builtAt - (after?.at ?? routesEnd)) / 1000;
    phases.pagefindSource = 'build:done gap';
  }
  return phases;
}
