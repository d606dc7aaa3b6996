/**
 * The CMS's pure parts: Decap pattern sources, the save-time schema check, the site
 * stylesheets for the preview frame, the Korean phrases, and the IME event model the
 * browser tests type with.
 */
import { describe, expect, test } from 'vitest';
import { koreanPhrases } from '../../admin/locale.ts';
import { checkCmsEntry, cleanEntry, describeProblems } from '../../src/lib/cms/entry-check.ts';
import { allOf, caseInsensitiveSource, flaglessSource, trimmedLengthSource } from '../../src/lib/cms/patterns.ts';
import { collectSiteStyles, stylesOf } from '../../src/lib/cms/site-styles.ts';
import { ATTACHMENT_PATTERN, IMAGE_PATTERN } from '../../src/schemas/fields.ts';
import { compositionSteps, imeEvents } from '../fixtures/cms-harness/ime.ts';

describe('pattern sources', () => {
  test.each([
    [ATTACHMENT_PATTERN, ['/uploads/a.pdf', '/uploads/A.PDF', '/uploads/x.Hwpx', '/uploads/x.exe', '/UPLOADS/a.pdf', '/uploads/a.pdf.exe', 'x/uploads/a.pdf']],
    [IMAGE_PATTERN, ['/uploads/logo.png', '/uploads/logo.JPEG', '/uploads/logo.jpg', '/uploads/logo.jpgg', '/uploads/logo.svg']],
    [/^[a-c]x(?:ab|Q)[^d-f]$/i, ['bXabg', 'BxQG', 'axqd', 'AXAbE', 'cxab1']],
  ])('%s without its i flag matches exactly what the flagged regex matches', (re, samples) => {
    const plain = new RegExp(caseInsensitiveSource(re.source));
    for (const s of samples) expect(plain.test(s), s).toBe(re.test(s));
    expect(flaglessSource(re)).toBe(caseInsensitiveSource(re.source));
  });

  test('flags Decap cannot emulate are refused', () => {
    expect(() => flaglessSource(/a/m)).toThrow(/플래그/);
    expect(flaglessSource(/a/g)).toBe('a');
  });

  test.each([[1, 5], [2, 3], [undefined, 1], [3, undefined], [0, 2]])('trimmed length min %s max %s counts like zod .trim().min().max()', (min, max) => {
    const re = new RegExp(trimmedLengthSource(min, max)!);
    for (const s of ['', ' ', '가', ' 가 ', '가나', '가 나', '가나다', '  가나다라  ', '가나다라마', '가나다라마바', '\n가\n']) {
      const n = s.trim().length;
      expect(re.test(s), JSON.stringify(s)).toBe((min === undefined || n >= min) && (max === undefined || n <= max));
    }
  });

  test('allOf matches when every source matches, wherever RegExp.test would', () => {
    const re = new RegExp(allOf(['^가', '다$', '나'])!);
    expect(re.test('가나다')).toBe(true);
    expect(re.test('가다')).toBe(false);
    expect(re.test('나가나다')).toBe(false);
    expect(allOf([])).toBeUndefined();
    expect(allOf(['x'])).toBe('x');
  });
});

const PROGRAM = {
  title: '2018년 시험 프로그램',
  business: 'tech-escrow',
  company: 'winwin-foundation',
  summary: '개요',
  purpose: '목적',
  field: '기술지원',
  audience: '전체 오픈',
  applyPeriod: { start: '2018-05-01', end: '2018-05-31' },
  supportPeriod: { start: '2018-06-01', end: '2018-12-31' },
  regions: ['전국'],
  contact: { department: '상생팀', phone: '02-368-8487', email: '' },
  applyOnline: false,
  applyUrl: '',
  eligibility: '',
  attachments: [],
  registeredAt: '2018-04-30',
  body: '본문',
};

describe('save-time schema check (Decap preSave)', () => {
  test('blank optional values are dropped, lists are kept', () => {
    expect(cleanEntry({ a: '', b: null, c: { d: '', e: '' }, f: [], g: ['', 'x'], h: [{ file: '', title: '' }], i: false, j: 0 })).toEqual({ f: [], g: ['x'], h: [], i: false, j: 0 });
  });

  test('a complete entry passes; blanks left by the editor are not errors', () => {
    expect(checkCmsEntry('programs', PROGRAM)).toEqual([]);
  });

  test.each([
    ['end before start', { applyPeriod: { start: '2018-05-31', end: '2018-05-01' } }, '신청기간 › 종료일: 종료일은 시작일(2018-05-31) 이후여야 합니다'],
    ['전국 with another region', { regions: ['전국', '서울'] }, '진행지역: 전국은 다른 지역과 함께 고를 수 없습니다'],
    ['신청 without its address', { applyOnline: true }, '신청 주소: 신청여부가 "신청"이면 신청 주소(https)가 필요합니다'],
    ['an impossible date', { registeredAt: '2018-02-31' }, '등록일: 달력에 없는 날짜입니다 (예: 2월 31일)'],
    ['a cleared required field', { title: '' }, '프로그램명: 필수 항목입니다'],
  ])('%s stops the save with the build\'s message', (_, change, message) => {
    const problems = checkCmsEntry('programs', { ...PROGRAM, ...change });
    expect(describeProblems(problems).split('\n')).toContain(message);
  });

  test('the 사업자등록번호 check digit and a half-filled optional group are caught', () => {
    const company = { name: '시험㈜', class: '중소기업', industry: '제조업', homepage: 'https://example.com', businessNumber: '124-81-00999', registration: { contact: { department: '구매팀', phone: '' } } };
    const lines = describeProblems(checkCmsEntry('companies', company)).split('\n');
    expect(lines).toContain('사업자등록번호: 검증번호(마지막 자리)가 맞지 않습니다');
    expect(lines).toContain('협력사 등록 안내 › 등록 문의처 › 전화번호: 필수 항목입니다');
    expect(checkCmsEntry('companies', { ...company, businessNumber: '124-81-00998', registration: { contact: { department: '', phone: '' } } })).toEqual([]);
  });
});

describe('site stylesheets for the preview frame', () => {
  test('links and inline styles of the built pages, in order, without repeats', () => {
    const html = '<head><link rel="stylesheet" href="/_astro/a.css"><style>.x{color:red}</style><link href="/_astro/b.css" rel=stylesheet><link rel="icon" href="/f.ico"></head>';
    expect(stylesOf(html)).toEqual([{ href: '/_astro/a.css' }, { raw: '.x{color:red}' }, { href: '/_astro/b.css' }]);
    const files: Record<string, string> = {
      '/d/index.html': html,
      '/d/programs/index.html': '<link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/c.css">',
      '/d/programs/p1/index.html': '<link rel="stylesheet" href="/_astro/d.css">',
      '/d/admin/index.html': '<link rel="stylesheet" href="/admin/x.css">',
    };
    const dirs: Record<string, string[]> = { '/d': ['index.html', 'programs', 'admin', '_astro', 'sitemap.xml'], '/d/programs': ['index.html', 'p1', 'p2'] };
    const styles = collectSiteStyles('/d', (p) => {
      if (!(p in files)) throw new Error('missing');
      return files[p];
    }, (p) => dirs[p] ?? []);
    expect(styles).toEqual([{ href: '/_astro/a.css' }, { raw: '.x{color:red}' }, { href: '/_astro/b.css' }, { href: '/_astro/c.css' }, { href: '/_astro/d.css' }]);
  });
});

describe('Korean UI phrases', () => {
  const base = { editor: { editorToolbar: { draft: '초안', inReview: '검토중', ready: '준비됨', save: '저장' } }, workflow: { workflowList: { draftHeader: '초안' } } };
  test('the workflow states read 작성 중 → 확인요청 → 게시 승인, other phrases stay Decap\'s', () => {
    const phrases = koreanPhrases(base) as typeof base & { ui: { toast: Record<string, string> } };
    expect(phrases.editor.editorToolbar).toMatchObject({ draft: '작성 중', inReview: '확인요청', ready: '게시 승인', save: '저장' });
    expect(phrases.workflow.workflowList.draftHeader).toBe('작성 중 · 수정요청');
    expect(phrases.ui.toast.missingRequiredField).toMatch(/^필수 항목이 비어 있습니다/);
  });
});

describe('IME event model used by the browser tests', () => {
  test('a syllable is composed jamo by jamo', () => {
    expect(compositionSteps('한')).toEqual(['ㅎ', '하', '한']);
    expect(compositionSteps('값')).toEqual(['ㄱ', '가', '갑', '값']);
  });

  test('a final consonant moves to the next syllable as on a 두벌식 keyboard', () => {
    expect(imeEvents('하나.')).toEqual([
      { compose: 'ㅎ' }, { compose: '하' }, { compose: '한' }, { commit: '하' }, { compose: '나' }, { commit: '나' }, { key: '.' },
    ]);
    // Whatever the path, the committed text is the typed text.
    const text = '상생누리 값을 읽고 갑시다, OK 1588-0000';
    const typed = imeEvents(text).map((e) => ('commit' in e ? e.commit : 'key' in e ? e.key : '')).join('');
    expect(typed).toBe(text);
  });
});

describe('/admin/ bundle cache (admin/build.ts)', () => {
  test('an entry is reused only while every recorded source and package is unchanged', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { findCachedBundle } = await import('../../admin/build.ts');
    const { ROOT } = await import('../helpers/paths.ts');
    const cache = mkdtempSync(join(tmpdir(), 'cms-cache-'));
    try {
      const hash = (file: string) => createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex');
      const react = (JSON.parse(readFileSync(join(ROOT, 'node_modules/react/package.json'), 'utf8')) as { version: string }).version;
      const entry = (id: string, files: Record<string, string>, packages: Record<string, string>) => {
        mkdirSync(join(cache, id, 'dist'), { recursive: true });
        writeFileSync(join(cache, id, 'manifest.json'), JSON.stringify({ files, packages, builtAt: '', buildMs: 0, bytes: 0 }));
      };
      const env = { ADMIN_CACHE_DIR: cache };
      entry('stale-source', { 'admin/main.ts': '0'.repeat(64) }, { react });
      entry('stale-package', { 'admin/main.ts': hash('admin/main.ts') }, { react: '0.0.0' });
      expect(findCachedBundle(env)).toBeUndefined();
      entry('fresh', { 'admin/main.ts': hash('admin/main.ts'), 'src/lib/status.ts': hash('src/lib/status.ts') }, { react });
      expect(findCachedBundle(env)).toBe(join(cache, 'fresh', 'dist'));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
