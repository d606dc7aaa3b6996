/**
 * What an editor sees when several files are bad: `npm run validate` (the first step of
 * `npm run build`) prints one line per problem — file, field, value, rule — for every
 * problem of the run at once, then exits non-zero. Warnings never fail the run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'validation-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runValidate(dir: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_ROOT: 'content', PUBLIC_DIR: 'public' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run validate over a tree with several bad files', () => {
  const dir = join(work, 'bad');
  cpSync(join(ROOT, 'tests/fixtures/validation-base'), dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  cpSync(join(ROOT, 'tests/fixtures/validation-report/content'), join(dir, 'content'), { recursive: true });
  const run = runValidate(dir);
  const errorLines = run.stderr.split('\n').filter((l) => l.startsWith('오류 '));

  it('exits 1', () => {
    expect(run.status).toBe(1);
  });

  it('prints every problem of every file in one run, one line each, naming file, field, value and rule', () => {
    expect(errorLines).toMatchInlineSnapshot(`
      [
        "오류 content/announcements/broken.md:4: (머리말) — YAML 문법 오류: Missing closing "quote",
        "오류 content/companies/bad-number.md: businessNumber (사업자등록번호) = "220-81-62518" — 검증번호(마지막 자리)가 맞지 않습니다",
        "오류 content/companies/bad-number.md: homepage (홈페이지) = "http://www.example.co.kr" — https:// 주소 또는 이메일 주소여야 합니다",
        "오류 content/programs/2018-bad-dates.md: applyPeriod.start (신청기간 › 시작일) = "2018-02-31" — 달력에 없는 날짜입니다 (예: 2월 31일)",
        "오류 content/programs/2018-bad-dates.md: applyUrl (신청 주소) = "javascript:alert(1)" — https:// 로 시작하는 주소여야 합니다 (http:, javascript: 불가)",
        "오류 content/programs/2018-bad-dates.md: contact.phone (문의처 › 전화번호) = "02-368-848" — 전화번호 형식이 아닙니다 (예: 02-368-8487, 1588-0000, 010-1234-5678)",
        "오류 content/programs/2018-bad-dates.md: field (지원분야) = "홍보지원" — 다음 중 하나여야 합니다: 금융지원, 기술지원, 교육지원, 판로지원, 컨설팅지원, 특허지원, 인력지원, 해외진출지원, 복지지원, 기타지원",
        "오류 content/programs/2018-bad-dates.md: regions (진행지역) = ["전국","서울"] — 전국은 다른 지역과 함께 고를 수 없습니다",
        "오류 content/programs/2018-bad-dates.md: supportPeriod.end (지원기간 › 종료일) = "2018-02-01" — 종료일은 시작일(2018-12-31) 이후여야 합니다",
        "오류 content/programs/orphan.md: attachments.0.file (첨부문서 › 1번째 › 파일) = "/uploads/missing.hwp" — 파일이 없습니다: public/uploads/missing.hwp 에 올리거나 경로를 고치세요",
        "오류 content/programs/orphan.md: business (사업명) = "no-such-business" — 사업 "no-such-business" 이(가) 없습니다 (content/businesses/no-such-business.md 를 만들거나 값을 고치세요)",
      ]
    `);
  });

  it('each line names a file and a field, and the count in the summary matches', () => {
    for (const line of errorLines) expect(line).toMatch(/^오류 content\/[a-z]+\/[a-z0-9-]+\.md(?::\d+)?: \S+/);
    expect(new Set(errorLines.map((l) => l.split(':')[0])).size).toBe(4);
    expect(run.stderr).toContain(`오류 ${errorLines.length}건`);
  });

  it('the title-year advice is a warning line, not an error', () => {
    expect(run.stderr).toContain('경고 content/programs/orphan.md: title (프로그램명) = "상생 기술 교육"');
    expect(errorLines.some((l) => l.includes('orphan.md: title'))).toBe(false);
  });
});

describe('npm run validate over the valid base tree', () => {
  it('passes with exit 0 and a summary line', () => {
    const dir = join(work, 'good');
    cpSync(join(ROOT, 'tests/fixtures/validation-base'), dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    const run = runValidate(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^콘텐츠 검사 통과: 파일 10개, 경고 0건/);
  });
});
