/**
 * The HTML allow-list of CMS-written content (src/lib/markdown/sanitize.ts): what editors
 * need survives, anything that can run script or impersonate the page is removed.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/lib/markdown/sanitize.ts';

describe('kept: the structure editors need', () => {
  it('tables with merged cells, caption, header scope and GFM alignment', () => {
    const html = '<table><caption>표1</caption><thead><tr><th scope="col" colspan="2" style="text-align: center">구분</th></tr></thead>'
      + '<tbody><tr><td rowspan="2">혁신</td><td style="text-align: right">70.3</td></tr><tr><td>76.4</td></tr></tbody></table>';
    // Kept as written, except that the one allowed style is re-serialised without spaces.
    expect(sanitizeHtml(html)).toBe(html.replaceAll('text-align: ', 'text-align:'));
  });

  it('lists, headings with ids, emphasis, code, links and images', () => {
    const html = '<h2 id="개요">개요</h2><ol start="3"><li><strong>중소기업</strong>만 <em>신청</em></li></ol><ul><li><code>HWP</code></li></ul>'
      + '<p><a href="https://www.winwinnuri.or.kr/apply" title="신청">신청</a> <a href="mailto:winwin@example.kr">메일</a> '
      + '<a href="tel:02-368-8487">전화</a> <a href="/programs/">목록</a> <a href="#개요">위로</a></p>'
      + '<p><img src="/uploads/poster.png" alt="포스터" width="300" height="200" /></p><blockquote><p>인용</p></blockquote>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('data: URLs of raster images are kept', () => {
    const img = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="점" />';
    expect(sanitizeHtml(img)).toBe(img);
  });

  it('a Markdown h1 becomes h2 (the page owns its single h1)', () => {
    expect(sanitizeHtml('<h1 id="x">제목</h1>')).toBe('<h2 id="x">제목</h2>');
  });

  it('a GFM task list keeps its checkbox, always disabled', () => {
    expect(sanitizeHtml('<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked /> 서류</li></ul>'))
      .toBe('<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled /> 서류</li></ul>');
  });
});

describe('removed: anything that runs script or impersonates the page', () => {
  const cases: [string, string, string][] = [
    ['<script>', '<p>안내<script>alert(1)</script></p>', '<p>안내</p>'],
    ['<SCRIPT> in capitals with src', '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>본문', '본문'],
    ['split script tags', '<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
    ['<iframe> and its content', '<iframe src="https://evil.example">대체</iframe>남김', '남김'],
    ['<style>', '<style>body{display:none}</style>본문', '본문'],
    ['style attribute other than text-align', '<p style="position:fixed;top:0">가짜 공지</p>', '<p>가짜 공지</p>'],
    ['position hidden in a table cell style', '<table><tr><td style="text-align: left; position: fixed">x</td></tr></table>', '<table><tr><td style="text-align:left">x</td></tr></table>'],
    ['on* handlers', '<p onclick="alert(1)" onmouseover="x()">본문</p><img src="/uploads/a.png" alt="" onerror="alert(1)" />', '<p>본문</p><img src="/uploads/a.png" alt="" />'],
    ['javascript: href', '<a href="javascript:alert(1)">클릭</a>', '<a>클릭</a>'],
    ['javascript: with mixed case and entities', '<a href="JaVa&#x09;ScRiPt&colon;alert(1)">클릭</a>', '<a>클릭</a>'],
    ['vbscript: href', '<a href="vbscript:msgbox(1)">클릭</a>', '<a>클릭</a>'],
    ['data: href', '<a href="data:text/html;base64,PHNjcmlwdD4=">열기</a>', '<a>열기</a>'],
    ['data: SVG image', '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x" />', ''],
    ['data: HTML in an image', '<img src="data:text/html,<script>alert(1)</script>" alt="x" />', ''],
    ['javascript: image', '<img src="javascript:alert(1)" alt="x" />', ''],
    ['protocol-relative image', '<img src="//evil.example/x.png" alt="x" />', ''],
    ['<form> and its controls', '<form action="https://evil.example"><input type="password" name="pw" /><button>로그인</button></form>', '로그인'],
    ['<meta> refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example" />본문', '본문'],
    ['<base>, <link>', '<base href="https://evil.example/" /><link rel="stylesheet" href="https://evil.example/x.css" />본문', '본문'],
    ['<object>, <embed>', '<object data="x.swf"><embed src="x.swf" /></object>본문', '본문'],
    ['inline <svg> with script', '<svg onload="alert(1)"><script>alert(1)</script></svg>본문', '본문'],
    ['<math> with href', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>본문', '본문'],
    ['target and rel on links', '<a href="https://example.kr" target="_blank" rel="opener">링크</a>', '<a href="https://example.kr">링크</a>'],
    ['classes outside the list', '<p class="skip-link sr-only">x</p><h2 class="sr-only">y</h2>', '<p>x</p><h2 class="sr-only">y</h2>'],
    ['HTML comments (conditional comments)', '<!--[if IE]><script>alert(1)</script><![endif]-->본문', '본문'],
    ['template', '<template><img src="x" onerror="alert(1)" /></template>본문', '본문'],
  ];
  for (const [what, input, output] of cases) {
    it(what, () => {
      const clean = sanitizeHtml(input);
      expect(clean).toBe(output);
      expect(clean).not.toMatch(/<script|<iframe|<style|<form|<meta|<object|<embed|<svg|\son[a-z]+=|javascript:|vbscript:/i);
    });
  }
});
