/**
 * One export record per entry, and the zod schema that describes it, both derived
 * from the collection's schema: every front-matter field in schema order (uploads as
 * absolute URLs), each reference followed by the referenced entry's name, the
 * Markdown body under the collection's body label, and a few derived fields
 * (ID, page URL, 진행단계 …) declared by the caller. The JSON file, its JSON Schema and
 * the CSV columns are all read from this one description.
 */
import { z } from 'zod';
import { COLLECTIONS, type CollectionDef, type CollectionName } from '../../schemas/index.ts';
import { fieldMeta, type FieldMeta } from '../../schemas/meta.ts';
import { unwrap } from '../validation/schema-labels.ts';

/** A field computed at build time, e.g. the page URL or the 진행단계. */
export interface DerivedField<I> {
  key: string;
  /** Its schema, carrying the Korean label in `.meta()`. */
  schema: z.ZodType;
  value: (item: I) => unknown;
}

export interface RecordSpec<I> {
  collection: CollectionName;
  /** Front matter of an item. */
  data: (item: I) => Record<string, unknown>;
  /** Markdown body of an item. */
  body: (item: I) => string | undefined;
  /** Display field of a referenced entry, e.g. ('companies', 'kwater', 'name') → 한국수자원공사. */
  refName: (collection: string, id: string, display: string) => string | undefined;
  /** Site path → absolute URL. */
  absolute: (path: string) => string;
  /** Derived fields placed before the front-matter fields. */
  before: DerivedField<I>[];
  /** Derived fields placed after the body. */
  after?: DerivedField<I>[];
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

/** The key of the name field that follows a reference field: `company` → `companyName`. */
export const refNameKey = (key: string) => `${key}Name`;

function isOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

/** Re-label a field, keeping the rest of its metadata. */
function relabel(schema: z.ZodType, label: string): z.ZodType {
  return schema.meta({ ...(fieldMeta(schema) as FieldMeta), label });
}

/** The schema of one export record of the collection. */
export function recordSchema<I>(spec: RecordSpec<I>): z.ZodObject {
  const def: CollectionDef = COLLECTIONS[spec.collection];
  const shape: Record<string, z.ZodType> = {};
  for (const d of spec.before) shape[d.key] = d.schema;
  for (const [key, field] of Object.entries((unwrap(def.schema) as z.ZodObject).shape as Record<string, z.ZodType>)) {
    const meta = fieldMeta(field);
    if (meta?.ref) {
      // The slug keeps the key; its label says it is an ID, and the name gets the label.
      shape[key] = relabel(field, `${meta.label} ID`);
      const name = z.string().meta({ label: meta.label, hint: `${COLLECTIONS[meta.ref.collection as CollectionName]?.label ?? meta.ref.collection}의 이름` });
      shape[refNameKey(key)] = isOptional(field) ? name.optional() : name;
    } else {
      shape[key] = field;
    }
  }
  if (def.bodyLabel) shape.body = z.string().meta({ label: def.bodyLabel, hint: 'Markdown 원문' });
  for (const d of spec.after ?? []) shape[d.key] = d.schema;
  return z.object(shape).meta({ label: def.label });
}

/**
 * A function that turns uploaded-file paths (fields with the `file` or `image` widget) into
 * absolute URLs at any depth of a value of this schema, or undefined when the schema holds no
 * upload (the value is then used as it is). Built once per schema, applied to every entry.
 */
export function uploadMapper(schema: z.ZodType, absolute: (path: string) => string): ((value: unknown) => unknown) | undefined {
  const widget = fieldMeta(schema)?.widget;
  if (widget === 'file' || widget === 'image') return (v) => (typeof v === 'string' ? absolute(v) : v);
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && def.shape) {
    const mappers = Object.entries(def.shape).flatMap(([k, child]) => {
      const map = uploadMapper(child, absolute);
      return map ? [[k, map] as const] : [];
    });
    if (mappers.length === 0) return undefined;
    return (v) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
      const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      for (const [k, map] of mappers) if (out[k] !== undefined) out[k] = map(out[k]);
      return out;
    };
  }
  if (def.type === 'array' && def.element) {
    const map = uploadMapper(def.element, absolute);
    return map ? (v) => (Array.isArray(v) ? v.map(map) : v) : undefined;
  }
  return undefined;
}

/** A function building one export record per item, keys in the order of `recordSchema(spec)`. */
export function recordBuilder<I>(spec: RecordSpec<I>): (item: I) => Record<string, unknown> {
  const def: CollectionDef = COLLECTIONS[spec.collection];
  const shape = (unwrap(def.schema) as z.ZodObject).shape as Record<string, z.ZodType>;
  const fields = Object.entries(shape).map(([key, field]) => ({ key, ref: fieldMeta(field)?.ref, map: uploadMapper(field, spec.absolute) }));
  return (item) => {
    const data = spec.data(item);
    const record: Record<string, unknown> = {};
    for (const d of spec.before) record[d.key] = d.value(item);
    for (const { key, ref, map } of fields) {
      const value = data[key];
      if (value !== undefined) record[key] = map ? map(value) : value;
      if (ref && typeof value === 'string') {
        const name = spec.refName(ref.collection, value, ref.display);
        if (name === undefined) throw new Error(`${spec.collection}: ${key}=${value} 이(가) ${ref.collection}에 없습니다`);
        record[refNameKey(key)] = name;
      }
    }
    if (def.bodyLabel) record.body = spec.body(item) ?? '';
    for (const d of spec.after ?? []) record[d.key] = d.value(item);
    return record;
  };
}

/** A `refName` over maps of entries by collection. */
export function refResolver(maps: Record<string, ReadonlyMap<string, { data: object }>>): RecordSpec<unknown>['refName'] {
  return (collection, id, display) => {
    const value = (maps[collection]?.get(id)?.data as Record<string, unknown> | undefined)?.[display];
    return typeof value === 'string' ? value : undefined;
  };
}
