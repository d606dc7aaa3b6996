/**
 * The one place Markdown strings from front matter become HTML: program fields such as
 * 지원대상 상세조건, 신청방법 and 기타. (Entry bodies go through Astro's render() and the
 * Markdown processor configured in astro.config.mjs.) Pages never render a Markdown string
 * any other way, so a single hook here (e.g. HTML sanitising) covers all of them.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { needsSanitizing, sanitizeHtml } from './markdown/sanitize.ts';
import { escapeLoneTildes } from './markdown/tildes.ts';

type Renderer = Awaited<ReturnType<typeof createSatteriMarkdownProcessor>>;
let renderer: Promise<Renderer> | undefined;

function processor(): Promise<Renderer> {
  // Same engine Astro uses for .md files (Sätteri), created once per build.
  // Smart punctuation off: documents such as 공공누리 제4유형 press releases are reproduced unaltered.
  renderer ??= createSatteriMarkdownProcessor({ syntaxHighlight: false, smartypants: false });
  return renderer;
}

/** Header cells of a table head name their column for screen readers (`scope="col"`). */
export function scopeTableHeads(html: string): string {
  return html.replace(/<thead\b[^>]*>[\s\S]*?<\/thead>/g, (head) =>
    head.replace(/<th(?![^>]*\bscope=)(\s[^>]*)?>/g, (_m, attrs = '') => `<th scope="col"${attrs}>`),
  );
}

/**
 * Render a Markdown string to HTML. Empty or missing text gives an empty string.
 * @example await renderMarkdown('- **중소기업**만 신청') // '<ul>\n<li><strong>중소기업</strong>만 신청</li>\n</ul>'
 */
export async function renderMarkdown(text: string | undefined): Promise<string> {
  if (!text?.trim()) return '';
  const { code } = await (await processor()).render(escapeLoneTildes(text));
  // Editors' raw HTML passes the site's allow-list (no script, handlers, javascript: URLs):
  // src/lib/markdown/sanitize.ts, owned by the reliability gates — keep this call.
  return scopeTableHeads(needsSanitizing(text) ? sanitizeHtml(code) : code);
}
