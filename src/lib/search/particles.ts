/**
 * 조사 (particles) that Korean attaches to a noun without a space. A query word
 * ending in one is retried without it, so 중소기업을 finds pages saying 중소기업.
 */
import { syllableCount } from './hangul.ts';

/**
 * Trailing particles, longest first so 에서 wins over 서 and 으로 over 로.
 * Single 나/요/랑 are left out on purpose: too many nouns end in them (세미나, 필요).
 */
export const PARTICLES = [
  '에서부터', '으로부터', '로부터', '에게서', '으로서', '으로써', '이라도', '이라는', '에서는', '에서도',
  '에서', '에게', '한테', '께서', '까지', '부터', '보다', '처럼', '마다', '조차', '이나', '이랑', '하고', '으로', '로서', '로써', '라도', '라는', '에는', '에도', '와의', '과의', '으로는', '로는',
  '을', '를', '이', '가', '은', '는', '의', '에', '로', '와', '과', '도', '만', '께',
].sort((a, b) => b.length - a.length);

/** Syllables that must remain after stripping (한 글자 명사는 조사와 구별할 수 없습니다). */
export const MIN_STEM_SYLLABLES = 2;

/**
 * The word without its trailing particle, or `undefined` when it has none or
 * fewer than two syllables would remain (도로 stays 도로, 기업이 becomes 기업).
 */
export function stripParticle(word: string): string | undefined {
  for (const particle of PARTICLES) {
    if (word.length > particle.length && word.endsWith(particle)) {
      const stem = word.slice(0, -particle.length);
      if (syllableCount(stem) >= MIN_STEM_SYLLABLES && /[\uAC00-\uD7A3]$/.test(stem)) return stem;
      return undefined;
    }
  }
  return undefined;
}
