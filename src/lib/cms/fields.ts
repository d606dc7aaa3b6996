/**
 * One zod field → one Decap field. Walks objects and arrays recursively; the Korean label,
 * hint and widget come from the field metadata (`src/schemas/meta.ts`), the rules from the
 * zod checks. A zod type with no CMS equivalent stops generation with the field's path:
 * a silently wrong widget would let editors save what the build then rejects.
 */
import type { z } from 'zod';
import { fieldMeta, type FieldMeta } from '../../schemas/meta.ts';
import { MARKDOWN_HINT } from './body-widget.ts';
import type { DecapField, DecapPattern } from './decap-types.ts';
import { allOf, flaglessSource, trimmedLengthSource } from './patterns.ts';
import { arrayLimits, defOf, enumOptions, isDateSchema, numberLimits, peel, stringChecks } from './zod-shape.ts';

/** The widget for Markdown text (bodies and Markdown front-matter fields); see `body-widget.ts`. */
export type MarkdownWidget = 'markdown' | 'richtext' | 'text';

export interface FieldContext {
  /** Collection name, for error messages. */
  collection: string;
  /** Widget used for Markdown text. */
  markdownWidget: MarkdownWidget;
}

/** Generation failed: names the collection, the field path and what is wrong. */
export class CmsSchemaError extends Error {
  constructor(collection: string, path: string[], problem: string) {
    super(`CMS 설정 생성 실패: ${collection}.${path.join('.')} — ${problem}`);
    this.name = 'CmsSchemaError';
  }
}

/** Decap stores `datetime` values with this format; date-only, like the content files. */
export const DATE_FORMAT = 'YYYY-MM-DD';

function hintOf(meta: FieldMeta, withPattern: boolean): string | undefined {
  const parts = [meta.hint, withPattern ? meta.patternHint : undefined].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' · ') : undefined;
}

/** The Decap pattern of a string schema: its regexes and trimmed-length limits in one source. */
export function stringPattern(schema: z.ZodType, meta: FieldMeta): DecapPattern | undefined {
  const checks = stringChecks(schema);
  const sources: string[] = checks.regexes.map((r) => flaglessSource(r.re));
  // Lengths count the trimmed value, so "   " is caught too (Decap's presence check lets it through).
  const length = trimmedLengthSource(checks.min, checks.max);
  if (length) sources.push(length);
  const source = allOf(sources);
  if (!source) return undefined;
  const messages = [
    ...checks.regexes.map((r) => r.message ?? meta.patternHint ?? '형식이 맞지 않습니다'),
    ...(length ? checks.lengthMessages : []),
  ];
  return [source, [...new Set(messages)].join(' · ')];
}

/**
 * Build the Decap field for `schema` named `name`.
 * @param parentRequired false inside an optional object: Decap validates an object's
 *   children even when the object is left empty, so they are optional there and the
 *   save-time schema check (`entry-check.ts`) enforces them once the object is filled in.
 */
export function cmsField(name: string, schema: z.ZodType, ctx: FieldContext, path: string[] = [], parentRequired = true): DecapField {
  const here = [...path, name];
  const meta = fieldMeta(schema);
  if (!meta?.label) throw new CmsSchemaError(ctx.collection, here, '한국어 이름(meta label)이 없습니다: fields.ts 의 빌더를 쓰거나 .meta({ label }) 를 붙이세요');
  const { inner, optional } = peel(schema);
  const required = !optional && parentRequired;
  const def = defOf(inner);
  const base = { name, label: meta.label };
  const fail = (problem: string): never => {
    throw new CmsSchemaError(ctx.collection, here, problem);
  };

  if (isDateSchema(inner)) {
    return { ...base, widget: 'datetime', required, format: DATE_FORMAT, date_format: DATE_FORMAT, time_format: false, ...opt('hint', hintOf(meta, false)) };
  }

  switch (def.type) {
    case 'string': {
      if (meta.ref) {
        // The value is the target's slug (file name); editors search and see its Korean name.
        return {
          ...base, widget: 'relation', required,
          collection: meta.ref.collection, value_field: '{{slug}}',
          search_fields: [meta.ref.display], display_fields: [meta.ref.display], options_length: 50,
          ...opt('hint', hintOf(meta, false)),
        };
      }
      let pattern: DecapPattern | undefined;
      try {
        pattern = stringPattern(inner, meta);
      } catch (e) {
        fail((e as Error).message);
      }
      const isMarkdown = meta.widget === 'markdown';
      const widget = isMarkdown ? ctx.markdownWidget : meta.widget ?? 'string';
      let hint = hintOf(meta, Boolean(pattern));
      if (isMarkdown && ctx.markdownWidget === 'text') hint = [hint, MARKDOWN_HINT].filter(Boolean).join(' · ');
      const common = { ...base, required, ...opt('hint', hint), ...opt('pattern', pattern) };
      if (widget === 'file' || widget === 'image') return { ...common, widget, choose_url: false };
      return { ...common, widget } as DecapField;
    }
    case 'enum':
      return { ...base, widget: 'select', required, options: enumOptions(inner), ...opt('hint', hintOf(meta, false)) };
    case 'boolean':
      // Decap's presence check accepts `false`; the default writes it when the editor leaves the switch off.
      return { ...base, widget: 'boolean', required, default: false, ...opt('hint', hintOf(meta, false)) };
    case 'number': {
      const limits = numberLimits(inner);
      return {
        ...base, widget: 'number', required, value_type: limits.int ? 'int' : 'float',
        ...opt('min', limits.min), ...opt('max', limits.max), ...opt('hint', hintOf(meta, false)),
      };
    }
    case 'object': {
      const shape = def.shape ?? {};
      return {
        ...base, widget: 'object', required, collapsed: false,
        fields: Object.entries(shape).map(([key, child]) => cmsField(key, child, ctx, here, required)),
        ...opt('hint', hintOf(meta, false)),
      };
    }
    case 'array': {
      const element = peel(def.element!).inner;
      const limits = arrayLimits(inner);
      // An empty list is "empty" to Decap's presence check: a list is required only when it needs items.
      const listRequired = required && (limits.min ?? 0) > 0;
      const counts = { ...opt('min', limits.min), ...opt('max', limits.max) };
      const hint = hintOf(meta, false);
      const elementDef = defOf(element);
      if (elementDef.type === 'enum') {
        return { ...base, widget: 'select', multiple: true, required: listRequired, options: enumOptions(element), ...counts, ...(listRequired ? {} : { default: [] }), ...opt('hint', hint) };
      }
      if (elementDef.type === 'object') {
        const fields = Object.entries(elementDef.shape ?? {}).map(([key, child]) => cmsField(key, child, ctx, [...here, '*'], true));
        const titleField = fields.find((f) => f.widget === 'string' || f.widget === 'text');
        return {
          ...base, widget: 'list', required: listRequired, label_singular: fieldMeta(element)?.label ?? meta.label,
          fields, collapsed: false, ...(titleField ? { summary: `{{fields.${titleField.name}}}` } : {}),
          ...counts, default: [], ...opt('hint', hint),
        };
      }
      if (elementDef.type === 'string' || elementDef.type === 'number' || isDateSchema(element)) {
        const item = cmsField('item', def.element!, ctx, [...here, '*'], true);
        // The add button reads "<label_singular> 추가": "제출서류 추가" says more than "항목 추가".
        return { ...base, widget: 'list', required: listRequired, label_singular: meta.label, field: item, collapsed: false, ...counts, default: [], ...opt('hint', hint) };
      }
      return fail(`목록 항목의 zod 형식 '${elementDef.type}' 에 맞는 CMS 위젯이 없습니다`);
    }
    default:
      return fail(`zod 형식 '${def.type}' 에 맞는 CMS 위젯이 없습니다 (src/lib/cms/fields.ts 에 추가하세요)`);
  }
}

/** `{ key: value }` when value is defined, else `{}` (keeps undefined out of the JSON). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
