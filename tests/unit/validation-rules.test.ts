/**
 * Every content rule of SPEC §2/§7 with a failing and a passing fixture.
 * Fixtures live in tests/fixtures/validation-rules/ as `<collection>--<name>.{pass,fail}.md`;
 * each is dropped into a copy of the valid base tree and the whole tree is validated,
 * so references, uploads and cross-entry rules run exactly as in the build.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIENCES, FIELDS, REGIONS } from '../../src/schemas/choices.ts';
import { makeTree, lines, type Tree } from '../fixtures/validation-base/tree.ts';

const RULES = join(import.meta.dirname, '../fixtures/validation-rules');

let tree: Tree | undefined;
afterEach(() => tree?.cleanup());

/** Validate the base tree plus one fixture placed as `content/<collection>/<name>.<ext>`. */
function withFixture(fixture: string) {
  const [collection, rest] = fixture.split('--');
  const target = `content/${collection}/${rest.replace(/\.(pass|fail)\./, '.')}`;
  tree = makeTree();
  copyFileSync(join(RULES, fixture), join(tree.root, target));
  const result = tree.validate();
  return { target, result, errors: lines(result, tree.root).filter((l) => l.startsWith(target)), all: lines(result, tree.root) };
}

/** fixture → [field, a fragment of the rule] for every error line it must produce, in order. */
const FAILING: Record<string, [string, string][]> = {
  // Real calendar dates, checked on the text the editor wrote (unquoted YAML dates are not rolled over).
  'programs--date-unquoted.fail.md': [['applyPeriod.start', '달력에 없는 날짜']],
  'programs--date-quoted.fail.md': [['applyPeriod.start', '달력에 없는 날짜']],
  'programs--date-leap.fail.md': [['registeredAt', '달력에 없는 날짜']],
  'programs--date-format.fail.md': [['registeredAt', 'YYYY-MM-DD']],
  // The two impossible rows at the end of 001's program table.
  'programs--seed-row-feb31.fail.md': [['applyPeriod.start', '달력에 없는 날짜'], ['supportPeriod.start', '달력에 없는 날짜']],
  'programs--seed-row-reversed.fail.md': [['applyPeriod.end', '시작일(2018-12-31) 이후'], ['supportPeriod.end', '시작일(2018-12-31) 이후']],
  // end ≥ start.
  'programs--period-reversed.fail.md': [['supportPeriod.end', '시작일(2018-06-01) 이후']],
  // Closed vocabularies.
  'programs--field.fail.md': [['field', '금융지원, 기술지원']],
  'programs--audience.fail.md': [['audience', '협력사 지원, 계열사 오픈, 부분 오픈, 전체 오픈']],
  'announcements--category.fail.md': [['category', '토론회·워크샵']],
  // 진행지역: non-empty, known, no repeats, 전국 alone.
  'programs--regions-nationwide-plus.fail.md': [['regions', '전국은 다른 지역과 함께']],
  'programs--regions-unknown.fail.md': [['regions.1', '다음 중 하나']],
  'programs--regions-empty.fail.md': [['regions', '하나 이상']],
  'programs--regions-repeat.fail.md': [['regions', '두 번']],
  // 200-character limits.
  'programs--summary-201.fail.md': [['summary', '200자 이내로 입력하세요 (지금 201자)']],
  'programs--purpose-201.fail.md': [['purpose', '200자 이내로 입력하세요 (지금 201자)']],
  // Korean phone formats.
  'programs--phone-short.fail.md': [['contact.phone', '전화번호 형식이 아닙니다']],
  'programs--phone-intl.fail.md': [['contact.phone', '전화번호 형식이 아닙니다']],
  // https only.
  'programs--url-javascript.fail.md': [['applyUrl', 'https://']],
  'programs--url-http.fail.md': [['applyUrl', 'https://']],
  'programs--url-missing.fail.md': [['applyUrl', '신청 주소(https)가 필요합니다']],
  'companies--homepage-http.fail.md': [['homepage', 'https:// 주소 또는 이메일']],
  // 사업자등록번호.
  'companies--business-number.fail.md': [['businessNumber', '검증번호']],
  'companies--business-number-shape.fail.md': [['businessNumber', '글자 값']],
  // References that must exist; the program's company equals its business's company.
  'programs--ref-business.fail.md': [['business', '사업 "no-such-business" 이(가) 없습니다']],
  'programs--ref-company.fail.md': [['company', '참여기업 "no-such-company" 이(가) 없습니다']],
  'businesses--ref-company.fail.md': [['company', '참여기업 "no-such-company" 이(가) 없습니다']],
  'announcements--ref-forum.fail.md': [['forum', '정책포럼 "no-such-forum" 이(가) 없습니다']],
  'programs--company-mismatch.fail.md': [['company', '사업 "komipo-testbed"의 기업(komipo)과 같아야']],
  // Attachments: exist, allowed type (by name and by bytes), stay under /uploads/.
  'programs--attachment-missing.fail.md': [['attachments.0.file', '파일이 없습니다']],
  'programs--attachment-type.fail.md': [['attachments.0.file', '허용되지 않는 파일']],
  'programs--attachment-bytes.fail.md': [['attachments.0.file', 'PDF 형식이 아닙니다']],
  'programs--attachment-climb.fail.md': [['attachments.0.file', '.. 나 .']],
  'programs--attachment-percent.fail.md': [['attachments.0.file', '% 인코딩']],
  // Only .md in CMS collections; no unknown keys; YAML must parse.
  'programs--mdx.fail.mdx': [['(파일)', '.mdx 를 쓸 수 없습니다']],
  'programs--unknown-key.fail.md': [['status', '알 수 없는 항목']],
  'programs--yaml-broken.fail.md': [['(머리말)', 'YAML 문법 오류']],
};

const PASSING = readdirSync(RULES).filter((f) => /\.pass\.mdx?$/.test(f));

describe('each failing fixture gives exactly its error lines, naming file, field, value and rule', () => {
  it('every .fail fixture is covered by the table', () => {
    expect(readdirSync(RULES).filter((f) => f.includes('.fail.')).sort()).toEqual(Object.keys(FAILING).sort());
  });

  for (const [fixture, expected] of Object.entries(FAILING)) {
    it(fixture, () => {
      const { target, errors, all } = withFixture(fixture);
      // Nothing else in the tree broke: the only errors are this file's.
      expect(all).toEqual(errors);
      expect(errors).toHaveLength(expected.length);
      expected.forEach(([field, rule], i) => {
        const line = errors[i];
        // `file[:line]: field (label) = value — rule`
        expect(line).toMatch(new RegExp(`^${target.replaceAll('.', '\\.')}(?::\\d+)?: ${field.replaceAll('.', '\\.').replace(/[()]/g, '\\$&')}[ :]`));
        expect(line).toContain(rule);
        expect(line).toContain(' — ');
      });
    });
  }
});

describe('each passing fixture validates with no error', () => {
  it('there is a passing fixture for the main rules', () => {
    expect(PASSING.length).toBeGreaterThanOrEqual(15);
  });
  for (const fixture of PASSING) {
    it(fixture, () => {
      const { all } = withFixture(fixture);
      expect(all).toEqual([]);
    });
  }
});

describe('rules needing more than one fixture file', () => {
  it('the valid base tree itself has no errors and no warnings', () => {
    tree = makeTree();
    const result = tree.validate();
    expect(lines(result, tree.root)).toEqual([]);
    expect(lines(result, tree.root, 'warnings')).toEqual([]);
    expect(result.entries).toHaveLength(10);
  });

  it('every one of the 10 지원분야, 4 지원대상 and 18 regions is accepted', () => {
    const base = readFileSync(join(RULES, 'programs--field.pass.md'), 'utf8');
    const files: Record<string, string> = {};
    FIELDS.forEach((f, i) => (files[`content/programs/field-${i}.md`] = base.replace('field: 특허지원', `field: ${f}`)));
    AUDIENCES.forEach((a, i) => (files[`content/programs/audience-${i}.md`] = base.replace('audience: 전체 오픈', `audience: ${a}`)));
    REGIONS.slice(1).forEach((r, i) => (files[`content/programs/region-${i}.md`] = base.replace('  - 전국\n', `  - ${r}\n`)));
    expect(FIELDS).toHaveLength(10);
    expect(AUDIENCES).toHaveLength(4);
    tree = makeTree(files);
    expect(lines(tree.validate(), tree.root)).toEqual([]);
  });

  it('an attachment over 20 MB is an error; exactly 20 MB is fine', () => {
    tree = makeTree();
    const program = readFileSync(join(tree.root, 'content/programs/2018-testbed.md'), 'utf8');
    // Sparse files: 20 MB + 1 byte and exactly 20 MB, made in the temp tree, never in git.
    for (const [name, size] of [['big.pdf', 20 * 1024 * 1024 + 1], ['limit.pdf', 20 * 1024 * 1024]] as const) {
      tree.write(`public/uploads/${name}`, '%PDF-1.4\n');
      truncateSync(join(tree.root, 'public/uploads', name), size);
      tree.write(`content/programs/${name.replace('.pdf', '')}.md`, program.replace('/uploads/notice.pdf', `/uploads/${name}`));
    }
    expect(lines(tree.validate(), tree.root)).toEqual([
      'content/programs/big.md: attachments.0.file (첨부문서 › 1번째 › 파일) = "/uploads/big.pdf" — 파일이 20MB를 넘습니다 (20.0MB)',
    ]);
  });

  it('two entries with the same slug in one collection are an error (guides may mix .md and .mdx)', () => {
    tree = makeTree({ 'content/guides/how-to-use.mdx': readFileSync(join(RULES, 'guides--mdx.pass.mdx')) });
    expect(lines(tree.validate(), tree.root)).toEqual([
      'content/guides/how-to-use.mdx: (파일명) = "how-to-use" — 주소(슬러그)가 content/guides/how-to-use.md 와 겹칩니다: 파일명을 바꾸세요',
    ]);
  });

  it('a .mdx file in every CMS collection fails; in guides it is allowed', () => {
    const mdx = readFileSync(join(RULES, 'guides--mdx.pass.mdx'), 'utf8');
    tree = makeTree({
      'content/companies/x.mdx': mdx, 'content/plans/x.mdx': mdx, 'content/guides/developer.mdx': mdx,
    });
    expect(lines(tree.validate(), tree.root).map((l) => l.split(' — ')[0])).toEqual([
      'content/companies/x.mdx: (파일)',
      'content/plans/x.mdx: (파일)',
    ]);
  });

  it('a title without a year is a warning, never an error; a year in any form silences it', () => {
    const { all } = withFixture('programs--title-no-year.pass.md');
    expect(all).toEqual([]);
    expect(lines(tree!.validate(), tree!.root, 'warnings')).toEqual([
      'content/programs/title-no-year.md: title (프로그램명) = "TEST-BED 사업" — 프로그램명에 시기(연도)가 없습니다 — 예: "2018년 …" (경고, 빌드는 계속됩니다)',
    ]);
    tree!.cleanup();
    withFixture('programs--title-short-year.pass.md');
    expect(tree!.validate().warnings).toEqual([]);
  });

  it('200 characters are counted after NFC normalisation (decomposed Hangul is not over the limit)', () => {
    const { result, all } = withFixture('programs--purpose-200-nfd.pass.md');
    expect(all).toEqual([]);
    const purpose = result.entries.find((e) => e.slug === 'purpose-200-nfd')!.data.purpose as string;
    expect(purpose).toBe('한'.repeat(200));
  });

  it('an SVG logo with script is refused; a plain one is accepted', () => {
    tree = makeTree({
      'public/uploads/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
      'public/uploads/plain.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
    });
    const company = readFileSync(join(tree.root, 'content/companies/kwater.md'), 'utf8');
    tree.write('content/companies/kwater.md', company.replace('homepage:', 'logo: /uploads/evil.svg\nhomepage:'));
    tree.write('content/companies/plain.md', company.replace('homepage:', 'logo: /uploads/plain.svg\nhomepage:'));
    expect(lines(tree.validate(), tree.root).map((l) => l.split(' — ')[0])).toEqual([
      'content/companies/kwater.md: logo (기업로고) = "/uploads/evil.svg"',
    ]);
  });

  it('a file saved as EUC-KR instead of UTF-8 is named, not read as mojibake', () => {
    // "제목" in EUC-KR is C1 A6 B8 F1.
    tree = makeTree({ 'content/guides/euc-kr.md': Uint8Array.from([...Buffer.from('---\ntitle: '), 0xc1, 0xa6, 0xb8, 0xf1, ...Buffer.from('\norder: 2\nsummary: x\n---\n')]) });
    expect(lines(tree.validate(), tree.root)).toEqual(['content/guides/euc-kr.md: (파일) — UTF-8 텍스트가 아닙니다 (EUC-KR 등으로 저장된 파일은 UTF-8로 다시 저장하세요)']);
  });

  it('a misspelt collection folder is a warning (it would publish nothing)', () => {
    tree = makeTree({ 'content/program/x.md': '---\n---\n' });
    expect(lines(tree.validate(), tree.root, 'warnings')).toEqual([
      'content/program: (폴더) — 모음(collection)이 아니라서 게시되지 않습니다 (모음: programs, businesses, companies, forums, announcements, plans, guides)',
    ]);
  });

  it('fixtures for uploads exist (the renamed executable really is not a PDF)', () => {
    expect(existsSync(join(import.meta.dirname, '../fixtures/validation-base/public/uploads/fake.pdf'))).toBe(true);
    expect(readFileSync(join(import.meta.dirname, '../fixtures/validation-base/public/uploads/fake.pdf')).subarray(0, 2).toString()).toBe('MZ');
  });
});
