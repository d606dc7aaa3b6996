import { describe, expect, it } from 'vitest';
import { ALWAYS, codePoints, fontFaceCss, isFontScript, pageFontBytes, pagesFontBytes, planSlices, unicodeRange, visibleCodePoints, visibleText, type FontFile } from '../../src/integrations/fonts-plan.ts';

const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe('visible text of a built page', () => {
  it('keeps text and placeholders, drops scripts, styles and tags, decodes entities', () => {
    const html = '<html><head><style>.가{}</style><script>var x="숨김"</script></head><body><p>상생&amp;누리 &#54620;</p><input placeholder="예: 교육"><template><b>틀</b></template></body></html>';
    const text = visibleText(html);
    expect(text).toContain('상생&누리 한');
    expect(text).toContain('예: 교육');
    expect(text).not.toContain('숨김');
    expect(text).not.toContain('틀');
    expect(text).not.toContain('.가');
  });
  it('collects distinct printable code points, whitespace left to ASCII', () => {
    expect([...codePoints('가 가\n나\t')].sort((a, b) => a - b)).toEqual(cps('가나'));
  });
  it('leaves Han characters to the system font', () => {
    expect(isFontScript('가'.codePointAt(0)!)).toBe(true);
    expect(isFontScript('㈜'.codePointAt(0)!)).toBe(true);
    expect(isFontScript('①'.codePointAt(0)!)).toBe(true);
    expect(isFontScript('漢'.codePointAt(0)!)).toBe(false);
  });
});

describe('slicing by how many pages use a character', () => {
  const pages = [new Set(cps('상생누리 공통 가')), new Set(cps('상생누리 공통 나')), new Set(cps('상생누리 공통 다')), new Set(cps('상생누리 드묾'))];
  const plan = planSlices(pages, cps('스'), { sliceSize: 2, commonShare: 0.5, minFirst: 0 });

  it('puts ASCII and characters of most pages in slice 0', () => {
    for (const cp of [...ALWAYS, ...cps('상생누리공통')]) expect(plan.slices[0]).toContain(cp);
    expect(plan.slices[0]).not.toContain('가'.codePointAt(0));
  });
  it('places every used character in exactly one slice, script strings too', () => {
    const all = plan.slices.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const cp of cps('가나다드묾스')) expect(all).toContain(cp);
    expect(plan.slices.slice(1).every((s) => s.length <= 2)).toBe(true);
  });
});

describe('@font-face output', () => {
  it('writes compact unicode ranges', () => {
    expect(unicodeRange([0x20, 0x21, 0x22, 0xac00, 0xac02])).toBe('U+20-22,U+AC00,U+AC02');
  });
  const files: FontFile[] = [
    { weight: 400, url: '/fonts/a-400-0.woff2', codePoints: [0x41, 0x42], bytes: 1000 },
    { weight: 400, url: '/fonts/a-400-1.woff2', codePoints: [0xac00], bytes: 300 },
    { weight: 700, url: '/fonts/a-700-0.woff2', codePoints: [0x41, 0x42], bytes: 1100 },
  ];
  it('declares swap, ranges and a metric-matched fallback', () => {
    const css = fontFaceCss('Pretendard GOV', files, { ascent: 0.952, descent: 0.241 });
    expect(css).toContain("font-family:'Pretendard GOV';font-style:normal;font-weight:400;font-display:swap;src:url(/fonts/a-400-1.woff2) format('woff2');unicode-range:U+AC00}");
    expect(css).toContain('ascent-override:95.20%;descent-override:24.10%');
  });
  it('counts only the files whose range a page uses', () => {
    expect(pageFontBytes(new Set([0x41]), files)).toBe(2100);
    expect(pageFontBytes(new Set([0x41, 0xac00]), files, [400])).toBe(1300);
    expect(pageFontBytes(new Set([0x3042]), files)).toBe(0);
  });
});

describe('the build\'s cheaper forms give the same answers', () => {
  /** codePoints() as first written: a Set filled character by character, with a regex per character. */
  function slowCodePoints(text: string): Set<number> {
    const set = new Set<number>();
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) && !/\s/.test(ch)) set.add(cp);
    }
    return set;
  }
  const sorted = (cps: Iterable<number>) => [...cps].sort((a, b) => a - b);
  let seed = 7;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const TOKENS = ['<', '>', '<>', '<p>', '</p>', '<script>', '</script>', '<SCRIPT type="x">', '</Script>', '<style>', '</style>', '<template>',
    '</template>', '<!--', '-->', ' alt="', ' value="', ' placeholder="', '"', '&amp;', '&#x41;', '&#65;', '&#xD83D;', '&#xDE00;', '&#1114112;',
    '&nbsp;', '&unknown;', '&', ';', '가', '한', '\ud83d', '\ude00', '😀', '\u3000', '\u00a0', '\u0085', '\t', ' ', 'a', 'Z', '·', '漢'];
  const soup = () => Array.from({ length: 1 + Math.floor(next() * 30) }, () => TOKENS[Math.floor(next() * TOKENS.length)]).join('');

  it('codePoints: surrogates, controls and every kind of whitespace as before', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    expect(sorted(codePoints(all))).toEqual(sorted(slowCodePoints(all)));
    for (let i = 0; i < 2000; i++) {
      const text = soup();
      expect(sorted(codePoints(text)), JSON.stringify(text)).toEqual(sorted(slowCodePoints(text)));
    }
  });

  it('visibleCodePoints(html) is codePoints(visibleText(html))', () => {
    const pages = [
      '<p title="a > b">가 &amp; 나</p><script>const 숨김 = 1</script><!-- 주석 --><input placeholder="검색&hellip;" value="값">',
      '<div <script>x</script> >보임</div>&#xD83D;\ude00 \ud83d&#xDE00; <> a < b',
      '<img alt="그림 &#12354;">&#99999999; &#x110000; &NBSP; &Middot;',
    ];
    for (let i = 0; i < 5000; i++) pages.push(soup());
    for (const html of pages) expect(sorted(visibleCodePoints(html)), JSON.stringify(html)).toEqual(sorted(slowCodePoints(visibleText(html))));
  });

  it('planSlices takes lists of distinct code points as it takes sets; pagesFontBytes is pageFontBytes per page', () => {
    const pages = Array.from({ length: 300 }, () => new Set(visibleCodePoints(soup() + '가나다라마바사'.slice(0, Math.floor(next() * 7)))));
    const extra = [0xd7a3, 0xac00];
    const opts = { sliceSize: 3, minFirst: 2 };
    expect(planSlices(pages.map((p) => [...p]), extra, opts)).toEqual(planSlices(pages, extra, opts));
    const files: FontFile[] = planSlices(pages, extra, opts).slices.flatMap((cps, i) => [400, 700].map((weight) => ({ weight, url: `${weight}-${i}`, codePoints: cps, bytes: 100 * i + weight })));
    expect(pagesFontBytes(pages.map((p) => [...p]), files)).toEqual(pages.map((p) => pageFontBytes(p, files)));
    expect(pagesFontBytes(pages, files, [700])).toEqual(pages.map((p) => pageFontBytes(p, files, [700])));
  });
});
