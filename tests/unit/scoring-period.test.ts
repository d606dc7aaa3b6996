import { describe, expect, it } from 'vitest';
import { eligibility, registrationYears, scoreAll, scoreCompanyYear, type ScoredProgram } from '../../src/lib/scoring/index.ts';

let seq = 0;
function program(over: { company?: string; audience?: string; registeredAt: string; apply?: [string, string]; support?: [string, string] }): ScoredProgram {
  const apply = over.apply ?? ['2018-05-01', '2018-05-31'];
  const support = over.support ?? ['2018-06-01', '2018-12-31'];
  return {
    id: `p${++seq}`,
    data: {
      company: over.company ?? 'kwater',
      audience: over.audience ?? '전체 오픈',
      registeredAt: over.registeredAt,
      applyPeriod: { start: apply[0], end: apply[1] },
      supportPeriod: { start: support[0], end: support[1] },
    },
  };
}

describe('period rule: registered in the calendar year, not already ended when registered', () => {
  it('counts 1 January and 31 December, not the days around them', () => {
    expect(eligibility(program({ registeredAt: '2018-01-01', apply: ['2018-01-01', '2018-02-01'] }), 2018)).toBe('counted');
    expect(eligibility(program({ registeredAt: '2018-12-31', apply: ['2018-12-01', '2019-01-31'], support: ['2019-02-01', '2019-03-01'] }), 2018)).toBe('counted');
    expect(eligibility(program({ registeredAt: '2017-12-31' }), 2018)).toBe('other-year');
    expect(eligibility(program({ registeredAt: '2019-01-01' }), 2018)).toBe('other-year');
  });

  it('excludes a program whose periods had both ended before its 등록일 (이미 종료된 프로그램은 등록 불가)', () => {
    const ended = program({ registeredAt: '2018-03-01', apply: ['2017-05-15', '2017-05-26'], support: ['2017-06-22', '2017-06-22'] });
    expect(eligibility(ended, 2018)).toBe('ended-before-registration');
    // Registered on the last day of its support period: still running, so it counts.
    const lastDay = program({ registeredAt: '2018-03-01', apply: ['2017-07-03', '2017-07-31'], support: ['2017-08-01', '2018-03-01'] });
    expect(eligibility(lastDay, 2018)).toBe('counted');
    // Registered before it opens (예정) counts.
    expect(eligibility(program({ registeredAt: '2018-02-01', apply: ['2018-08-16', '2018-09-14'] }), 2018)).toBe('counted');
  });
});

describe('scoreCompanyYear', () => {
  it('① counts every audience, ④ only 전체 오픈, and both map to points', () => {
    const list = [
      ...Array.from({ length: 4 }, () => program({ registeredAt: '2018-04-01' })),
      program({ registeredAt: '2018-04-02', audience: '협력사 지원' }),
      program({ registeredAt: '2018-04-03', audience: '부분 오픈' }),
      program({ registeredAt: '2017-04-03' }),
      program({ registeredAt: '2018-04-03', company: 'other' }),
      program({ registeredAt: '2018-04-03', apply: ['2016-01-01', '2016-01-02'], support: ['2016-01-03', '2016-02-01'] }),
    ];
    const r = scoreCompanyYear(list, 'kwater', 2018);
    expect(r.newPrograms).toHaveLength(6);
    expect(r.newPoints).toBe(0.9);
    expect(r.openPrograms).toHaveLength(4);
    expect(r.openPoints).toBe(0.6);
    expect(r.excluded).toHaveLength(1);
  });

  it('scoreAll yields one row per company and registration year', () => {
    const list = [program({ registeredAt: '2017-02-01', apply: ['2017-02-01', '2017-03-01'] }), program({ registeredAt: '2018-02-01', apply: ['2018-02-01', '2018-03-01'] }), program({ registeredAt: '2018-03-01', company: 'kdn' })];
    expect(registrationYears(list, 'kwater')).toEqual([2017, 2018]);
    const rows = scoreAll(list, ['kwater', 'kdn', 'none']);
    expect(rows.map((r) => [r.company, r.year, r.newPrograms.length, r.openPrograms.length])).toEqual([
      ['kwater', 2017, 1, 1], ['kwater', 2018, 1, 1], ['kdn', 2018, 1, 1],
    ]);
    expect(rows.map((r) => r.openPoints)).toEqual([0, 0, 0]);
    expect(rows.map((r) => r.newPoints)).toEqual([0.6, 0.6, 0.6]);
  });
});
