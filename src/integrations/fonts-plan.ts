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

const SCRIPT_STYLE_TEMPLATE = /<(script|style|template)\b[\s\S]*?<\/\1>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;
const ATTR_VALUE = /\s(?:placeholder|alt|value)="([^"]*)"/g;
const TAG = /<[^>]+>/g;

/** The text an entity stands for (`m` the whole `&…;`, `e` what is between). */
function decodeEntity(m: string, e: string): string {
  if (e[0] === '#') {
    const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
  }
  return ENTITIES[e.toLowerCase()] ?? m;
}

/** Visible text of an HTML page: text nodes plus placeholder/alt/value attributes; scripts, styles and templates dropped. */
export function visibleText(html: string): string {
  const attrs: string[] = [];
  html.replace(ATTR_VALUE, (_m, v: string) => {
    attrs.push(v);
    return '';
  });
  const text = html
    .replace(SCRIPT_STYLE_TEMPLATE, ' ')
    .replace(COMMENT, ' ')
    .replace(TAG, ' ');
  return `${text} ${attrs.join(' ')}`.replace(ENTITY, decodeEntity);
}

/** JavaScript's `\s`, per code unit (a regex test per character costs more than the rest of the loop). */
const IS_SPACE = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();
/** Code units that are never a printable character on their own: controls and whitespace. */
const NOT_PRINTABLE: Uint8Array = IS_SPACE.map((space, c) => (space || c < 0x20 || (c >= 0x7f && c < 0xa0) ? 1 : 0));

/**
 * Collects distinct printable code points from a stream of UTF-16 code units, pairing
 * surrogates as `for (const ch of text)` does (a lone surrogate counts as itself).
 * One instance is reused page after page: a generation stamp per code point instead of a Set.
 */
class DistinctCodePoints {
  private readonly seen = new Uint32Array(0x110000);
  private generation = 0;
  private high = -1;
  list: number[] = [];

  start(): void {
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    this.high = -1;
    this.list = [];
  }

  private add(cp: number): void {
    if (this.seen[cp] !== this.generation) {
      this.seen[cp] = this.generation;
      this.list.push(cp);
    }
  }

  unit(u: number): void {
    if (this.high >= 0) {
      if (u >= 0xdc00 && u <= 0xdfff) {
        this.add(((this.high - 0xd800) << 10) + (u - 0xdc00) + 0x10000);
        this.high = -1;
        return;
      }
      this.add(this.high);
      this.high = -1;
    }
    if (u >= 0xd800 && u <= 0xdbff) this.high = u;
    else if (NOT_PRINTABLE[u] === 0) this.add(u);
  }

  /** Code units of `text[from..to)`, entities decoded when `entities` (as visibleText() decodes them). */
  text(text: string, from: number, to: number, entities: boolean): void {
    for (let i = from; i < to; i++) {
      const u = text.charCodeAt(i);
      if (u === 0x26 && entities) {
        ENTITY_AT.lastIndex = i;
        const m = ENTITY_AT.exec(text);
        if (m) {
          const decoded = decodeEntity(m[0], m[1]);
          for (let k = 0; k < decoded.length; k++) this.unit(decoded.charCodeAt(k));
          i += m[0].length - 1;
          continue;
        }
      }
      this.unit(u);
    }
  }

  end(): number[] {
    if (this.high >= 0) this.add(this.high);
    this.high = -1;
    return this.list;
  }
}

const ENTITY_AT = new RegExp(ENTITY.source, 'iy');
const collector = new DistinctCodePoints();

/** The distinct printable code points of a text (controls and whitespace dropped; ASCII is always in slice 0). */
export function codePoints(text: string): Set<number> {
  collector.start();
  collector.text(text, 0, text.length, false);
  return new Set(collector.end());
}

/**
 * The distinct code points of `codePoints(visibleText(html))`, cheaper for the build: the same
 * removals, then the text and the attribute values are read character by character, entities
 * decoded on the way (no second text with them replaced), into one reused table of seen code
 * points instead of a Set per page.
 */
export function visibleCodePoints(html: string): number[] {
  let rest = html.replace(SCRIPT_STYLE_TEMPLATE, ' ');
  if (rest.includes('<!--')) rest = rest.replace(COMMENT, ' ');
  const text = rest.replace(TAG, ' ');
  collector.start();
  collector.text(text, 0, text.length, true);
  collector.unit(0x20);
  let first = true;
  for (const m of html.matchAll(ATTR_VALUE)) {
    if (!first) collector.unit(0x20);
    first = false;
    collector.text(m[1], 0, m[1].length, true);
  }
  return collector.end();
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
 * Cut the characters of `pages` (the distinct code points of each page: a set, or a list without repeats) plus `extra` (e.g. strings in scripts)
 * into slices: slice 0 = ASCII + characters on at least `commonShare` of the pages
 * (at least `minFirst` of the most frequent ones), then slices of `sliceSize` by frequency.
 */
export function planSlices(pages: readonly Iterable<number>[], extra: Iterable<number> = [], opts: { sliceSize?: number; commonShare?: number; minFirst?: number } = {}): SlicePlan {
  const { sliceSize = 150, commonShare = 0.3, minFirst = 250 } = opts;
  // Document frequency per code point, in a typed array (millions of page × character pairs at 10,000 pages).
  const counts = new Uint32Array(0x110000);
  const known = new Uint8Array(0x110000);
  const odd = new Map<number, number>(); // anything that is no code point, should a caller pass one
  const used: number[] = [];
  const count = (cp: number, by: number) => {
    if (Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff) {
      if (!known[cp]) {
        known[cp] = 1;
        used.push(cp);
      }
      counts[cp] += by;
    } else {
      if (!odd.has(cp)) used.push(cp);
      odd.set(cp, (odd.get(cp) ?? 0) + by);
    }
  };
  const df = (cp: number) => (odd.has(cp) ? odd.get(cp)! : counts[cp]);
  for (const page of pages) for (const cp of page) if (isFontScript(cp)) count(cp, 1);
  for (const cp of extra) if (isFontScript(cp)) count(cp, 0);
  const first = new Set(ALWAYS);
  const ranked = used.filter((cp) => !first.has(cp)).map((cp): [number, number] => [cp, df(cp)]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
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

/**
 * pageFontBytes() of many pages at once: each code point is looked up once in a
 * code point → files index instead of every file's list being searched per page.
 */
export function pagesFontBytes(pages: Iterable<Iterable<number>>, files: readonly FontFile[], weights: readonly number[] = [400, 700]): number[] {
  const filesOf = new Map<number, number[]>();
  files.forEach((f, i) => {
    if (!weights.includes(f.weight)) return;
    for (const cp of f.codePoints) {
      const list = filesOf.get(cp);
      if (list) list.push(i);
      else filesOf.set(cp, [i]);
    }
  });
  const touched = new Int32Array(files.length).fill(-1);
  const out: number[] = [];
  let n = 0;
  for (const page of pages) {
    let total = 0;
    for (const cp of page) {
      const list = filesOf.get(cp);
      if (!list) continue;
      for (const i of list) {
        if (touched[i] !== n) {
          touched[i] = n;
          total += files[i].bytes;
        }
      }
    }
    out.push(total);
    n++;
  }
  return out;
}
