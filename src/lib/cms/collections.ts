/**
 * One registry entry (src/schemas/index.ts) → one Decap folder collection:
 * every schema field in order, then the Markdown body under its Korean label.
 */
import type { CollectionDef } from '../../schemas/index.ts';
import { MARKDOWN_HINT } from './body-widget.ts';
import type { DecapCollection } from './decap-types.ts';
import { cmsField, CmsSchemaError, type MarkdownWidget } from './fields.ts';
import { defOf } from './zod-shape.ts';

/**
 * File names of new entries. Titles are Korean and Decap cannot ask for a slug without
 * storing it in the front matter, so a new entry is named after the moment it is first
 * saved (UTC), e.g. `2018-05-10-093015.md`: ASCII, stable, unique per second (Decap adds
 * `-1` on a clash) and it passes SLUG_PATTERN. The page title stays the Korean 제목.
 */
export const SLUG_TEMPLATE = '{{year}}-{{month}}-{{day}}-{{hour}}{{minute}}{{second}}';

/** Date fields editors sort by, newest first (first one found in the schema wins). */
const SORT_DATE_FIELDS = ['registeredAt', 'publishedAt', 'openedAt'];

export interface CollectionOptions {
  /** Folder holding one sub-folder per collection, e.g. `content`. */
  contentDir: string;
  markdownWidget: MarkdownWidget;
}

export function cmsCollection(name: string, def: CollectionDef, options: CollectionOptions): DecapCollection {
  const shapeDef = defOf(def.schema);
  if (shapeDef.type !== 'object' || !shapeDef.shape) throw new CmsSchemaError(name, [], '모음의 스키마는 z.object 여야 합니다');
  const shape = shapeDef.shape;
  if (!(def.titleField in shape)) throw new CmsSchemaError(name, [def.titleField], 'titleField 가 스키마에 없습니다');
  if ('body' in shape) throw new CmsSchemaError(name, ['body'], "'body' 는 본문(Markdown) 이름이라 머리말 항목으로 쓸 수 없습니다");
  const ctx = { collection: name, markdownWidget: options.markdownWidget };
  const fields = Object.entries(shape).map(([key, schema]) => cmsField(key, schema, ctx));
  if (def.bodyLabel) {
    fields.push({
      name: 'body', label: def.bodyLabel, widget: options.markdownWidget, required: false,
      ...(options.markdownWidget === 'text' ? { hint: MARKDOWN_HINT } : {}),
    });
  }
  const dateField = SORT_DATE_FIELDS.find((f) => f in shape);
  return {
    name,
    label: def.label,
    label_singular: def.label,
    folder: `${options.contentDir.replace(/\/+$/, '')}/${name}`,
    create: true,
    extension: 'md',
    format: 'frontmatter',
    slug: SLUG_TEMPLATE,
    identifier_field: def.titleField,
    summary: dateField ? `{{${def.titleField}}} · {{${dateField}}}` : `{{${def.titleField}}}`,
    sortable_fields: dateField ? [{ field: dateField, default_sort: 'desc' }, def.titleField] : [def.titleField],
    fields,
  };
}
