/**
 * The two impossible rows at the end of 001's sample program table are known defects of the
 * source: imported as written they must be rejected by the content gate, naming the file and
 * the period field, never silently "fixed" (2018-02-31 must not become March 3). A valid row
 * of the same table, written the same way, passes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/validation/problem.ts';
import { validateContent } from '../../src/lib/validation/validate-content.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/seed-rows');
const REVERSED = 'programs/2018-komipo-promotion-reversed.md';
const FEB31 = 'programs/2018-komipo-promotion-feb31.md';

function run(tree: 'invalid' | 'valid') {
  const root = join(FIXTURES, tree);
  return validateContent({ contentDir: root, publicDir: join(FIXTURES, 'no-public'), cwd: root });
}

describe('the impossible seed rows of 001', () => {
  const result = run('invalid');
  const byFile = (file: string) => result.errors.filter((e) => e.file === file);

  it('are written as the source gives them (unquoted dates, both period columns)', () => {
    const reversed = readFileSync(join(FIXTURES, 'invalid', REVERSED), 'utf8');
    expect(reversed).toMatch(/applyPeriod:\n {2}start: 2018-12-31\n {2}end: 2018-02-01\n/);
    expect(reversed).toMatch(/supportPeriod:\n {2}start: 2018-12-31\n {2}end: 2018-02-01\n/);
    const feb31 = readFileSync(join(FIXTURES, 'invalid', FEB31), 'utf8');
    expect(feb31).toMatch(/applyPeriod:\n {2}start: 2018-02-31\n {2}end: 2018-02-01\n/);
    expect(feb31).toMatch(/supportPeriod:\n {2}start: 2018-02-31\n {2}end: 2018-02-01\n/);
  });

  it('reject the reversed row on both period ends, naming file, field, value and rule', () => {
    const errors = byFile(REVERSED);
    expect(errors.map((e) => e.field)).toEqual(['applyPeriod.end', 'supportPeriod.end']);
    for (const e of errors) {
      expect(e.value).toBe('2018-02-01');
      expect(e.message).toContain('시작일(2018-12-31) 이후');
    }
    expect(formatProblem(errors[0])).toBe(
      `${REVERSED}: applyPeriod.end (신청기간 › 종료일) = "2018-02-01" — 종료일은 시작일(2018-12-31) 이후여야 합니다`,
    );
  });

  it('reject 2018-02-31 as a date that does not exist, on both period starts (not rolled over to March 3)', () => {
    const errors = byFile(FEB31);
    expect(errors.map((e) => e.field)).toEqual(['applyPeriod.start', 'supportPeriod.start']);
    for (const e of errors) {
      expect(e.value).toBe('2018-02-31');
      expect(e.message).toContain('달력에 없는 날짜');
    }
    expect(formatProblem(errors[1])).toBe(
      `${FEB31}: supportPeriod.start (지원기간 › 시작일) = "2018-02-31" — 달력에 없는 날짜입니다 (예: 2월 31일)`,
    );
  });

  it('produce exactly those four errors in one run, and nothing else in the tree fails', () => {
    expect(result.errors).toHaveLength(4);
    expect(new Set(result.errors.map((e) => e.file))).toEqual(new Set([REVERSED, FEB31]));
    // The company and business of the rows are fine, so they are returned to the build.
    expect(result.entries.map((e) => `${e.collection}/${e.slug}`).sort()).toEqual([
      'businesses/komipo-winwin-programs',
      'companies/komipo',
    ]);
  });
});

describe('a valid row of the same table', () => {
  it('passes with no errors and no warnings other than its year-less title', () => {
    const result = run('valid');
    expect(result.errors).toEqual([]);
    expect(result.entries).toHaveLength(3);
    const program = result.entries.find((e) => e.collection === 'programs')!;
    expect(program.data.applyPeriod).toEqual({ start: '2018-05-03', end: '2018-05-13' });
    expect(program.data.supportPeriod).toEqual({ start: '2018-07-08', end: '2018-07-12' });
    expect(result.warnings.map((w) => [w.file, w.field])).toEqual([['programs/2018-singapore-water-week.md', 'title']]);
  });
});
