/** The RSS writer and the program / notice feeds, read back with fast-xml-parser. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { filterLabel, programMatches } from '../../src/lib/feeds/filters.ts';
import { noticesRss } from '../../src/lib/feeds/notice-feed.ts';
import { programsRss, RSS_LIMIT } from '../../src/lib/feeds/program-feeds.ts';
import { renderRss, rfc822, rfc822Day } from '../../src/lib/feeds/rss.ts';
import { loadFixture, TRICKY } from './feeds-fixture.ts';

const site = loadFixture();
const meta = { title: '새 프로그램', description: '설명', page: '/programs/', self: '/rss/programs.xml' };

interface Item { title: string; link: string; guid: string; pubDate: string; description: string; category: string[] }

function parseRss(xml: string): { channel: Record<string, unknown>; items: Item[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category', parseTagValue: false }).parse(xml);
  return { channel: doc.rss.channel, items: doc.rss.channel.item ?? [] };
}

/** An item description is HTML; read its text the way a browser would. */
function htmlText(html: string): string {
  const parsed = new XMLParser({ preserveOrder: true, htmlEntities: true, parseTagValue: false, trimValues: false })
    .parse(`<div>${html.replaceAll('<br />', '\n')}</div>`);
  const texts: string[] = [];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '#text') texts.push(String(value));
        else if (Array.isArray(value)) walk(value);
      }
    }
  };
  walk(parsed);
  return texts.join('');
}

describe('rfc822', () => {
  it('prints Korea Standard Time', () => {
    expect(rfc822(new Date('2018-05-09T15:30:00Z'))).toBe('Thu, 10 May 2018 00:30:00 +0900');
    expect(rfc822Day('2018-05-13')).toBe('Sun, 13 May 2018 00:00:00 +0900');
  });
});

describe('renderRss', () => {
  it('drops characters XML cannot hold instead of writing a broken document', () => {
    const xml = renderRss({
      title: 'a\u0001b', link: 'https://x.kr/', description: 'd', self: 'https://x.kr/rss.xml', builtAt: new Date(0),
      items: [{ title: 't\u000b', link: 'https://x.kr/1/', paragraphs: ['p'], date: '2018-01-01' }],
    });
    expect(parseRss(xml).channel.title).toBe('ab');
  });
});

describe('programs feed (fixture)', () => {
  const { channel, items } = parseRss(programsRss(site.programs, site.ctx, meta));

  it('has every program, newest registration first, with absolute links as guids', () => {
    expect(items.map((i) => i.link)).toEqual([
      'https://feeds.example.kr/programs/2018-daehan-academy-spring/',
      'https://feeds.example.kr/programs/2018-long-title-tech/',
      'https://feeds.example.kr/programs/2018-tricky-fund/',
      'https://feeds.example.kr/programs/2016-daehan-archive/',
    ]);
    for (const item of items) expect(item.guid).toEqual(expect.objectContaining({ '#text': item.link, '@_isPermaLink': 'true' }));
    expect(channel.link).toBe('https://feeds.example.kr/programs/');
    expect(channel['atom:link']).toEqual(expect.objectContaining({ '@_href': 'https://feeds.example.kr/rss/programs.xml', '@_rel': 'self' }));
    expect(channel.language).toBe('ko');
  });

  it('carries quotes, commas, newlines and <script> as text that a reader shows but never runs', () => {
    const p = site.programs.find((x) => x.id === TRICKY)!;
    const item = items.find((i) => i.link.endsWith(`/${TRICKY}/`))!;
    expect(item.title).toBe(p.data.title);
    // The description is HTML in which the editor's <script> is escaped text, not an element.
    expect(item.description).not.toMatch(/<script/i);
    expect(item.description).toContain('&lt;script&gt;');
    expect(htmlText(item.description)).toContain(p.data.summary);
    expect(item.pubDate).toBe('Fri, 20 Apr 2018 00:00:00 +0900');
    expect(item.category).toEqual(['금융지원', '전체 오픈']);
  });

  it('a company feed holds exactly that company’s programs', () => {
    const filter = { company: 'daehan-motors' };
    const feed = parseRss(programsRss(site.programs.filter((p) => programMatches(filter, p)), site.ctx, { ...meta, title: filterLabel(filter) }));
    expect(feed.items.map((i) => i.link.split('/').at(-2)).sort()).toEqual(['2016-daehan-archive', '2018-daehan-academy-spring']);
  });

  it(`stops at ${RSS_LIMIT} items`, () => {
    const many = Array.from({ length: RSS_LIMIT + 5 }, (_, n) => ({ ...site.programs[0], id: `p-${n}` }));
    expect(parseRss(programsRss(many, site.ctx, meta)).items).toHaveLength(RSS_LIMIT);
  });
});

describe('notices feed (fixture)', () => {
  it('lists notices with their forum and category, markup in titles and bodies kept as text', () => {
    const { items } = parseRss(noticesRss(site.announcements, site.forums, site.ctx, '상생누리'));
    expect(items).toHaveLength(1);
    expect(items[0].title).toBe('제3차 정책토론회 개최 안내 <b>굵게</b> & "공지"');
    expect(items[0].link).toBe('https://feeds.example.kr/forums/notices/2018-forum-debate/');
    expect(items[0].category).toEqual(['토론회·워크샵', '중소기업 정책포럼']);
    expect(items[0].description).not.toMatch(/<script/i);
    expect(htmlText(items[0].description)).toContain('행사 2018.05.20 · 서울 중소기업회관, 3층');
  });
});
