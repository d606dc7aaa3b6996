/**
 * Self-hosted Pretendard GOV (the KRDS typeface, shipped by npm krds-uiux), subset at build
 * time to the characters the built site shows, weights 400 and 700, cut into unicode-range
 * slices (fonts-plan.ts) so a first visit downloads only what its page uses. Characters
 * Pretendard GOV lacks come from Pretendard (npm @fontsource/pretendard), same family name.
 * Writes dist/fonts/*.woff2 and dist/fonts/pretendard-gov.css (linked by BaseLayout) in
 * astro:build:done; subsets are cached on disk by content hash. `astro dev` serves the
 * whole fonts instead.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageYielder } from './background.ts';
import { FONT_CSS_URL, FONT_DIR, FONT_FAMILY, FONT_PRELOAD_URL, fontFileName } from './fonts-files.ts';
import { codePoints, fontFaceCss, pagesFontBytes, planSlices, visibleCodePoints, type FontFile } from './fonts-plan.ts';

const require = createRequire(import.meta.url);

/** Source fonts per weight: Pretendard GOV first, Pretendard for what it lacks. */
const SOURCES: Record<number, { gov: string; fallback: string }> = {
  400: { gov: 'krds-uiux/resources/fonts/PretendardGOV-Regular.subset.woff2', fallback: '@fontsource/pretendard/files/pretendard-latin-400-normal.woff2' },
  700: { gov: 'krds-uiux/resources/fonts/PretendardGOV-Bold.subset.woff2', fallback: '@fontsource/pretendard/files/pretendard-latin-700-normal.woff2' },
};
/** Only kerning survives: Hangul needs no other layout feature, and the rest doubles the files. */
const KEEP_FEATURES = ['kern'];
const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'site-fonts');

interface LoadedFont {
  sfnt: Buffer;
  unicodes: Set<number>;
  ascent: number;
  descent: number;
}

async function loadFont(spec: string): Promise<LoadedFont> {
  const { default: fontverter } = await import('fontverter');
  const { Blob, Face, Font } = await import('harfbuzzjs');
  const sfnt: Buffer = await fontverter.convert(readFileSync(require.resolve(spec)), 'sfnt');
  const face = new Face(new Blob(sfnt), 0);
  const extents = new Font(face).hExtents();
  return { sfnt, unicodes: new Set(face.collectUnicodes()), ascent: extents.ascender / face.upem, descent: -extents.descender / face.upem };
}

/** Subset with an on-disk cache keyed by source and characters (rebuilds reuse unchanged slices). */
async function subset(source: string, font: LoadedFont, cps: number[]): Promise<Buffer> {
  const key = createHash('sha256').update(`${source}\n${KEEP_FEATURES.join(',')}\n${cps.join(',')}`).digest('hex').slice(0, 32);
  const cached = join(CACHE_DIR, `${key}.woff2`);
  if (existsSync(cached)) return readFileSync(cached);
  const { default: subsetFont } = await import('subset-font');
  const out: Buffer = await subsetFont(font.sfnt, String.fromCodePoint(...cps), { targetFormat: 'woff2', keepFeatures: KEEP_FEATURES });
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, cached);
  return out;
}

/** Files below `dir`, skipping the top-level folders named in `skip`. */
function* walk(dir: string, skip: ReadonlySet<string> = new Set()): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) yield* walk(path);
    } else if (entry.isFile()) yield path;
  }
}

/**
 * Top-level folders without page text: the CMS brings its own UI, and Pagefind's index may
 * still be being written while this runs (background.ts).
 */
const NO_PAGE_TEXT = new Set(['admin', 'pagefind']);

/**
 * Characters the built site shows: per HTML page (its distinct code points, as
 * codePoints(visibleText(page)) gives them), plus Hangul strings inside its scripts (text drawn in the browser).
 */
async function collect(outDir: string): Promise<{ pages: Map<string, number[]>; scripts: Set<number> }> {
  const pages = new Map<string, number[]>();
  const scripts = new Set<number>();
  const nextFile = pageYielder();
  for (const file of walk(outDir, NO_PAGE_TEXT)) {
    await nextFile();
    const rel = relative(outDir, file).split('\\').join('/');
    if (rel.endsWith('.html')) pages.set(`/${rel.replace(/index\.html$/, '')}`, visibleCodePoints(readFileSync(file, 'utf8')));
    else if (rel.endsWith('.js') || rel.endsWith('.mjs')) {
      for (const cp of codePoints(readFileSync(file, 'utf8'))) if (cp >= 0xac00 && cp <= 0xd7a3) scripts.add(cp);
    }
  }
  return { pages, scripts };
}

export interface FontBuildResult {
  files: FontFile[];
  /** Distinct code points of each page, by path. */
  pages: Map<string, number[]>;
}

/** Subset and write the fonts and their CSS into `outDir`. */
export async function buildFonts(outDir: string): Promise<FontBuildResult> {
  const { pages, scripts } = await collect(outDir);
  const plan = planSlices([...pages.values()], scripts);
  const fontDir = join(outDir, FONT_DIR);
  mkdirSync(fontDir, { recursive: true });
  const files: FontFile[] = [];
  let metrics = { ascent: 0.95, descent: 0.24 };
  for (const [w, src] of Object.entries(SOURCES)) {
    const weight = Number(w);
    const gov = await loadFont(src.gov);
    metrics = { ascent: gov.ascent, descent: gov.descent };
    const missing: number[] = [];
    for (const [i, slice] of plan.slices.entries()) {
      const covered = slice.filter((cp) => gov.unicodes.has(cp));
      missing.push(...slice.filter((cp) => !gov.unicodes.has(cp)));
      if (covered.length === 0) continue;
      const data = await subset(src.gov, gov, covered);
      writeFileSync(join(fontDir, fontFileName(weight, i)), data);
      files.push({ weight, url: `${FONT_DIR}${fontFileName(weight, i)}`, codePoints: covered, bytes: data.length });
    }
    if (missing.length > 0) {
      const fallback = await loadFont(src.fallback);
      const covered = missing.filter((cp) => fallback.unicodes.has(cp)).sort((a, b) => a - b);
      if (covered.length > 0) {
        const data = await subset(src.fallback, fallback, covered);
        writeFileSync(join(fontDir, fontFileName(weight, 's')), data);
        files.push({ weight, url: `${FONT_DIR}${fontFileName(weight, 's')}`, codePoints: covered, bytes: data.length });
      }
    }
  }
  writeFileSync(join(outDir, FONT_CSS_URL), fontFaceCss(FONT_FAMILY, files, metrics));
  return { files, pages };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Dev server: the whole (unsliced) fonts, so `astro dev` looks like the build. */
function devCss(): string {
  return `${[400, 700]
    .map((w) => `@font-face{font-family:'${FONT_FAMILY}';font-weight:${w};font-display:swap;src:url(${FONT_DIR}dev-${w}.woff2) format('woff2')}`)
    .join('\n')}\n`;
}

export default function siteFonts(): AstroIntegration {
  return {
    name: 'sangsaengnuri:fonts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split('?')[0];
          if (url === FONT_CSS_URL) {
            res.setHeader('content-type', 'text/css; charset=utf-8');
            res.end(devCss());
            return;
          }
          const m = url && /^\/fonts\/dev-(400|700)\.woff2$/.exec(url);
          if (m || url === FONT_PRELOAD_URL) {
            res.setHeader('content-type', 'font/woff2');
            res.end(readFileSync(require.resolve(SOURCES[m ? Number(m[1]) : 400].gov)));
            return;
          }
          next();
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        try {
          const { files, pages } = await buildFonts(outDir);
          const total = files.reduce((n, f) => n + f.bytes, 0);
          const bytes = pagesFontBytes(pages.values(), files);
          const perPage = [...pages.keys()].map((path, i) => ({ path, bytes: bytes[i] }));
          const worst = perPage.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '-', bytes: 0 });
          const home = perPage.find((p) => p.path === '/')?.bytes ?? 0;
          logger.info(`글꼴: 파일 ${files.length}개 ${kb(total)}, 첫 방문 홈 ${kb(home)}, 가장 큰 페이지 ${worst.path} ${kb(worst.bytes)} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
        } catch (error) {
          throw new Error('글꼴 부분집합(subset) 만들기에 실패했습니다', { cause: error });
        }
      },
    },
  };
}
