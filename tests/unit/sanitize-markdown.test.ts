/**
 * Both ways CMS-written Markdown becomes HTML go through the allow-list: the Astro Markdown
 * processor registered in astro.config.mjs (entry bodies) and renderMarkdown() of
 * src/lib/markdown.ts (Markdown front-matter fields such as 신청방법). Same input, same output.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { sanitizedMarkdown } from '../../src/lib/markdown/sanitize-processor.ts';
import { needsSanitizing } from '../../src/lib/markdown/sanitize.ts';

const processor = sanitizedMarkdown(satteri());
const renderer = await processor.createRenderer({ syntaxHighlight: false } as never);
const body = async (md: string) => (await renderer.render(md)).code;

const HOSTILE = `## 신청방법

<script>alert('body')</script>

<img src="/uploads/poster.png" alt="포스터" onerror="alert(1)">

[링크](javascript:alert(1)) [엔티티 링크](&#106;avascript:alert(1)) [데이터](data:text/html;base64,PHNjcmlwdD4=)

<a href="https://www.winwinnuri.or.kr" onclick="steal()">상생누리</a>

<iframe src="https://evil.example"></iframe>

<form action="https://evil.example"><input name="pw"></form>

<meta http-equiv="refresh" content="0;url=https://evil.example">

<table>
<tr><th scope="col">구분</th><th scope="col">목표</th></tr>
<tr><td rowspan="2">고객만족도</td>

<td>70.3%</td></tr>
<tr><td>76.4%</td></tr>
</table>
`;

const FORBIDDEN = /<script|<iframe|<style|<form|<input(?![^>]*type="checkbox")|<meta|\son[a-z]+=|javascript:|data:text/i;

describe('Markdown bodies (Astro processor) and Markdown fields (renderMarkdown)', () => {
  for (const [name, render] of [['entry body', body], ['front-matter field', renderMarkdown]] as const) {
    it(`${name}: script, handlers, javascript:/data: links, iframe, form and meta are removed`, async () => {
      const html = await render(HOSTILE);
      expect(html).not.toMatch(FORBIDDEN);
      expect(html).toContain('<a>링크</a>');
      expect(html).toContain('<a>엔티티 링크</a>');
      expect(html).toContain('<a href="https://www.winwinnuri.or.kr">상생누리</a>');
      expect(html).toContain('<img src="/uploads/poster.png" alt="포스터" />');
    });

    it(`${name}: a raw HTML table split by a blank line keeps its merged cells`, async () => {
      const html = await render(HOSTILE);
      expect(html).toMatch(/<td rowspan="2">고객만족도<\/td>\s*<td>70\.3%<\/td><\/tr>\s*<tr><td>76\.4%<\/td><\/tr>\s*<\/table>/);
    });

    it(`${name}: ordinary Markdown is untouched (GFM table, list, emphasis, heading id)`, async () => {
      const html = await render('## 지원내용\n\n- **판로** 지원\n\n| 구분 | 금액 |\n|:--|--:|\n| 토론회 | 100만원 |\n');
      expect(html).toContain('<h2 id="지원내용">지원내용</h2>');
      expect(html).toContain('<li><strong>판로</strong> 지원</li>');
      expect(html).toMatch(/<td style="text-align: ?right">100만원<\/td>/);
    });
  }

  it('both paths give the same HTML for the same hostile input (one allow-list)', async () => {
    const a = await body(HOSTILE);
    const b = await renderMarkdown(HOSTILE);
    // renderMarkdown also adds scope="col" to head cells; the hostile input has no <thead>.
    expect(b).toBe(a);
  });

  it('Markdown that skips the HTML pass (no <, &, or script/data scheme) cannot produce anything unsafe', async () => {
    const plain = [
      '## 지원내용\n\n- **판로** 지원 _교육_ ~~취소~~\n\n1. 신청\n2. 선정\n\n> 인용\n\n`코드`\n\n```js\nalert(1)\n```\n',
      '[상생누리](https://www.winwinnuri.or.kr "제목") [상대](/programs/) [앵커](#지원내용) www.example.kr https://x.kr',
      '![포스터](/uploads/poster.png) ![외부](https://x.kr/a.png)\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n- [x] 서류\n\n각주[^1]\n\n[^1]: 설명',
      '[스크립트 아님](java\\script:alert(1)) [상대 경로](javascript%3Aalert(1))',
    ];
    for (const md of plain) {
      expect(needsSanitizing(md), md).toBe(false);
      for (const html of [await body(md), await renderMarkdown(md)]) {
        expect(html, md).not.toMatch(/<script|<iframe|<style(?!=)|\son[a-z]+=|href="\s*(?:javascript|vbscript|data):|src="\s*(?:javascript|data:text)/i);
      }
    }
    for (const md of ['<b>x</b>', '[x](javascript:alert(1))', '[x](&#106;avascript:alert(1))', '![x](data:image/svg+xml;base64,AA)', '<https://x.kr>', '[x](VBScript:msgbox)']) {
      expect(needsSanitizing(md), md).toBe(true);
    }
  });

  it('the wrapped processor is still the Sätteri processor @astrojs/mdx extends', () => {
    expect(processor.name).toBe('satteri');
    expect(typeof processor.createMdxRenderer).toBe('function');
  });
});
