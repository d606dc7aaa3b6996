// Issue 2: with SITE_NOW=2018-05-10 the seed programs show the 진행단계 the source table shows.
import { describe, expect, it } from 'vitest';
import { today } from '../../src/lib/dates.ts';
import { programStatus } from '../../src/lib/status.ts';
import { validateContent } from '../../src/lib/validation/validate-content.ts';

const { entries, errors } = validateContent({ contentDir: 'content', publicDir: 'public' });
const now = today({ SITE_NOW: '2018-05-10' });

function statusOf(slug: string): string {
  const entry = entries.find((e) => e.collection === 'programs' && e.slug === slug);
  if (!entry) throw new Error(`content/programs/${slug}.md is missing`);
  const data = entry.data as { applyPeriod: { start: string; end: string }; supportPeriod: { start: string; end: string } };
  return programStatus(data.applyPeriod, data.supportPeriod, now);
}

describe('seed programs on 2018-05-10', () => {
  it('the shipped content has no errors', () => {
    expect(errors).toEqual([]);
  });

  it('싱가포르 국제 물주간 is 모집중', () => {
    expect(statusOf('2018-singapore-water-week')).toBe('모집중');
  });

  it('the 2017 구매상담회 program is 종료', () => {
    expect(statusOf('2017-purchase-consultation')).toBe('종료');
  });

  it('every row of the source table that reads 모집중 is 모집중', () => {
    const rows = entries.filter((e) => e.collection === 'programs' && /^2018-/.test(String((e.data as { registeredAt: string }).registeredAt)));
    const open = rows.filter((e) => statusOf(e.slug) === '모집중');
    // The 11 valid table rows were all 모집중 when 001 was written (2018-05-09..11).
    expect(open.length).toBeGreaterThanOrEqual(11);
  });
});
