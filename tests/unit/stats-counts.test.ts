import { describe, expect, it } from 'vitest';
import {
  companiesByClass, cumulativeByMonth, currentTarget, formatMonth, formatPercent, labelIndexes, linePath, niceMax, niceCountMax, countTicks,
  openRatioByYear, portalCounts, programsByAudience, programsByField, programsByRegion, programsByCompanyClass, ticks,
  type StatsCompany, type StatsProgram,
} from '../../src/lib/stats/index.ts';

let n = 0;
function prog(registeredAt: string, over: Partial<StatsProgram['data']> = {}): StatsProgram {
  return { id: `p${++n}`, data: { company: 'kwater', field: '교육지원', audience: '전체 오픈', regions: ['전국'], registeredAt, ...over } };
}
function company(id: string, cls: string): StatsCompany {
  return { id, data: { name: id, class: cls } };
}

describe('portalCounts (home page counters)', () => {
  it('counts companies by class and the 전체 오픈 share of programs', () => {
    const programs = [prog('2018-01-02'), prog('2018-02-03', { audience: '협력사 지원' }), prog('2018-03-04'), prog('2018-03-05', { audience: '부분 오픈' })];
    const companies = [company('a', '대기업'), company('b', '공공기관'), company('c', '공공기관')];
    const counts = portalCounts(programs, companies);
    expect(counts.programs).toEqual({ total: 4, open: 2, openRatio: 0.5 });
    expect(counts.companies.total).toBe(3);
    expect(counts.companies.byClass).toEqual([
      { key: '대기업', count: 1 }, { key: '공공기관', count: 2 }, { key: '중견기업', count: 0 }, { key: '중소기업', count: 0 },
    ]);
  });

  it('reports 0 %, not NaN, with no programs', () => {
    expect(portalCounts([], []).programs.openRatio).toBe(0);
  });
});

describe('by 지원분야, 지원대상, 진행지역, 기업분류', () => {
  const programs = [
    prog('2018-01-01', { field: '판로지원', regions: ['서울', '경기'] }),
    prog('2018-01-02', { field: '판로지원', audience: '협력사 지원', regions: ['경남'] }),
    prog('2018-01-03', { company: 'kdn', regions: ['전국'] }),
  ];

  it('keeps the schema order and zero buckets', () => {
    const byField = programsByField(programs);
    expect(byField).toHaveLength(10);
    expect(byField[0]).toEqual({ key: '금융지원', count: 0 });
    expect(byField.find((c) => c.key === '판로지원')!.count).toBe(2);
    expect(programsByAudience(programs).map((c) => c.count)).toEqual([1, 0, 0, 2]);
  });

  it('counts a multi-region program once in each region', () => {
    const byRegion = Object.fromEntries(programsByRegion(programs).map((c) => [c.key, c.count]));
    expect(byRegion).toMatchObject({ 전국: 1, 서울: 1, 경기: 1, 경남: 1, 부산: 0 });
  });

  it('groups programs by their company\'s class', () => {
    const counts = programsByCompanyClass(programs, [company('kwater', '공공기관'), company('kdn', '대기업')]);
    expect(counts.slice(0, 2)).toEqual([{ key: '대기업', count: 1 }, { key: '공공기관', count: 2 }]);
  });

  it('appends a value outside the vocabulary rather than dropping it', () => {
    expect(companiesByClass([company('x', '기타')]).at(-1)).toEqual({ key: '기타', count: 1 });
  });
});

describe('cumulativeByMonth', () => {
  it('fills empty months and carries the running total across a year end', () => {
    const points = cumulativeByMonth([prog('2017-11-30'), prog('2017-11-01'), prog('2018-02-01')]);
    expect(points).toEqual([
      { month: '2017-11', added: 2, total: 2 },
      { month: '2017-12', added: 0, total: 2 },
      { month: '2018-01', added: 0, total: 2 },
      { month: '2018-02', added: 1, total: 3 },
    ]);
    expect(cumulativeByMonth([prog('2018-02-01')], '2018-04').map((p) => p.total)).toEqual([1, 1, 1]);
    expect(cumulativeByMonth([])).toEqual([]);
    expect(formatMonth('2018-05')).toBe('2018년 5월');
  });
});

describe('open ratio against the policy target (2018 20% → 2020 50%)', () => {
  it('is cumulative per year, carries targets, and leaves future years without data', () => {
    const programs = [prog('2017-05-01', { audience: '협력사 지원' }), prog('2018-03-01'), prog('2018-04-01', { audience: '부분 오픈' }), prog('2018-04-02')];
    const rows = openRatioByYear(programs, '2018-05-10');
    expect(rows).toEqual([
      { year: 2017, total: 1, open: 0, ratio: 0 },
      { year: 2018, total: 4, open: 2, ratio: 0.5, target: 0.2 },
      { year: 2019, total: 0, open: 0 },
      { year: 2020, total: 0, open: 0, target: 0.5 },
    ]);
    expect(currentTarget('2018-05-10')).toEqual({ year: 2018, ratio: 0.2 });
    expect(currentTarget('2019-01-01')).toEqual({ year: 2020, ratio: 0.5 });
    expect(currentTarget('2024-01-01')).toEqual({ year: 2020, ratio: 0.5 });
    expect(formatPercent(681 / 1114)).toBe('61.1%');
  });
});

describe('chart geometry', () => {
  it('rounds axis maxima up to 1, 2, 2.5, 5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 11, 24, 26, 1114].map(niceMax)).toEqual([1, 1, 5, 10, 20, 25, 50, 2000]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
  });

  it('keeps count axes on whole numbers', () => {
    expect([2.2, 7, 20, 50].map(niceCountMax)).toEqual([3, 10, 20, 50]);
    expect(countTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(countTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(countTicks(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(1)).toEqual([0, 1]);
    for (const max of [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000]) {
      expect(countTicks(max).every(Number.isInteger)).toBe(true);
    }
  });

  it('thins month labels but keeps first and last', () => {
    expect(labelIndexes(5, 8)).toEqual([0, 1, 2, 3, 4]);
    const picked = labelIndexes(37, 7);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(36);
    expect(picked.length).toBeLessThanOrEqual(7);
    expect(linePath([{ x: 0, y: 10 }, { x: 5.55, y: 2 }])).toBe('M0 10 L5.6 2');
  });
});
