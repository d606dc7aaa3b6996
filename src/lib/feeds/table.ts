/**
 * Export records as spreadsheet rows. Columns come from the record schema: one per
 * leaf field, headed by its Korean label (nested objects join their labels, e.g.
 * "신청기간 시작일"); lists become one cell (values joined by ", ", objects one per line).
 */
import type { z } from 'zod';
import { COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import { fieldMeta } from '../../schemas/meta.ts';
import { unwrap } from '../validation/schema-labels.ts';

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; entries?: Record<string, string> };
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

export interface Column {
  header: string;
  /** Where the value sits in the JSON record, e.g. `applyPeriod.start`. */
  path: string;
  /** What values the column holds, in Korean (choices, format, length), for the /data/ page. */
  values: string;
  cell: (record: Record<string, unknown>) => string;
}

function scalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '예' : '아니오';
  return String(value);
}

/** A function writing a value of this schema as one cell; built once per column. */
function cellWriter(schema: z.ZodType): (value: unknown) => string {
  const def = defOf(unwrap(schema));
  if (def.type === 'array' && def.element) {
    const item = cellWriter(def.element);
    const separator = defOf(unwrap(def.element)).type === 'object' ? '\n' : ', ';
    return (v) => (Array.isArray(v) ? v.map(item).join(separator) : scalar(v));
  }
  if (def.type === 'object' && def.shape) {
    const parts = Object.entries(def.shape).map(([k, s]) => ({ k, label: fieldMeta(s)?.label ?? k, write: cellWriter(s) }));
    return (v) => {
      if (!v || typeof v !== 'object') return scalar(v);
      const o = v as Record<string, unknown>;
      return parts.filter((p) => o[p.k] !== undefined).map((p) => `${p.label}: ${p.write(o[p.k])}`).join(' · ');
    };
  }
  return scalar;
}

/** Korean description of the values a field holds, read from its schema. */
export function describeValues(schema: z.ZodType): string {
  const meta = fieldMeta(schema);
  if (meta?.ref) return `${COLLECTIONS[meta.ref.collection as CollectionName]?.label ?? meta.ref.collection} ID (슬러그)`;
  if (meta?.widget === 'file' || meta?.widget === 'image') return '파일의 절대 URL';
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'enum' && def.entries) return Object.values(def.entries).join(', ');
  if (def.type === 'boolean') return '예 / 아니오';
  if (def.type === 'number') return '숫자';
  if (def.type === 'array' && def.element) {
    const isObject = defOf(unwrap(def.element)).type === 'object';
    return isObject ? '목록 (한 줄에 하나)' : `목록 (쉼표로 구분): ${describeValues(def.element)}`;
  }
  if (meta?.patternHint) return meta.patternHint;
  if (meta?.example && /^\d{4}-\d{2}-\d{2}$/.test(meta.example)) return '날짜 YYYY-MM-DD (한국 시간)';
  if (meta?.example) return `예: ${meta.example}`;
  const max = (inner as unknown as { maxLength?: number | null }).maxLength;
  if (meta?.widget === 'markdown') return 'Markdown 글';
  if (typeof max === 'number') return `글자 (최대 ${max}자)`;
  return meta?.hint ?? '글자';
}

function columnsAt(schema: z.ZodType, path: string[], labels: string[]): Column[] {
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) =>
      columnsAt(child, [...path, key], [...labels, fieldMeta(child)?.label ?? key]));
  }
  const get = (record: Record<string, unknown>) =>
    path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
  const write = cellWriter(schema);
  return [{ header: labels.join(' '), path: path.join('.'), values: describeValues(schema), cell: (record) => write(get(record)) }];
}

/** The columns of a record schema, in schema order. */
export function columnsOf(schema: z.ZodObject): Column[] {
  return columnsAt(schema, [], []);
}

/** Header and rows for `renderCsv`. */
export function toTable(schema: z.ZodObject, records: readonly Record<string, unknown>[]): { header: string[]; rows: string[][] } {
  const columns = columnsOf(schema);
  const header = columns.map((c) => c.header);
  const duplicate = header.find((h, i) => header.indexOf(h) !== i);
  if (duplicate) throw new Error(`CSV 열 이름이 겹칩니다: "${duplicate}" (스키마의 label을 고치세요)`);
  return { header, rows: records.map((r) => columns.map((c) => c.cell(r))) };
}
