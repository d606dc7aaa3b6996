/**
 * JSON Schema (draft 2020-12) of an export file, generated from the zod schema with
 * `z.toJSONSchema`. Our field metadata becomes standard keywords: label → title,
 * hint and pattern hints → description, example → examples; references say which
 * file their IDs come from; upload fields accept the absolute URLs the export prints.
 */
import { z } from 'zod';
import { COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import type { FieldMeta } from '../../schemas/meta.ts';

type Json = Record<string, unknown>;

/** Absolute http(s) URLs, as every upload appears in the exports. */
export const ABSOLUTE_URL_PATTERN = '^https?://[^\\s/?#]+/\\S*$';

function describe(node: Json): void {
  const meta = node as Json & Partial<FieldMeta>;
  const notes: string[] = [];
  if (typeof meta.hint === 'string') notes.push(meta.hint);
  if (typeof meta.patternHint === 'string') notes.push(meta.patternHint);
  if (meta.ref && typeof meta.ref === 'object') {
    const target = COLLECTIONS[meta.ref.collection as CollectionName];
    notes.push(`${target?.label ?? meta.ref.collection} 항목의 ID (슬러그)`);
  }
  if (meta.widget === 'file' || meta.widget === 'image') {
    node.pattern = ABSOLUTE_URL_PATTERN;
    notes.push('사이트에 올린 파일의 절대 URL');
  }
  if (typeof meta.label === 'string') node.title = meta.label;
  if (notes.length > 0) node.description = [node.description, ...notes].filter(Boolean).join(' · ');
  if (typeof meta.example === 'string') node.examples = [meta.example];
  for (const key of ['label', 'hint', 'patternHint', 'ref', 'widget', 'example']) delete node[key];
}

/** Rewrite our metadata keys in every schema node (never inside `properties` name maps). */
function standardise(node: unknown): void {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const n = node as Json;
  describe(n);
  for (const map of ['properties', '$defs', 'patternProperties']) {
    const children = n[map];
    if (children && typeof children === 'object') for (const child of Object.values(children)) standardise(child);
  }
  for (const key of ['items', 'additionalProperties', 'not', 'contains']) standardise(n[key]);
  for (const list of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    const children = n[list];
    if (Array.isArray(children)) for (const child of children) standardise(child);
  }
}

/** The JSON Schema of a zod schema, with our metadata as standard keywords. */
export function toPublicJsonSchema(schema: z.ZodType, extra: Json = {}): Json {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Json;
  standardise(json);
  return { ...json, ...extra };
}
