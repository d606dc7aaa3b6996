import { describe, expect, it } from 'vitest';
import { diffVersions, type Version } from '../../src/lib/history/diff.ts';
import { buildTimeline } from '../../src/lib/history/timeline.ts';
import { parseVersion } from '../../src/lib/history/parse.ts';
import { programSchema } from '../../src/schemas/index.ts';

const base: Version = {
  data: {
    title: '2018년 6월 중소기업 무상 온라인 교육',
    business: 'online-education',
    company: 'kepco-kdn',
    summary: '중소기업 임직원 대상 무상 온라인 교육',
    purpose: '중소기업 직무 역량 강화',
    field: '교육지원',
    audience: '협력사 지원',
    applyPeriod: { start: '2018-05-09', end: '2018-05-20' },
    supportPeriod: { start: '2018-06-01', end: '2018-06-30' },
    regions: ['전국'],
    contact: { department: '상생협력부', phone: '061-931-7114' },
    applyOnline: false,
    attachments: [{ file: '/uploads/a.pdf', title: '안내문' }],
    registeredAt: '2018-05-09',
  },
  body: '교육 안내',
};

function changed(patch: Record<string, unknown>, body = base.body): Version {
  return { data: { ...base.data, ...patch }, body };
}

const lines = (after: Version) => diffVersions(programSchema, base, after, { bodyLabel: '지원내용' });

describe('field-level Korean lines from the schema labels', () => {
  it('reports nothing for an identical version (key order and whitespace of the body ignored)', () => {
    const reordered = { data: Object.fromEntries(Object.entries(base.data).reverse()), body: `${base.body}\n\n` };
    expect(lines(reordered)).toEqual([]);
  });

  it('names period ends with 마감 for 신청기간 and 종료 for 지원기간, with the direction', () => {
    expect(lines(changed({ applyPeriod: { start: '2018-05-09', end: '2018-05-15' } })).map((c) => c.text)).toEqual(['신청기간 마감 2018-05-20 → 2018-05-15 (단축)']);
    expect(lines(changed({ supportPeriod: { start: '2018-05-25', end: '2018-07-31' } })).map((c) => c.text)).toEqual([
      '지원기간 시작 2018-06-01 → 2018-05-25 (앞당김)', '지원기간 종료 2018-06-30 → 2018-07-31 (연장)',
    ]);
  });

  it('says 지원대상 변경 with old → new', () => {
    expect(lines(changed({ audience: '전체 오픈' }))).toEqual([{ field: 'audience', text: '지원대상 변경', detail: '협력사 지원 → 전체 오픈' }]);
  });

  it('compares attachments by file: added, removed, retitled', () => {
    const two = [{ file: '/uploads/a.pdf', title: '안내문' }, { file: '/uploads/b.hwp', title: '신청서' }];
    expect(lines(changed({ attachments: two }))).toEqual([{ field: 'attachments', text: '첨부문서 추가', detail: '신청서' }]);
    expect(lines(changed({ attachments: [] }))).toEqual([{ field: 'attachments', text: '첨부문서 삭제', detail: '안내문' }]);
    expect(lines(changed({ attachments: [{ file: '/uploads/a.pdf', title: '수정 안내문' }] }))).toEqual([{ field: 'attachments', text: '첨부문서 변경', detail: '수정 안내문' }]);
  });

  it('covers lists, nested objects, yes/no, optional fields, dates, long text and the body', () => {
    const after = changed(
      {
        regions: ['서울', '경기'],
        contact: { department: '상생협력부', phone: '061-931-7115' },
        applyOnline: true,
        applyUrl: 'https://www.example.kr/apply',
        registeredAt: '2018-05-10',
        purpose: '중소기업 직무 역량 강화와 판로',
        eligibility: '중소기업만',
      },
      '교육 안내 (개정)',
    );
    expect(lines(after).map((c) => [c.text, c.detail])).toEqual([
      ['목적 변경', undefined],
      ['진행지역 변경', '전국 → 서울, 경기'],
      ['문의처 변경', '전화번호 061-931-7114 → 061-931-7115'],
      ['신청여부 변경', '공고 → 신청'],
      ['신청 주소 추가', undefined],
      ['지원대상 상세조건 추가', undefined],
      ['등록일 2018-05-09 → 2018-05-10', undefined],
      ['지원내용 변경', undefined],
    ]);
  });
});

describe('buildTimeline', () => {
  const v = (commit: string, date: string, blob?: string) => ({ commit, date, time: 0, ...(blob ? { blob } : {}) });
  const text = (end: string) => `---\ntitle: t\napplyPeriod:\n  start: 2018-05-01\n  end: ${end}\n---\n본문\n`;
  const opts = { schema: programSchema, bodyLabel: '지원내용', parse: parseVersion };

  it('skips commits without a field change but counts them as the last change', () => {
    const blobs = new Map([['b1', text('2018-05-13')], ['b2', `${text('2018-05-13')}\n`], ['b3', text('2018-05-20')]]);
    const t = buildTimeline([v('c1', '2018-05-01', 'b1'), v('c2', '2018-05-02', 'b2'), v('c3', '2018-05-03', 'b3')], blobs, opts);
    expect(t.entries.map((e) => [e.commit, e.changes.map((c) => c.text)])).toEqual([
      ['c3', ['신청기간 마감 2018-05-13 → 2018-05-20 (연장)']], ['c1', []],
    ]);
    expect(t.lastChanged).toBe('2018-05-03');
  });

  it('restarts after a deletion and reports an uncommitted file as untracked', () => {
    const blobs = new Map([['b1', text('2018-05-13')], ['b3', text('2018-05-20')]]);
    const t = buildTimeline([v('c1', '2018-05-01', 'b1'), v('c2', '2018-05-02'), v('c3', '2018-05-03', 'b3')], blobs, opts);
    expect(t.firstPublished).toBe('2018-05-03');
    expect(t.entries).toHaveLength(1);
    expect(buildTimeline([], blobs, opts).status).toBe('untracked');
  });

  it('skips an unparsable version instead of failing', () => {
    const blobs = new Map([['b1', text('2018-05-13')], ['b2', 'no front matter'], ['b3', text('2018-05-20')]]);
    const t = buildTimeline([v('c1', '2018-05-01', 'b1'), v('c2', '2018-05-02', 'b2'), v('c3', '2018-05-03', 'b3')], blobs, opts);
    expect(t.entries[0].changes.map((c) => c.text)).toEqual(['신청기간 마감 2018-05-13 → 2018-05-20 (연장)']);
  });
});
