import { describe, expect, it } from 'vitest';
import { isValidBusinessNumber } from '../../src/lib/business-number.ts';
import { businessNumber } from '../../src/schemas/fields.ts';

describe('사업자등록번호 check digit', () => {
  it('accepts numbers whose tenth digit matches', () => {
    // 124-81-00998 and 220-81-62517 are published registration numbers of large companies.
    expect(isValidBusinessNumber('124-81-00998')).toBe(true);
    expect(isValidBusinessNumber('220-81-62517')).toBe(true);
  });

  it('rejects a wrong check digit and wrong shapes', () => {
    expect(isValidBusinessNumber('124-81-00997')).toBe(false);
    expect(isValidBusinessNumber('1248100998')).toBe(false);
    expect(isValidBusinessNumber('124-8-100998')).toBe(false);
  });

  it('reports the check-digit rule in Korean through the schema field', () => {
    const result = businessNumber().safeParse('124-81-00997');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('검증번호');
  });
});
