/** sitemap.xml writer and the notice excerpt: small pure helpers of the feeds. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { markdownExcerpt } from '../../src/lib/feeds/excerpt.ts';
import { isListable, renderSitemap } from '../../src/lib/feeds/sitemap.ts';

describe('renderSitemap', () => {
  it('lists absolute, sorted, unique URLs and leaves out /admin/ and 404', () => {
    const xml = renderSitemap('https://feeds.example.kr', ['/programs/', '/', '/admin/', '/404/', '/programs/', '/uploads/공고 1/']);
    const urls = new XMLParser({ isArray: (n) => n === 'url' }).parse(xml).urlset.url.map((u: { loc: string }) => u.loc);
    expect(urls).toEqual([
      'https://feeds.example.kr/',
      'https://feeds.example.kr/programs/',
      'https://feeds.example.kr/uploads/%EA%B3%B5%EA%B3%A0%201/',
    ]);
    expect(isListable('/admin/config/')).toBe(false);
  });
});

describe('markdownExcerpt', () => {
  it('keeps the words, drops the markup, and cuts at the limit with an ellipsis', () => {
    expect(markdownExcerpt('## 제목\n\n**굵게** [링크](https://x.kr) <script>alert(1)</script> 끝')).toBe('제목 굵게 링크 alert(1) 끝');
    expect(markdownExcerpt('가'.repeat(10), 5)).toBe('가가가가…');
    expect(markdownExcerpt(undefined)).toBe('');
  });
});
