/** Korean token expansion, particles, 초성 and English-mode keys (src/lib/search). */
import { describe, expect, it } from 'vitest';
import { choseongTokens, innerHangulTokens, koreanTokenFields, pruneByPrefix, wordStarts } from '../../src/lib/search/tokens.ts';
import { stripParticle } from '../../src/lib/search/particles.ts';
import { qwertyToHangul, qwertyWordToHangul } from '../../src/lib/search/keyboard.ts';
import { keyboardPlan, matchTerms, normalizeQuery, planQuery } from '../../src/lib/search/query.ts';
import { choseongOf, isChoseongWord } from '../../src/lib/search/hangul.ts';

describe('inner Hangul tokens', () => {
  it('makes every inner run of two or more syllables the start of a token', () => {
    const tokens = innerHangulTokens('상생협력프로그램');
    expect([...tokens]).toEqual(['생협력프로그램', '협력프로그램', '력프로그램', '프로그램', '로그램', '그램']);
    for (const inner of ['협력', '프로그램', '로그', '그램']) expect([...tokens].some((t) => t.startsWith(inner))).toBe(true);
  });

  it('adds the whole run when it does not start the word (digits, 대·중소기업)', () => {
    expect([...innerHangulTokens('2018년도예산')]).toEqual(['년도예산', '도예산', '예산']);
    expect(innerHangulTokens('대·중소기업')).toContain('중소기업');
    expect(innerHangulTokens('(주)케이티')).toContain('케이티');
  });

  it('makes nothing of two-syllable words, Latin words and single syllables', () => {
    expect([...innerHangulTokens('협력 TEST-BED 및 A가')]).toEqual([]);
  });

  it('treats a run as the start of its word only when no letter or number of any script comes first in it', () => {
    // What the tokens mean, word by word (the build scans the text once instead).
    const byWord = (text: string) => {
      const tokens = new Set<string>();
      for (const word of text.split(/\s+/)) {
        const lead = word.search(/[\p{L}\p{N}]/u);
        for (const m of word.matchAll(/[\uAC00-\uD7A3]+/g)) {
          for (let i = m.index === lead ? 1 : 0; i <= m[0].length - 2; i++) tokens.add(m[0].slice(i));
        }
      }
      return [...tokens].sort();
    };
    for (const text of [
      '상생협력 대·중소기업\u3000중소기업의\u00a0동반성장', // ideographic and no-break spaces split words
      '「상생협력」 (주)케이티 “우수기업” 2018년도예산 ABC가나다', // punctuation before a run; digits and Latin letters before one
      // Astral letters and digits count, an emoji does not, a CJK ideograph does (one text each:
      // the tokens of one word would hide another's).
      '𝐀상생협력', '𝟏상생협력', '😀상생협력', '中상생협력',
      '가나-다라마 가 나 다라 ㄱ상생협력', // several runs in a word; a lone jamo is a letter
      '',
    ]) expect([...innerHangulTokens(text)].sort()).toEqual(byWord(text));
  });

  it('drops tokens a longer token or a page word already starts with', () => {
    expect(pruneByPrefix(['기업', '기업의', '소기업', '경비'], ['소기업을', '경비'])).toEqual(['기업의']);
    // Words that share no first character with a token change nothing; order is by code unit.
    expect(pruneByPrefix(['협력', '프로그램', '가나', 'ㅅㅅ'], ['2018', 'abc', '협력사', 'ㅅㅅㄴㄹ', 'Zeta'])).toEqual(['가나', '프로그램']);
  });

  it('builds the body and title fields, the title ones left out of the body', () => {
    const f = koreanTokenFields({ text: '중소기업의 여행경비를 지원합니다 상생협력프로그램', title: '상생협력프로그램 안내', names: ['한국수자원공사'] });
    expect(f.body.split(' ')).toEqual(expect.arrayContaining(['행경비를', '소기업의', 'ㅎㄱㅅㅈㅇㄱㅅ', 'ㅅㅈㅇㄱㅅ']));
    expect(f.body.split(' ')).not.toContain('협력프로그램');
    expect(f.title.split(' ')).toEqual(expect.arrayContaining(['협력프로그램', 'ㅅㅅㅎㄹㅍㄹㄱㄹㅇㄴ']));
    // ㅅㅅㅎㄹㅍㄹㄱㄹ is the start of the whole title's 초성, so it is not stored twice.
    expect(f.title.split(' ')).not.toContain('ㅅㅅㅎㄹㅍㄹㄱㄹ');
    expect(f.body.split(' ')).toContain('경비를');
  });

  it('indexes 초성 of each run, its inner runs of three or more and the whole name', () => {
    expect([...choseongTokens('상생 누리')]).toEqual(['ㅅㅅ', 'ㄴㄹ', 'ㅅㅅㄴㄹ']);
    expect(choseongTokens('한국수자원공사')).toContain('ㅅㅈㅇㄱㅅ');
    expect(choseongTokens('한국수자원공사')).not.toContain('ㄱㅅ');
    expect(choseongOf('두산중공업㈜')).toBe('ㄷㅅㅈㄱㅇ');
    expect(isChoseongWord('ㅅㅅㄴㄹ')).toBe(true);
    expect(isChoseongWord('ㅅㅅ누리')).toBe(false);
  });

  it('splits words the way Pagefind starts them', () => {
    expect(wordStarts('「상생누리」 TEST-BED')).toEqual(['상생누리」', 'test-bed']);
  });
});

describe('particles', () => {
  it.each([
    ['중소기업을', '중소기업'], ['기업이', '기업'], ['포럼에서', '포럼'], ['설비자금으로', '설비자금'], ['협력사와', '협력사'],
    ['기업이라도', '기업'], ['정책메이트는', '정책메이트'], ['교육과', '교육'],
  ])('%s → %s', (word, stem) => expect(stripParticle(word)).toBe(stem));

  it.each(['도로', '사이', '중소기업', '세미나', 'TEST', '평가', '를'])('leaves %s alone (under two syllables would remain, or no particle)', (word) => {
    expect(stripParticle(word)).toBeUndefined();
  });
});

describe('English-mode keys', () => {
  it('reads keys typed with the keyboard in English mode as Hangul', () => {
    expect(qwertyWordToHangul('tkdtodsnfl')).toBe('상생누리');
    expect(qwertyWordToHangul('TKDTODSNFL')).toBe('상생누리');
    expect(qwertyToHangul('rnaotkdekaghl tkdtodsnfl')).toBe('구매상담회 상생누리');
  });

  it('does not turn English words into jamo soup', () => {
    for (const word of ['test', 'smart', 'KOSPO', 'Solution', 'a']) expect(qwertyWordToHangul(word)).toBeUndefined();
    expect(qwertyToHangul('tkdtodsnfl smart')).toBeUndefined();
  });
});

describe('query plan', () => {
  it('normalises spaces, NFC and length', () => {
    expect(normalizeQuery('  상생\u3000  협력 ')).toBe('상생 협력');
    expect(normalizeQuery('\u1109\u1161\u11bc')).toBe('상');
    expect(normalizeQuery('가'.repeat(300))).toHaveLength(100);
  });

  it('plans a stripped variant, an English-mode retry and 초성', () => {
    expect(planQuery('중소기업을 지원')).toEqual({ text: '중소기업을 지원', stripped: '중소기업 지원', keyboard: undefined, choseong: false });
    expect(planQuery('tkdtodsnfl')).toMatchObject({ keyboard: '상생누리', stripped: undefined });
    expect(planQuery('ㅅㅅㄴㄹ').choseong).toBe(true);
    expect(keyboardPlan(planQuery('rnaotkdekaghldp'))).toMatchObject({ text: '구매상담회에', stripped: '구매상담회' });
    expect(matchTerms(planQuery('중소기업을 지원'))).toEqual(['중소기업', '지원']);
  });
});
