import { describe, expect, it } from 'vitest';
import { seoulDate } from '../../src/lib/dates.ts';
import { daysLeft, ddayLabel, programStatus } from '../../src/lib/status.ts';

// 싱가포르 국제 물주간 (001): 신청 2018-05-03~2018-05-13, 지원 2018-07-08~2018-07-12.
const apply = { start: '2018-05-03', end: '2018-05-13' };
const support = { start: '2018-07-08', end: '2018-07-12' };

describe('programStatus boundaries', () => {
  it.each([
    ['2018-05-02', '예정'],
    ['2018-05-03', '모집중'], // first day of applications
    ['2018-05-10', '모집중'],
    ['2018-05-13', '모집중'], // last day still open
    ['2018-05-14', '진행중'], // the day after the deadline
    ['2018-07-08', '진행중'],
    ['2018-07-12', '진행중'], // last support day
    ['2018-07-13', '종료'],
  ])('on %s it is %s', (day, status) => {
    expect(programStatus(apply, support, day)).toBe(status);
  });

  it('turns at midnight in Seoul, not UTC', () => {
    // 2018-05-13 23:59:59 KST is still the deadline day; 00:00 KST on the 14th is not.
    expect(programStatus(apply, support, seoulDate(new Date('2018-05-13T14:59:59Z')))).toBe('모집중');
    expect(programStatus(apply, support, seoulDate(new Date('2018-05-13T15:00:00Z')))).toBe('진행중');
  });

  it('ends only after both periods when support ends before applications close', () => {
    const longApply = { start: '2018-05-01', end: '2018-12-31' };
    const shortSupport = { start: '2018-05-01', end: '2018-05-31' };
    expect(programStatus(longApply, shortSupport, '2018-06-15')).toBe('모집중');
    expect(programStatus(longApply, shortSupport, '2019-01-01')).toBe('종료');
  });
});

describe('D-day', () => {
  it('counts down to the deadline and reads D-Day on the last day', () => {
    expect(ddayLabel(apply, '2018-05-10')).toBe('D-3');
    expect(ddayLabel(apply, '2018-05-13')).toBe('D-Day');
    expect(daysLeft(apply, '2018-05-10')).toBe(3);
  });

  it('counts to the opening day before applications start, and shows nothing after the deadline', () => {
    expect(ddayLabel(apply, '2018-05-01')).toBe('시작 D-2');
    expect(ddayLabel(apply, '2018-05-14')).toBeUndefined();
  });
});
