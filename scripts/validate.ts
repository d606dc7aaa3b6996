/**
 * `npm run validate`: check all content before the build. Prints one line per
 * problem (file, field, value, rule), every problem of the run, then exits 1 if
 * there was any error. Warnings (e.g. 프로그램명 without a year) never fail.
 */
import { existsSync } from 'node:fs';
import { contentRoot } from '../src/schemas/index.ts';
import { formatProblem } from '../src/lib/validation/problem.ts';
import { validateContent } from '../src/lib/validation/validate-content.ts';
import { SEARCH_RECORDS_ENV, searchRecords, writeSearchRecords } from '../src/lib/search/records.ts';
import { today } from '../src/lib/dates.ts';

const contentDir = contentRoot();
const publicDir = process.env.PUBLIC_DIR?.trim() || 'public';
if (!existsSync(contentDir)) {
  console.error(`오류 ${contentDir}: (폴더) — 콘텐츠 폴더가 없습니다 (CONTENT_ROOT=${process.env.CONTENT_ROOT ?? ''} 을 확인하세요)`);
  process.exit(1);
}
const started = performance.now();
const { errors, warnings, files, entries } = validateContent({ contentDir, publicDir });
const ms = Math.round(performance.now() - started);

for (const w of warnings) console.warn(`경고 ${formatProblem(w)}`);
if (errors.length > 0) {
  for (const e of errors) console.error(`오류 ${formatProblem(e)}`);
  console.error(`\n콘텐츠 검사 실패: 파일 ${files}개에서 오류 ${errors.length}건, 경고 ${warnings.length}건 (${ms}ms). 위의 줄마다 파일·항목·값·규칙이 있습니다.`);
  process.exit(1);
}
// npm run build: hand the search records to the Pagefind step, so it need not validate again.
// They only save work: when they cannot be made (say SITE_NOW is no date, which the build
// itself reports), the Pagefind step validates on its own.
const recordsFile = process.env[SEARCH_RECORDS_ENV]?.trim();
if (recordsFile) {
  try {
    const day = today();
    writeSearchRecords(recordsFile, contentDir, day, searchRecords(entries, day));
  } catch (error) {
    console.warn(`[validate] 검색 레코드를 넘기지 못했습니다 (${error instanceof Error ? error.message : String(error)}); 검색 색인 단계가 직접 검사합니다`);
  }
}
console.log(`콘텐츠 검사 통과: 파일 ${files}개, 경고 ${warnings.length}건 (${ms}ms)`);
