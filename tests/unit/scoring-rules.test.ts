import { describe, expect, it } from 'vitest';
import {
  DIRECT_APPLICATIONS, NEW_PROGRAMS, OPEN_PROGRAMS, PROMOTION, RULES, TOTAL_CAP, INDICATOR_GROUPS,
  formatPoints, promotionItems, promotionPoints, tierPoints, tierRangeLabel, totalPoints,
} from '../../src/lib/scoring/index.ts';

describe('① 신규 등록된 상생협력 프로그램 개수 (16이상 1.5, 11~15 1.2, 6~10 0.9, 1~5 0.6)', () => {
  it.each([
    [0, 0], [1, 0.6], [5, 0.6], [6, 0.9], [10, 0.9], [11, 1.2], [15, 1.2], [16, 1.5], [17, 1.5], [1000, 1.5],
  ])('%i개 → %s점', (count, points) => {
    expect(tierPoints(NEW_PROGRAMS, count)).toBe(points);
  });
});

describe('④ 미연계 기업까지 전체 개방한 프로그램 등록 개수 (6이상 1.0, 5 0.8, 4 0.6, 3 0.4, 2 0.2)', () => {
  it.each([
    [0, 0], [1, 0], [2, 0.2], [3, 0.4], [4, 0.6], [5, 0.8], [6, 1.0], [7, 1.0],
  ])('%i개 → %s점', (count, points) => {
    expect(tierPoints(OPEN_PROGRAMS, count)).toBe(points);
  });
});

describe('③ 직접 신청형 프로그램 참여 실적 (6이상 1.0 … 2 0.2)', () => {
  it.each([
    [0, 0], [1, 0], [2, 0.2], [3, 0.4], [4, 0.6], [5, 0.8], [6, 1.0], [40, 1.0],
  ])('%i건 → %s점', (count, points) => {
    expect(tierPoints(DIRECT_APPLICATIONS, count)).toBe(points);
  });
});

describe('counts must be whole numbers ≥ 0', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (bad) => {
    expect(() => tierPoints(NEW_PROGRAMS, bad)).toThrow(RangeError);
    expect(() => promotionPoints({ channels: [], posts: bad })).toThrow(RangeError);
  });
});

describe('② 중소기업 활용도 제고 노력 (건당 0.1점, 최대 0.5점)', () => {
  it('scores 0.1 per item up to the 0.5 cap', () => {
    expect(promotionPoints({ channels: [], posts: 0 })).toBe(0);
    expect(promotionPoints({ channels: ['banner'], posts: 0 })).toBe(0.1);
    expect(promotionPoints({ channels: ['banner', 'sns'], posts: 1 })).toBe(0.3);
    expect(promotionPoints({ channels: [], posts: 4 })).toBe(0.4);
    expect(promotionPoints({ channels: [], posts: 5 })).toBe(0.5);
    expect(promotionPoints({ channels: [], posts: 6 })).toBe(0.5);
    expect(promotionPoints({ channels: PROMOTION.channels.map((c) => c.id), posts: 3 })).toBe(0.5);
  });

  it('counts the same channel once (같은 항목은 한 건만을 인정) but every post (건별 인정)', () => {
    expect(promotionItems({ channels: ['leaflet', 'leaflet', 'leaflet'], posts: 0 })).toBe(1);
    expect(promotionItems({ channels: ['leaflet'], posts: 3 })).toBe(4);
  });

  it('ignores unknown channel ids', () => {
    expect(promotionItems({ channels: ['banner', 'billboard'], posts: 0 })).toBe(1);
  });
});

describe('총 합산 4.0점 이내에서 인정', () => {
  it('adds the parts exactly in tenths', () => {
    expect(totalPoints({ newPrograms: 0.6, promotion: 0.1, directApplications: 0.2, openPrograms: 0.4 })).toEqual({ sum: 1.3, total: 1.3, capped: false });
    expect(totalPoints({ newPrograms: 0.9, promotion: 0.3, directApplications: 0, openPrograms: 0 }).total).toBe(1.2);
  });

  it('reaches exactly 4.0 with every part at its maximum, without being cut', () => {
    const max = totalPoints({ newPrograms: NEW_PROGRAMS.max, promotion: PROMOTION.max, directApplications: DIRECT_APPLICATIONS.max, openPrograms: OPEN_PROGRAMS.max });
    expect(max).toEqual({ sum: 4.0, total: 4.0, capped: false });
  });

  it('cuts a sum above 4.0 to 4.0 and says so', () => {
    expect(totalPoints({ newPrograms: 1.5, promotion: 1.5, directApplications: 1.0, openPrograms: 1.0 })).toEqual({ sum: 5.0, total: TOTAL_CAP, capped: true });
    expect(totalPoints({ newPrograms: 1.5, promotion: 0.6, directApplications: 1.0, openPrograms: 1.0 })).toEqual({ sum: 4.1, total: 4.0, capped: true });
  });
});

describe('the tables as data', () => {
  it('each tier rule is ordered highest first with no gaps between tiers', () => {
    for (const rule of RULES) {
      if (rule.kind !== 'tiers') continue;
      expect(rule.tiers[0].points).toBe(rule.max);
      for (let i = 1; i < rule.tiers.length; i++) {
        expect(rule.tiers[i].max).toBe(rule.tiers[i - 1].min - 1);
        expect(rule.tiers[i].points).toBeLessThan(rule.tiers[i - 1].points);
      }
    }
  });

  it('the 배점 of the indicator groups add up to the 4.0 cap and to the rules\' maxima', () => {
    expect(INDICATOR_GROUPS.reduce((s, g) => s + g.points, 0)).toBe(TOTAL_CAP);
    for (const group of INDICATOR_GROUPS) {
      const max = group.rules.map((id) => RULES.find((r) => r.id === id)!.max).reduce((a, b) => a + b, 0);
      expect(max).toBe(group.points);
    }
  });

  it('prints ranges and points as the source does', () => {
    expect(NEW_PROGRAMS.tiers.map(tierRangeLabel)).toEqual(['16이상', '11 ~ 15', '6 ~ 10', '1 ~ 5']);
    expect(OPEN_PROGRAMS.tiers.map(tierRangeLabel)).toEqual(['6이상', '5', '4', '3', '2']);
    expect(formatPoints(1)).toBe('1.0');
  });
});
