/** The bench's printed table: one column per corpus size, one row per figure. */
import type { PageWeight } from './dist-stats.ts';
import type { BuildPhases } from './phases.ts';
import type { Transfer } from './transfer.ts';

export interface SizeResult {
  size: string;
  errors: string[];
  /** With BENCH_RUNS > 1: which run of how many. */
  run?: number;
  runs?: number;
  programs?: number;
  pages?: number;
  corpusSeconds?: number;
  buildSeconds?: number;
  buildCpuSeconds?: number;
  peakRss?: number;
  phases?: BuildPhases;
  distBytes?: number;
  pagefindBytes?: number;
  /** gzipped /data/programs.json: every program, the thing a filtered listing must not download. */
  allProgramsJsonGz?: number;
  weights?: PageWeight[];
  transfers?: Transfer[];
  bare?: { seconds: number; cpuSeconds?: number; pages: number; peakRss: number; pagefindSeconds?: number; pagefindCpuSeconds?: number };
  /** The floor project (scripts/lib/bench/bare-astro.ts): what it was asked for, what it built, and its times. */
  floor?: {
    pages: number; files: number; indexed: number; builtPages: number; builtIndexed: number;
    seconds: number; cpuSeconds?: number; pagefindSeconds: number; pagefindCpuSeconds?: number;
  };
}

const s = (v?: number) => (v === undefined ? '–' : `${v.toFixed(1)} s`);
const mb = (v?: number) => (v === undefined ? '–' : v >= 2 ** 30 ? `${(v / 2 ** 30).toFixed(2)} GB` : `${(v / 2 ** 20).toFixed(1)} MB`);
const kb = (v?: number) => (v === undefined ? '–' : `${(v / 1024).toFixed(1)} KB`);

function weightRow(label: string, pick: (r: SizeResult) => PageWeight | undefined): [string, (r: SizeResult) => string] {
  return [label, (r) => {
    const w = pick(r);
    if (!w) return '–';
    return `${kb(w.total)} = html ${kb(w.html)} + css ${kb(w.css)} + js ${kb(w.js)}${w.jsInline || w.cssInline ? ` (inline js ${kb(w.jsInline)}, css ${kb(w.cssInline)})` : ''}`;
  }];
}

function transferRow(label: string, index: number): [string, (r: SizeResult) => string] {
  return [label, (r) => {
    const t = r.transfers?.[index];
    if (!t) return '–';
    const parts = Object.entries(t.bytes).filter(([k]) => k !== 'font').map(([k, v]) => `${k} ${kb(v)}`).join(', ');
    const first = t.firstResultMs !== undefined ? `; 1st result ${(t.firstResultMs / 1000).toFixed(2)} s after ${kb(t.bytesBeforeFirstResult)}` : '';
    return `${kb(t.totalExFont)} in ${t.requests} req (${parts}; font ${kb(t.bytes.font ?? 0)})${first}`;
  }];
}

export function formatReport(header: string, results: SizeResult[]): string {
  const rows: [string, (r: SizeResult) => string][] = [
    ['programs / HTML pages', (r) => `${r.programs ?? '–'} / ${r.pages ?? '–'}`],
    ['corpus generation', (r) => (r.corpusSeconds === undefined ? 'shipped' : s(r.corpusSeconds))],
    ['build total (npm run build)', (r) => `${s(r.buildSeconds)} wall, ${s(r.buildCpuSeconds)} CPU`],
    ['  content check', (r) => s(r.phases?.steps['콘텐츠 검사'])],
    ['  astro build (incl. hooks)', (r) => s(r.phases?.steps['astro build'])],
    ['    content sync', (r) => s(r.phases?.contentSync)],
    ['    page rendering', (r) => s(r.phases?.render)],
    ['    Pagefind after rendering', (r) => (r.phases?.pagefind === undefined ? '–' : `${s(r.phases.pagefind)} (${r.phases.pagefindSource})`)],
    ['  Astro until rendering ends', (r) => s(r.phases?.steps['astro build'] !== undefined && r.phases.pagefind !== undefined ? r.phases.steps['astro build'] - r.phases.pagefind : undefined)],
    ['seconds per 1,000 pages', (r) => (r.buildSeconds && r.pages ? `${((r.buildSeconds * 1000) / r.pages).toFixed(2)} s` : '–')],
    ['peak RSS (process tree)', (r) => mb(r.peakRss)],
    ['dist size', (r) => mb(r.distBytes)],
    ['Pagefind index size', (r) => mb(r.pagefindBytes)],
    ['bare Astro (same program pages)', (r) => (r.bare ? `${s(r.bare.seconds)} wall, ${s(r.bare.cpuSeconds)} CPU for ${r.bare.pages} pages, ${mb(r.bare.peakRss)}; + plain Pagefind ${s(r.bare.pagefindSeconds)} (${s(r.bare.pagefindCpuSeconds)} CPU)` : '–')],
    ['ours ÷ bare Astro', (r) => (r.bare && r.buildSeconds ? `${(r.buildSeconds / r.bare.seconds).toFixed(2)}× wall${r.buildCpuSeconds && r.bare.cpuSeconds ? `, ${(r.buildCpuSeconds / r.bare.cpuSeconds).toFixed(2)}× CPU` : ''}` : '–')],
    // Our build includes search; the bare one with plain Pagefind over it is the like-for-like yardstick.
    ['floor: bare Astro, our outputs', (r) => (r.floor ? `${r.floor.builtPages} pages + ${r.floor.files} files: ${s(r.floor.seconds)} wall, ${s(r.floor.cpuSeconds)} CPU; + plain Pagefind over ${r.floor.builtIndexed} pages ${s(r.floor.pagefindSeconds)} (${s(r.floor.pagefindCpuSeconds)} CPU)` : '–')],
    ['floor ÷ bare Astro', (r) => (r.floor && r.bare ? `${((r.floor.seconds + r.floor.pagefindSeconds) / r.bare.seconds).toFixed(2)}× wall (Astro alone ${(r.floor.seconds / r.bare.seconds).toFixed(2)}×)` : '–')],
    ['ours ÷ floor', (r) => (r.floor && r.buildSeconds ? `${(r.buildSeconds / (r.floor.seconds + r.floor.pagefindSeconds)).toFixed(2)}× wall${r.buildCpuSeconds && r.floor.cpuSeconds && r.floor.pagefindCpuSeconds !== undefined ? `, ${(r.buildCpuSeconds / (r.floor.cpuSeconds + r.floor.pagefindCpuSeconds)).toFixed(2)}× CPU` : ''}` : '–')],
    ['ours ÷ (bare Astro + plain Pagefind)', (r) => (r.bare?.pagefindSeconds !== undefined && r.buildSeconds ? `${(r.buildSeconds / (r.bare.seconds + r.bare.pagefindSeconds)).toFixed(2)}× wall${r.buildCpuSeconds && r.bare.cpuSeconds && r.bare.pagefindCpuSeconds !== undefined ? `, ${(r.buildCpuSeconds / (r.bare.cpuSeconds + r.bare.pagefindCpuSeconds)).toFixed(2)}× CPU` : ''}` : '–')],
    weightRow('home gz (html+css+js)', (r) => r.weights?.find((w) => w.path === '/')),
    weightRow('listing gz', (r) => r.weights?.find((w) => w.path === '/programs/')),
    weightRow('detail gz', (r) => r.weights?.find((w) => w.path !== '/' && w.path !== '/programs/')),
    transferRow('home transfer (mobile)', 0),
    transferRow('listing transfer (mobile)', 1),
    transferRow('detail transfer (mobile)', 2),
    transferRow('listing ?field=교육지원&region=서울', 3),
    transferRow('listing ?region=부산 (all 분야)', 4),
    ['all programs as JSON (gz), for scale', (r) => kb(r.allProgramsJsonGz)],
  ];
  const out = [header, ''];
  for (const r of results) {
    out.push(`== N = ${r.size}${r.runs ? ` (run ${r.run} of ${r.runs})` : ''}${r.errors.length ? '  (FAILED)' : ''}`);
    for (const [label, value] of rows) out.push(`  ${label.padEnd(34)} ${value(r)}`);
    out.push('');
  }
  return out.join('\n');
}
