import { describe, expect, it } from 'vitest';
import { answersToParams, audienceFit, listingParams, matchProgram, parseAnswers, type MatchAnswers, type MatchItem } from '../../src/scripts/match-rule.ts';
import { parseQuery } from '../../src/lib/listing/query.ts';
import { matchesQuery } from '../../src/lib/listing/match.ts';

const TODAY = '2018-05-10';
const nobody: MatchAnswers = { region: '경남', fields: [], size: '중소기업', supplier: 'no', partners: [] };

function item(over: Partial<MatchItem> = {}): MatchItem {
  return {
    field: '교육지원', audience: '전체 오픈', company: 'doosan-heavy', companyName: '두산중공업㈜', regions: ['전국'],
    apply: { start: '2018-04-16', end: '2018-05-22' }, support: { start: '2018-05-30', end: '2018-05-31' }, ...over,
  };
}

describe('who sees which 지원대상', () => {
  it('a 협력사 of no one sees only 전체 오픈', () => {
    expect(audienceFit('전체 오픈', 'x', 'X', nobody)?.reason).toContain('전체 오픈');
    for (const audience of ['협력사 지원', '계열사 오픈', '부분 오픈'] as const) expect(audienceFit(audience, 'x', 'X', nobody)).toBeUndefined();
  });

  it('a 협력사 of X sees X\'s 협력사 지원 / 계열사 오픈 / 부분 오픈, and other companies\' 부분 오픈 with a caution', () => {
    const supplier: MatchAnswers = { ...nobody, supplier: 'yes', partners: ['koen'] };
    expect(audienceFit('협력사 지원', 'koen', '한국남동발전㈜', supplier)?.reason).toBe('협력사 지원: 한국남동발전㈜ 협력사');
    expect(audienceFit('계열사 오픈', 'koen', '한국남동발전㈜', supplier)).toBeDefined();
    expect(audienceFit('협력사 지원', 'icpa', '인천항만공사', supplier)).toBeUndefined();
    expect(audienceFit('계열사 오픈', 'icpa', '인천항만공사', supplier)).toBeUndefined();
    expect(audienceFit('부분 오픈', 'icpa', '인천항만공사', supplier)?.cautions).toContain('지원대상 상세조건 확인');
  });

  it('"yes" without a company is no supplier at all, and partners without "yes" are ignored', () => {
    expect(audienceFit('부분 오픈', 'x', 'X', { ...nobody, supplier: 'yes', partners: [] })).toBeUndefined();
    expect(audienceFit('협력사 지원', 'koen', 'K', { ...nobody, supplier: 'no', partners: ['koen'] })).toBeUndefined();
  });

  it('flags every result for a 중견기업', () => {
    expect(audienceFit('전체 오픈', 'x', 'X', { ...nobody, size: '중견기업' })?.cautions).toEqual(['중견기업 지원 가능 여부 확인']);
  });
});

describe('matchProgram', () => {
  it('keeps 모집중 programs of 전국 or the chosen region and the chosen 분야', () => {
    expect(matchProgram(item(), nobody, TODAY)).toBeDefined();
    expect(matchProgram(item({ regions: ['경남', '부산'] }), nobody, TODAY)).toBeDefined();
    expect(matchProgram(item({ regions: ['서울'] }), nobody, TODAY)).toBeUndefined();
    expect(matchProgram(item({ apply: { start: '2018-05-11', end: '2018-05-20' } }), nobody, TODAY)).toBeUndefined(); // 예정
    expect(matchProgram(item({ apply: { start: '2018-04-01', end: '2018-05-09' } }), nobody, TODAY)).toBeUndefined(); // 진행중
    expect(matchProgram(item(), { ...nobody, fields: ['판로지원'] }, TODAY)).toBeUndefined();
    expect(matchProgram(item(), { ...nobody, fields: ['판로지원', '교육지원'] }, TODAY)).toBeDefined();
  });
});

describe('URLs', () => {
  it('round-trips the answers through the match page URL', () => {
    const a: MatchAnswers = { region: '경남', fields: ['교육지원', '기술지원'], size: '중소기업', supplier: 'yes', partners: ['koen', 'icpa'] };
    const params = answersToParams(a);
    expect(params.toString()).toBe(new URLSearchParams('region=경남&field=교육지원&field=기술지원&size=중소기업&supplier=yes&partner=koen&partner=icpa').toString());
    // Fields come back in the vocabulary's order.
    expect(parseAnswers(params)).toEqual({ ...a, fields: ['기술지원', '교육지원'] });
    expect(parseAnswers(new URLSearchParams('region=달나라&size=대기업&supplier=maybe&partner=Bad Slug'))).toEqual({ fields: [], partners: [] });
  });

  it('the no-JS listing URL keeps exactly the 협력사-of-no-one result', () => {
    const programs: (MatchItem & { registeredAt: string; companyClass: '공공기관' })[] = [
      item(), item({ regions: ['서울'] }), item({ audience: '협력사 지원' }), item({ audience: '부분 오픈' }), item({ field: '판로지원' }),
      item({ apply: { start: '2018-05-11', end: '2018-05-20' } }), item({ regions: ['경남'] }),
    ].map((p) => ({ ...p, registeredAt: '2018-04-01', companyClass: '공공기관' }));
    for (const answers of [nobody, { ...nobody, fields: ['교육지원' as const] }, { ...nobody, region: '서울' as const }]) {
      const query = parseQuery(listingParams(answers));
      const viaListing = programs.map((p) => matchesQuery(p, query, TODAY));
      const viaMatch = programs.map((p) => matchProgram(p, answers, TODAY) !== undefined);
      expect(viaListing).toEqual(viaMatch);
    }
  });
});
