import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { escapeLoneTildes } from '../../src/lib/markdown/tildes.ts';

describe('lone tildes in Korean ranges stay tildes', () => {
  it('escapes single tildes in text', () => {
    expect(escapeLoneTildes('기간 5/30~31, 6/1~2')).toBe('기간 5/30\\~31, 6/1\\~2');
  });

  it('keeps double-tilde strikethrough, code, fences, HTML blocks and escaped tildes', () => {
    expect(escapeLoneTildes('~~취소~~ `a~b` \\~')).toBe('~~취소~~ `a~b` \\~');
    expect(escapeLoneTildes('```\na~b\n```\nc~d')).toBe('```\na~b\n```\nc\\~d');
    expect(escapeLoneTildes('<table><tr><td>1~2</td></tr></table>\n\n3~4')).toBe('<table><tr><td>1~2</td></tr></table>\n\n3\\~4');
    expect(escapeLoneTildes('<a href="/~x">a~b</a>')).toBe('<a href="/~x">a~b</a>');
    expect(escapeLoneTildes('    code~block')).toBe('    code~block');
  });

  it('renders two ranges in one paragraph without striking anything out, and leaves quotes straight', async () => {
    const html = await renderMarkdown('신청기간 2018-05-03~2018-05-13, 지원기간 2018-07-08~2018-07-12 "원문"');
    expect(html).not.toContain('<del>');
    expect(html).toContain('2018-05-03~2018-05-13');
    expect(html).toContain('2018-07-08~2018-07-12');
    expect(html).toContain('"원문"');
  });
});
