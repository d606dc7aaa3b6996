/**
 * Wrap Astro's Markdown processor (Sätteri in Astro 7, whose plugins are hast visitors, not
 * rehype plugins) so every `.md` document Astro renders leaves it through the allow-list of
 * sanitize.ts. Sanitising the finished HTML of the whole document, rather than the `raw` HTML
 * nodes one by one, matters: Markdown splits an HTML table written across blank lines into
 * several raw fragments, and each fragment alone is not well-formed.
 *
 * MDX (developer-written guides only; the content validator refuses .mdx in CMS collections)
 * keeps the processor's own MDX renderer untouched.
 *
 * Registered in astro.config.mjs: `markdown: { processor: sanitizedMarkdown(satteri()) }`.
 */
import { needsSanitizing, sanitizeHtml } from './sanitize.ts';
import { escapeLoneTildes } from './tildes.ts';

interface RenderResult {
  code: string;
  metadata: object;
}
interface Renderer {
  render(content: string, opts?: object): Promise<RenderResult>;
}
/** The shape Astro expects on `markdown.processor` (see @astrojs/internal-helpers/markdown). */
export interface MarkdownProcessorLike<TOptions = unknown> {
  name: string;
  options: TOptions;
  createRenderer(shared: never): Promise<Renderer>;
  createMdxRenderer?: (...args: never[]) => unknown;
}

/** The same processor, with its `.md` output passed through the site's HTML allow-list. */
export function sanitizedMarkdown<P extends MarkdownProcessorLike>(processor: P): P {
  return {
    ...processor,
    // Same name and the same options object: integrations (e.g. @astrojs/mdx) recognise and extend it.
    name: processor.name,
    options: processor.options,
    async createRenderer(shared: never): Promise<Renderer> {
      const inner = await processor.createRenderer(shared);
      return {
        async render(content, opts) {
          // Lone tildes are Korean ranges (2018-05-03~05-13), not strikethrough: tildes.ts.
          const result = await inner.render(escapeLoneTildes(content), opts);
          return needsSanitizing(content) ? { ...result, code: sanitizeHtml(result.code) } : result;
        },
      };
    },
    createMdxRenderer: processor.createMdxRenderer?.bind(processor),
  };
}
