/** Register the preview templates and the styles of their frame. */
import { createElement, type ComponentType } from 'react';
import DecapCmsWidgetMarkdown from 'decap-cms-widget-markdown';
import type { SiteStyle } from '../../src/lib/cms/site-styles.ts';
import { AnnouncementPreview } from './announcement.ts';
import { setMarkdownRenderer } from './common.ts';
import { CompanyPreview } from './company.ts';
import { PlanPreview } from './plan.ts';
import { ProgramPreview } from './program.ts';

export const PREVIEWS: Record<string, ComponentType<never>> = {
  programs: ProgramPreview as ComponentType<never>,
  companies: CompanyPreview as ComponentType<never>,
  announcements: AnnouncementPreview as ComponentType<never>,
  plans: PlanPreview as ComponentType<never>,
};

interface PreviewRegistry {
  registerPreviewTemplate(name: string, component: ComponentType<never>): void;
  registerPreviewStyle(style: string, opts?: { raw: boolean }): void;
  resolveWidget(name: string): unknown;
}

/**
 * @param siteStyles the site's own stylesheets (the built /_astro/*.css and inlined styles, or the dev server's).
 * @param previewCss the preview frame's layout, written against the site's CSS variables.
 */
export function registerPreviews(cms: PreviewRegistry, siteStyles: SiteStyle[], previewCss: string): void {
  for (const style of siteStyles) {
    if ('href' in style) cms.registerPreviewStyle(style.href);
    else cms.registerPreviewStyle(style.raw, { raw: true });
  }
  cms.registerPreviewStyle(previewCss, { raw: true });
  // Decap's own Markdown renderer (sanitised with DOMPurify), fed the source from the text area.
  const MarkdownPreview = DecapCmsWidgetMarkdown.previewComponent as ComponentType<never>;
  setMarkdownRenderer((value, getAsset) => createElement(MarkdownPreview, { value, getAsset, resolveWidget: cms.resolveWidget } as never));
  for (const [name, component] of Object.entries(PREVIEWS)) cms.registerPreviewTemplate(name, component);
}
