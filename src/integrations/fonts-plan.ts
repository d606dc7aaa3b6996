/**
 * Pure planning for the self-hosted font (no I/O): which characters the built site shows,
 * how they are cut into unicode-range slices so a page downloads only the slices it uses,
 * the @font-face CSS, and how many font bytes a page costs on a first visit.
 *
 * Slices follow document frequency: slice 0 holds ASCII and every character used on many
 * pages (the header, footer and common words), later slices hold rarer characters in
 * frequency order, so most pages need slice 0 plus a few small ones.
 */

/** Characters every page may need whatever the content: printable ASCII. */
export const ALWAYS = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);

export interface SlicePlan {
  /** Code points of each slice, slice 0 first. */
  slices: number[][];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', middot: '·', hellip: '…', rsaquo: '›', lsaquo: '‹', laquo: '«', raquo: '»' };

/** Visible text of an HTML page: text nodes plus placeholder/alt/value attributes; scripts, styles and templates dropped. */
export function visibleText(html: string): string {
  const attrs: string[] = [];
  html.replace(/\s(?:placeholder|alt|value)="([^"]*)"/g, (_m, v: string) => {
    attrs.push(v);
    return '';
  });
  const text = html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return `${text} ${attrs.join(' ')}`.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The distinct printable code points of a text (controls and whitespace dropped; ASCII is always in slice 0). */
export function codePoints(text: string): Set<number> {
  const set = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) && !/\s/.test(ch)) set.add(cp);
  }
  return set;
}

/** True for characters the Korean UI font should carry (Hangul, Latin, punctuation, symbols; not Han or kana). */
export function isFontScript(cp: number): boolean {
  if (cp < 0x2e80) return true; // Latin, punctuation, arrows, symbols, enclosed (①)
  if (cp >= 0x3000 && cp <= 0x303f) return true; // CJK punctuation 「」
  if (cp >= 0x3130 && cp <= 0x318f) return true; // compatibility jamo
  if (cp >= 0x3200 && cp <= 0x32ff) return true; // enclosed CJK (㈜)
  if (cp >= 0xac00 && cp <= 0xd7a3) return true; // Hangul syllables
  if (cp >= 0xff00 && cp <= 0xffef) return true; // full-width forms
  return false;
}

/**
 * Cut the characters of `pages` (one set per page) plus `extra` (e.g. strings in scripts)
 * into slices: slice 0 = ASCII + characters on at least `commonShare` of the pages
 * (at least `minFirst` of the most frequent ones), then slices of `sliceSize` by frequency.
 */
export function planSlices(pages: Set<number>[], extra: Iterable<number> = [], opts: { sliceSize?: number; commonShare?: number; minFirst?: number } = {}): SlicePlan {
  const { sliceSize = 150, commonShare = 0.3, minFirst = 250 } = opts;
  const df = new Map<number, number>();
  for (const page of pages) for (const cp of page) if (isFontScript(cp)) df.set(cp, (df.get(cp) ?? 0) + 1);
  for (const cp of extra) if (isFontScript(cp) && !df.has(cp)) df.set(cp, 0);
  const first = new Set(ALWAYS);
  const ranked = [...df.entries()].filter(([cp]) => !first.has(cp)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const threshold = Math.max(1, Math.ceil(pages.length * commonShare));
  let i = 0;
  while (i < ranked.length && (ranked[i][1] >= threshold || i < minFirst)) first.add(ranked[i++][0]);
  const slices = [[...first].sort((a, b) => a - b)];
  for (; i < ranked.length; i += sliceSize) slices.push(ranked.slice(i, i + sliceSize).map(([cp]) => cp).sort((a, b) => a - b));
  return { slices };
}

/** `U+20-7E,U+AC00` for a sorted list of code points. */
export function unicodeRange(cps: readonly number[]): string {
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < cps.length; i++) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    parts.push(j > i ? `U+${hex(cps[i])}-${hex(cps[j])}` : `U+${hex(cps[i])}`);
    i = j;
  }
  return parts.join(',');
}

export interface FontFile {
  weight: number;
  url: string;
  codePoints: number[];
  bytes: number;
}

/** The @font-face rules of every file, plus the metric-matched fallback face (no layout shift on swap). */
export function fontFaceCss(family: string, files: FontFile[], metrics: { ascent: number; descent: number }): string {
  const pct = (n: number) => `${(n * 100).toFixed(2)}%`;
  const faces = files.map(
    (f) => `@font-face{font-family:'${family}';font-style:normal;font-weight:${f.weight};font-display:swap;src:url(${f.url}) format('woff2');unicode-range:${unicodeRange(f.codePoints)}}`,
  );
  // The system Korean font stands in while the web font loads, with Pretendard's vertical metrics.
  faces.push(
    `@font-face{font-family:'Pretendard Fallback';src:local('Apple SD Gothic Neo'),local('AppleSDGothicNeo-Regular'),local('Malgun Gothic'),local('Noto Sans KR'),local('Noto Sans CJK KR'),local('NanumGothic');ascent-override:${pct(metrics.ascent)};descent-override:${pct(metrics.descent)};line-gap-override:0%}`,
  );
  return `${faces.join('\n')}\n`;
}

/**
 * Bytes of font a first visit to a page downloads: every file (of the given weights) whose
 * range covers a character of the page. Browsers fetch a face only when its range is used.
 */
export function pageFontBytes(page: Set<number>, files: readonly FontFile[], weights: readonly number[] = [400, 700]): number {
  let total = 0;
  for (const f of files) {
    if (!weights.includes(f.weight)) continue;
    if (f.codePoints.some((cp) => page.has(cp))) total += f.bytes;
  }
  return total;
}
