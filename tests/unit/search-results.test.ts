/** Excerpts, ranking, page classification and HTML preparation (src/lib/search). */
import { describe, expect, it } from 'vitest';
import { buildExcerpt, matchRanges } from '../../src/lib/search/excerpt.ts';
import { orderCandidates, orderWindow, titleMatches } from '../../src/lib/search/ranking.ts';
import { builtPageUrl, classifyPage } from '../../src/lib/search/pages.ts';
import { ignoreBuildTimeStatus, indexedText, injectIntoBody, searchDataMarkup, separateBlocks } from '../../src/lib/search/html.ts';
import { dayNumber, dayToDate } from '../../src/lib/search/meta-keys.ts';

describe('excerpts', () => {
  it('marks a part of a compound and escapes the text', () => {
    expect(buildExcerpt('상생협력프로그램 <안내> & 협력', ['협력']).html).toBe('상생<mark>협력</mark>프로그램 &lt;안내&gt; &amp; <mark>협력</mark>');
  });

  it('marks words whose 초성 hold an 초성 query, case-insensitively Latin words', () => {
    expect(buildExcerpt('한국수자원공사 상생누리 안내', ['ㅅㅅㄴㄹ']).html).toBe('한국수자원공사 <mark>상생누리</mark> 안내');
    expect(matchRanges('Water WEEK water', ['water'])).toEqual([[0, 5], [11, 16]]);
  });

  it('cuts long text around the densest matches with ellipses', () => {
    const text = `${'가나다 '.repeat(100)}경비 지원 경비 정산 ${'라마바 '.repeat(100)}`;
    const { html, marks } = buildExcerpt(text, ['경비'], 60);
    expect(marks).toBe(2);
    expect(html.startsWith('… ')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThan(70);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(buildExcerpt('첫 문장입니다. 둘째 문장.', ['없음']).html).toBe('첫 문장입니다. 둘째 문장.');
  });
});

describe('ranking', () => {
  const c = (id: string, score: number, ended = false, exact = true) => ({ id, score, ended, exact });

  it('halves 종료 programs and pages found only without the particle', () => {
    expect(orderCandidates([c('ended', 1, true), c('open', 0.6), c('stripped', 0.7, false, false)]).map((x) => x.id)).toEqual(['open', 'stripped', 'ended']);
  });

  it('puts title matches first, then open before 종료, in a loaded window', () => {
    const list = [
      { ...c('body', 9), title: '기타 안내' },
      { ...c('ended-title', 5, true), title: '2017년 물주간' },
      { ...c('open-title', 1), title: '2018년 물주간' },
    ];
    expect(orderWindow(list, ['물주간']).map((x) => x.id)).toEqual(['open-title', 'ended-title', 'body']);
  });

  it('matches titles by substring, case and 초성', () => {
    expect(titleMatches('2018 현대오토에버 Solution Day', ['solution', '오토'])).toBe(true);
    expect(titleMatches('한국수자원공사', ['ㅅㅈㅇ'])).toBe(true);
    expect(titleMatches('한국수자원공사', ['수자원', '경비'])).toBe(false);
    expect(titleMatches('제목', [])).toBe(false);
  });
});

describe('which pages are indexed', () => {
  const has = (collection: string, slug: string) => !(collection === 'forums' && slug === 'notices') && slug !== 'page';
  it.each([
    ['programs/2018-x/index.html', 'entry:programs'],
    ['forums/notices/2004-05-policy-mate/index.html', 'entry:announcements'],
    ['forums/icms/index.html', 'entry:forums'],
    ['forums/notices/index.html', 'skip'],
    ['programs/page/2/index.html', 'skip'],
    ['programs/index.html', 'skip'],
    ['stats/evaluation/index.html', 'skip'],
    ['admin/index.html', 'skip'],
    ['search/index.html', 'skip'],
    ['404.html', 'skip'],
    ['index.html', 'skip'],
    ['accessibility/index.html', 'standalone'],
  ])('%s → %s', (path, kind) => {
    const k = classifyPage(path, has);
    expect(k.kind === 'entry' ? `entry:${k.collection}` : k.kind).toBe(kind);
  });

  it.each([
    ['accessibility/index.html', '/accessibility/'],
    ['guides/supplier/index.html', '/guides/supplier/'],
    ['guides\\supplier\\index.html', '/guides/supplier/'],
    ['index.html', '/'],
    ['about.html', '/about.html'],
  ])('gives %s the URL Pagefind gives it (%s)', (path, url) => expect(builtPageUrl(path)).toBe(url));
});

describe('preparing HTML for the indexer', () => {
  const page = '<html><body><header>메뉴</header><main id="m" data-pagefind-body><h1>제목</h1><dl><dt>주관기관</dt><dd>한국<b>수자원</b>공사</dd></dl><p><span>공고</span><a href="#">캘린더</a></p><span class="program-status" data-program-status><span>모집중</span><span>D-3</span></span><aside data-pagefind-ignore><p>관련</p></aside><script>var x="<p>"</script></main></body></html>';

  it('separates adjacent elements, not markup inside a word', () => {
    expect(indexedText(page)).toBe('제목 주관기관 한국수자원공사 공고 캘린더 모집중 D-3');
    expect(separateBlocks('<dt>가</dt><dd>나</dd>')).toBe(' <dt> 가 </dt>  <dd> 나 </dd> ');
  });

  it('keeps the build-time 진행단계 badge out of the index', () => {
    expect(indexedText(ignoreBuildTimeStatus(page))).toBe('제목 주관기관 한국수자원공사 공고 캘린더');
    expect(ignoreBuildTimeStatus('<span data-program-status data-pagefind-ignore>')).toBe('<span data-program-status data-pagefind-ignore>');
  });

  it('writes filters and meta as attributes (any value is safe) right inside the body', () => {
    const markup = searchDataMarkup({ filters: { 기업: ['A, "B" & C'] }, meta: { kb: '협력 <x>', empty: '' } });
    expect(markup).toBe('<span data-pagefind-filter="기업[data-v]" data-v="A, &quot;B&quot; &amp; C"></span><span data-pagefind-meta="kb[data-v]" data-v="협력 &lt;x&gt;"></span>');
    expect(injectIntoBody(page, '<i></i>')).toContain('<main id="m" data-pagefind-body><i></i><h1>');
    expect(() => injectIntoBody('<main></main>', '')).toThrow('data-pagefind-body');
  });

  it('stores dates as day numbers no date query can match', () => {
    expect(dayNumber('2018-05-10')).toBe(17661);
    expect(dayToDate(17661)).toBe('2018-05-10');
  });
});

describe('the SEARCH_KOREAN flag', () => {
  it('turns the Korean layer off only for SEARCH_KOREAN=0', async () => {
    const { koreanLayerEnabled } = await import('../../src/integrations/pagefind.ts');
    expect(koreanLayerEnabled({})).toBe(true);
    expect(koreanLayerEnabled({ SEARCH_KOREAN: '1' })).toBe(true);
    expect(koreanLayerEnabled({ SEARCH_KOREAN: '0' })).toBe(false);
  });
});
