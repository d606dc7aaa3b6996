/**
 * Shared pieces of the preview templates: React elements without JSX, reading an entry
 * the way Decap hands it over (Immutable maps), and the site's date formatting.
 */
import { createElement, type ReactNode } from 'react';
import { formatDate, formatPeriod } from '../../src/lib/dates.ts';
import { typeLabel } from '../../src/lib/validation/file-type.ts';

export const h = createElement;

/** What Decap passes to a preview template (the parts used here). */
export interface PreviewProps {
  entry: { getIn(path: (string | number)[]): unknown };
  widgetFor(name: string): ReactNode;
  getAsset(path: string): unknown;
  fieldsMetaData?: { getIn(path: string[]): unknown };
}

/** Renders Markdown source as the site would (set by registerPreviews: Decap's Markdown renderer). */
type MarkdownRenderer = (value: string, getAsset: PreviewProps['getAsset']) => ReactNode;
let renderMarkdown: MarkdownRenderer = (value) => h('pre', null, value);

export function setMarkdownRenderer(renderer: MarkdownRenderer): void {
  renderMarkdown = renderer;
}

interface ImmutableLike {
  toJS(): unknown;
}

/** A front-matter value as plain JS (Immutable lists and maps converted). */
export function read<T = unknown>(props: PreviewProps, ...path: string[]): T | undefined {
  const value = props.entry.getIn(['data', ...path]);
  if (value && typeof (value as ImmutableLike).toJS === 'function') return (value as ImmutableLike).toJS() as T;
  return (value ?? undefined) as T | undefined;
}

export function str(props: PreviewProps, ...path: string[]): string {
  const v = read(props, ...path);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/**
 * The Korean name of a referenced entry: the relation widget hands the picked entry's data
 * over as field metadata; before that (an entry opened from disk) the slug is shown.
 */
export function refName(props: PreviewProps, field: string, collection: string, display = 'name'): string {
  const slug = str(props, field);
  if (!slug) return '';
  const name = props.fieldsMetaData?.getIn([field, collection, slug, display]);
  return typeof name === 'string' && name ? name : slug;
}

export function dateText(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

export function periodText(p: { start?: string; end?: string } | undefined): string {
  if (!p?.start || !p?.end) return '';
  return formatPeriod({ start: p.start, end: p.end });
}

/** The site's field list (dl.field-list): label → value rows; empty values show "(입력 전)". */
export function facts(rows: [string, ReactNode][]): ReactNode {
  return h(
    'dl',
    { className: 'field-list', key: rows.map((r) => r[0]).join() },
    rows.map(([label, value]) =>
      h(
        'div',
        { key: label },
        h('dt', null, label),
        h('dd', null, value === '' || value === undefined || value === null ? h('span', { className: 'cms-preview-empty' }, '(입력 전)') : value),
      ),
    ),
  );
}

/** A titled section as the pages have them; left out when it has nothing to show. */
export function section(title: string, content: ReactNode, show = true): ReactNode {
  if (!show) return null;
  return h('section', { className: 'section', key: title }, h('h2', { className: 'section-title' }, title), content);
}

/**
 * A Markdown field (edited as source in a text area, see src/lib/cms/body-widget.ts)
 * rendered to HTML, in the site's prose style.
 */
export function markdown(props: PreviewProps, name: string): ReactNode {
  return h('div', { className: 'prose' }, renderMarkdown(str(props, name), props.getAsset));
}

export interface Attachment {
  file?: string;
  title?: string;
}

export function attachmentList(list: Attachment[] | undefined): ReactNode {
  const items = (list ?? []).filter((a) => a.file || a.title);
  if (items.length === 0) return null;
  return h(
    'ul',
    { className: 'attachments' },
    items.map((a, i) =>
      h(
        'li',
        { key: i },
        h('a', { href: a.file || '#' }, h('span', { className: 'file-title' }, a.title || a.file || '(문서명 없음)'), a.file ? h('span', { className: 'file-meta' }, typeLabel(a.file)) : null),
      ),
    ),
  );
}

/** Whether a Markdown field has text (the widget renders an empty element otherwise). */
export function hasText(props: PreviewProps, name: string): boolean {
  return str(props, name).trim().length > 0;
}

/** The outer frame every preview shares: what this is, then the page head and content. */
export function page(kind: string, title: string, head: ReactNode[], children: ReactNode[]): ReactNode {
  return h(
    'article',
    { className: 'cms-preview', lang: 'ko' },
    h('p', { className: 'cms-preview-kind muted' }, `${kind} 미리보기 · 게시 전에는 사이트에 보이지 않습니다`),
    h('header', { className: 'detail-head' }, h('h1', { className: 'page-title' }, title || '(제목 입력 전)'), ...head),
    ...children,
  );
}
