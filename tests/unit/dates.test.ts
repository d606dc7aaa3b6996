import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatPeriod, isRealDate, seoulDate, toDateText, today } from '../../src/lib/dates.ts';

describe('isRealDate', () => {
  it.each([
    ['2018-02-28', true], ['2018-02-29', false], ['2020-02-29', true], ['1900-02-29', false], ['2000-02-29', true],
    ['2018-02-31', false], ['2018-04-31', false], ['2018-12-31', true], ['2018-13-01', false], ['2018-00-10', false],
    ['2018-01-00', false], ['2018-5-3', false], ['2018-05-03 ', false], ['20180503', false],
  ])('%s → %s', (text, expected) => {
    expect(isRealDate(text)).toBe(expected);
  });
});

describe('today in Asia/Seoul', () => {
  it('is the Seoul calendar day, which runs 9 hours ahead of UTC', () => {
    // 14:59:59 UTC is 23:59:59 in Seoul; one second later it is the next day there.
    expect(seoulDate(new Date('2018-05-13T14:59:59Z'))).toBe('2018-05-13');
    expect(seoulDate(new Date('2018-05-13T15:00:00Z'))).toBe('2018-05-14');
    expect(today({}, new Date('2018-05-13T15:00:00Z'))).toBe('2018-05-14');
  });

  it('is pinned by SITE_NOW', () => {
    expect(today({ SITE_NOW: '2018-05-10' }, new Date('2026-11-23T00:00:00Z'))).toBe('2018-05-10');
  });

  it('rejects an impossible SITE_NOW instead of rolling it over', () => {
    expect(() => today({ SITE_NOW: '2018-02-31' })).toThrow(/SITE_NOW="2018-02-31"/);
  });
});

describe('date arithmetic', () => {
  it('counts days across month and leap-year ends', () => {
    expect(daysBetween('2018-05-10', '2018-05-13')).toBe(3);
    expect(daysBetween('2018-05-13', '2018-05-10')).toBe(-3);
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
  });

  it('prints periods the Korean way', () => {
    expect(formatPeriod({ start: '2018-05-03', end: '2018-05-13' })).toBe('2018.05.03 ~ 2018.05.13');
  });

  it('turns a YAML Date into its day and leaves strings as written', () => {
    expect(toDateText(new Date('2018-05-03T00:00:00Z'))).toBe('2018-05-03');
    expect(toDateText('2018-02-31')).toBe('2018-02-31');
  });
});
