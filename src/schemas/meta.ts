/**
 * Field metadata carried by every schema field (zod 4 `.meta()`), so that pages,
 * the CMS configuration, search facets and exports read one definition.
 */
import type { z } from 'zod';

/** How a reference field points at another collection. */
export interface RefMeta {
  /** Target collection name, e.g. `businesses`. */
  collection: string;
  /** Field of the target shown to editors and searched by the CMS, e.g. `name`. */
  display: string;
}

/** Metadata attached to one schema field. */
export interface FieldMeta {
  /** Korean label shown to editors and visitors, e.g. `프로그램명`. */
  label: string;
  /** Help text shown under the CMS field. */
  hint?: string;
  /**
   * Editing widget when the zod type alone does not decide it:
   * `markdown` for Markdown text, `text` for multi-line plain text,
   * `file` / `image` for uploads under `public/uploads/`.
   */
  widget?: 'markdown' | 'text' | 'file' | 'image';
  /** Reference to an entry of another collection (the value is its slug). */
  ref?: RefMeta;
  /** Korean description of a pattern rule, used in error messages and CMS hints. */
  patternHint?: string;
  /** An example value, for documentation and the CMS placeholder. */
  example?: string;
}

/** Read the field metadata of a schema, looking through optional/default/nullable wrappers. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  let current: z.ZodType | undefined = schema;
  while (current) {
    const meta = current.meta() as FieldMeta | undefined;
    if (meta?.label) return meta;
    const def: { type: string; innerType?: z.ZodType } = (current as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') {
      current = def.innerType;
    } else {
      return undefined;
    }
  }
  return undefined;
}
