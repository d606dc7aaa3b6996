import { describe, expect, it } from 'vitest';
import { CborCursor, CborWriter } from '../../src/lib/search/cbor.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('CBOR writer', () => {
  it('writes integers, text and arrays in their shortest form (RFC 8949 appendix A)', () => {
    expect(hex(new CborWriter().uint(0).bytes())).toBe('00');
    expect(hex(new CborWriter().uint(23).bytes())).toBe('17');
    expect(hex(new CborWriter().uint(24).bytes())).toBe('1818');
    expect(hex(new CborWriter().uint(1000).bytes())).toBe('1903e8');
    expect(hex(new CborWriter().uint(1000000).bytes())).toBe('1a000f4240');
    expect(hex(new CborWriter().uint(1000000000000).bytes())).toBe('1b000000e8d4a51000');
    expect(hex(new CborWriter().int(-1).bytes())).toBe('20');
    expect(hex(new CborWriter().int(-1000).bytes())).toBe('3903e7');
    expect(hex(new CborWriter().text('IETF').bytes())).toBe('6449455446');
    expect(hex(new CborWriter().text('水').bytes())).toBe('63e6b0b4');
    expect(hex(new CborWriter().array(3).uint(1).array(2).uint(2).uint(3).array(0).bytes())).toBe('8301820203' + '80');
  });

  it('refuses what it cannot write', () => {
    expect(() => new CborWriter().uint(-1)).toThrow(/쓸 수 없는 값/);
    expect(() => new CborWriter().uint(1.5)).toThrow(/쓸 수 없는 값/);
  });

  it('grows past its first buffer', () => {
    const w = new CborWriter();
    const long = '가'.repeat(40_000);
    w.array(2).text(long).uint(7);
    const c = new CborCursor(w.bytes());
    expect(c.array()).toBe(2);
    expect(c.text()).toBe(long);
    expect(c.uint()).toBe(7);
    expect(c.done).toBe(true);
  });
});

describe('CBOR cursor', () => {
  it('reads back what the writer wrote, item by item', () => {
    const w = new CborWriter().array(4).text('협력').int(-26).uint(65_536).array(2).int(-1).uint(300);
    const c = new CborCursor(w.bytes());
    expect(c.array()).toBe(4);
    expect(c.text()).toBe('협력');
    expect(c.int()).toBe(-26);
    expect(c.uint()).toBe(65_536);
    expect(c.item()).toEqual([-1, 300]);
  });

  it('skips an item and returns its bytes, which a writer can copy as they are', () => {
    const inner = new CborWriter().array(3).uint(1).array(1).text('ab').int(-5).bytes();
    const c = new CborCursor(new CborWriter().array(2).raw(inner).uint(9).bytes());
    c.array();
    const skipped = c.skip();
    expect(hex(skipped)).toBe(hex(inner));
    expect(c.uint()).toBe(9);
  });

  it('decodes maps, byte strings, indefinite arrays and simple values', () => {
    const c = new CborCursor(Uint8Array.from([0xa1, 0x61, 0x61, 0x9f, 0xf5, 0xf4, 0xf6, 0x42, 1, 2, 0xff]));
    const v = c.item() as Map<string, unknown[]>;
    expect([...v.keys()]).toEqual(['a']);
    expect(v.get('a')!.slice(0, 3)).toEqual([true, false, null]);
    expect([...(v.get('a')![3] as Uint8Array)]).toEqual([1, 2]);
  });

  it('names the file and position of what it cannot read', () => {
    expect(() => new CborCursor(new CborWriter().text('x').bytes(), 0, 'a.pf_index').array()).toThrow(/a\.pf_index: 배열이\(가\) 있어야 할 자리에 CBOR 형식 3 \(위치 0\)/);
    expect(() => new CborCursor(Uint8Array.from([0x83, 0x01]), 0, 'b').item()).toThrow(/b: 파일이 중간에 끝났습니다/);
    expect(() => new CborCursor(Uint8Array.from([0x1c])).uint()).toThrow(/알 수 없는 CBOR 길이 28/);
    expect(() => new CborCursor(Uint8Array.from([0x9f, 0xff])).array()).toThrow(/길이가 정해지지 않은 배열/);
  });
});
