/**
 * `npm run corpus`: write a deterministic scale corpus of N programs (with their businesses
 * and companies) into CONTENT_ROOT, never into the shipped content/.
 *
 *   CONTENT_ROOT=/tmp/corpus-10000 npm run corpus -- --programs 10000 [--seed 8] [--site-now 2018-05-10]
 *
 * Then build it with the printed environment (CONTENT_ROOT, PUBLIC_DIR, SITE_NOW).
 * Forums, announcements, plans and guides are copied from content/ so every page type exists;
 * the shipped public/ is copied to CONTENT_ROOT/.public with the corpus uploads added.
 * The output is checked with the same validator as `npm run validate` before the script ends.
 * Options may also come from CORPUS_PROGRAMS, CORPUS_SEED and SITE_NOW.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate } from '../src/lib/dates.ts';
import { formatProblem } from '../src/lib/validation/problem.ts';
import { validateContent } from '../src/lib/validation/validate-content.ts';
import { createCorpusRoot } from './lib/bench/corpus-root.ts';

const REPO = resolve(import.meta.dirname, '..');
const DEFAULT_SITE_NOW = '2018-05-10';

const { values } = parseArgs({
  options: {
    programs: { type: 'string' },
    seed: { type: 'string' },
    'site-now': { type: 'string' },
    'skip-validate': { type: 'boolean', default: false },
  },
});

const root = process.env.CONTENT_ROOT?.trim();
if (!root) {
  console.error('CONTENT_ROOT 를 지정하세요. 예: CONTENT_ROOT=/tmp/corpus-10000 npm run corpus -- --programs 10000');
  process.exit(2);
}
const programs = Number(values.programs ?? process.env.CORPUS_PROGRAMS ?? 1114);
const seed = values.seed ?? process.env.CORPUS_SEED ?? '8';
const siteNow = values['site-now'] || process.env.SITE_NOW?.trim() || DEFAULT_SITE_NOW;
if (!Number.isInteger(programs) || programs < 1) {
  console.error(`--programs 는 1 이상의 정수여야 합니다: ${values.programs ?? process.env.CORPUS_PROGRAMS}`);
  process.exit(2);
}
if (!isRealDate(siteNow)) {
  console.error(`SITE_NOW / --site-now 는 YYYY-MM-DD 날짜여야 합니다: ${siteNow}`);
  process.exit(2);
}

const started = performance.now();
let manifest;
try {
  manifest = createCorpusRoot(root, { programs, seed, siteNow }, REPO);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const generatedMs = performance.now() - started;

console.log(`코퍼스 생성: ${resolve(root)} (seed ${seed}, SITE_NOW ${siteNow}, ${(generatedMs / 1000).toFixed(1)}s)`);
console.log(`  ${Object.entries(manifest.counts).map(([k, v]) => `${k} ${v}`).join(' · ')} · 첨부 ${manifest.uploads}`);
console.log(`  진행단계: ${Object.entries(manifest.statuses).map(([k, v]) => `${k} ${v}`).join(' · ')}`);

if (!values['skip-validate']) {
  const result = validateContent({ contentDir: root, publicDir: manifest.env.PUBLIC_DIR });
  if (result.errors.length > 0) {
    for (const e of result.errors.slice(0, 50)) console.error(`오류 ${formatProblem(e)}`);
    console.error(`코퍼스 검사 실패: 오류 ${result.errors.length}건 (생성기 버그입니다)`);
    process.exit(1);
  }
  console.log(`  검사 통과: 파일 ${result.files}개, 경고 ${result.warnings.length}건 (연도 없는 프로그램명)`);
}
console.log(`빌드: ${Object.entries(manifest.env).map(([k, v]) => `${k}=${v}`).join(' ')} npm run build`);
