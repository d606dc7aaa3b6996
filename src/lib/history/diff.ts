/**
 * Field-level differences between two versions of a content entry, as Korean lines built
 * from the schema's own labels: "신청기간 마감 2018-05-13 → 2018-05-20 (연장)", "첨부문서 추가",
 * "지원대상 변경". Pure: takes parsed front matter and body, knows nothing of git.
 */
import type { z } from 'zod';
import { fieldMeta } from '../../schemas/meta.ts';
import { unwrap } from '../validation/schema-labels.ts';

/** One changed field. */
export interface Change {
  /** Front-matter key (or `body`). */
  field: string;
  /** The line a visitor reads, e.g. "지원대상 변경". */
  text: string;
  /** Old → new values or the names involved, when short enough to show. */
  detail?: string;
}

/** A parsed version of an entry. */
export interface Version {
  data: Record<string, unknown>;
  body: string;
}

export interface DiffOptions {
  /** Label of the Markdown body (e.g. 지원내용); body changes are ignored when absent. */
  bodyLabel?: string;
}

/** How the two ends of a period read in Korean: 신청기간 has a 마감, other periods a 종료. */
const PERIOD_WORDS: Record<string, { start: string; end: string }> = {
  applyPeriod: { start: '시작', end: '마감' },
};
const DEFAULT_PERIOD_WORDS = { start: '시작', end: '종료' };

/** Words for yes/no fields whose meaning the site shows differently (신청 / 공고). */
const BOOLEAN_WORDS: Record<string, [yes: string, no: string]> = {
  applyOnline: ['신청', '공고'],
};

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { def: Def }).def;
}

function label(schema: z.ZodType, key: string): string {
  return fieldMeta(schema)?.label ?? key;
}

/** Structural equality of YAML values (objects key-order insensitive). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '없음';
  if (Array.isArray(value)) return value.length === 0 ? '없음' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isPeriod(shape: Record<string, z.ZodType> | undefined): boolean {
  return !!shape && Object.keys(shape).length === 2 && 'start' in shape && 'end' in shape;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function periodChanges(key: string, name: string, a: unknown, b: unknown): Change[] {
  const words = PERIOD_WORDS[key] ?? DEFAULT_PERIOD_WORDS;
  const before = asRecord(a);
  const after = asRecord(b);
  const out: Change[] = [];
  if (before.start !== after.start) {
    const dir = typeof before.start === 'string' && typeof after.start === 'string' ? (after.start > before.start ? ' (늦춤)' : ' (앞당김)') : '';
    out.push({ field: key, text: `${name} ${words.start} ${show(before.start)} → ${show(after.start)}${dir}` });
  }
  if (before.end !== after.end) {
    const dir = typeof before.end === 'string' && typeof after.end === 'string' ? (after.end > before.end ? ' (연장)' : ' (단축)') : '';
    out.push({ field: key, text: `${name} ${words.end} ${show(before.end)} → ${show(after.end)}${dir}` });
  }
  return out;
}

/** Lists of uploaded files ({file, title}): compared by file, so a retitled file is a 변경, not a 삭제 + 추가. */
function fileListChanges(key: string, name: string, a: unknown, b: unknown): Change[] {
  const before = (Array.isArray(a) ? a : []).map(asRecord);
  const after = (Array.isArray(b) ? b : []).map(asRecord);
  const beforeFiles = new Map(before.map((x) => [String(x.file), x]));
  const afterFiles = new Map(after.map((x) => [String(x.file), x]));
  const added = after.filter((x) => !beforeFiles.has(String(x.file)));
  const removed = before.filter((x) => !afterFiles.has(String(x.file)));
  const changed = after.filter((x) => beforeFiles.has(String(x.file)) && !same(beforeFiles.get(String(x.file)), x));
  const titles = (list: Record<string, unknown>[]) => list.map((x) => show(x.title ?? x.file)).join(', ');
  const out: Change[] = [];
  if (added.length) out.push({ field: key, text: `${name} 추가`, detail: titles(added) });
  if (removed.length) out.push({ field: key, text: `${name} 삭제`, detail: titles(removed) });
  if (changed.length) out.push({ field: key, text: `${name} 변경`, detail: titles(changed) });
  if (!out.length) out.push({ field: key, text: `${name} 순서 변경` });
  return out;
}

/** Differences of one field. */
function fieldChanges(key: string, schema: z.ZodType, a: unknown, b: unknown): Change[] {
  const name = label(schema, key);
  const inner = unwrap(schema);
  const def = defOf(inner);
  const meta = fieldMeta(schema);
  const absent = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

  if (def.type === 'object' && isPeriod(def.shape) && !absent(a) && !absent(b)) return periodChanges(key, name, a, b);
  if (def.type === 'array' && def.element) {
    const elementShape = defOf(unwrap(def.element)).shape;
    if (elementShape && 'file' in elementShape) return fileListChanges(key, name, a, b);
  }
  if (absent(a)) return [{ field: key, text: `${name} 추가` }];
  if (absent(b)) return [{ field: key, text: `${name} 삭제` }];
  if (def.type === 'boolean') {
    const [yes, no] = BOOLEAN_WORDS[key] ?? ['예', '아니오'];
    return [{ field: key, text: `${name} 변경`, detail: `${a ? yes : no} → ${b ? yes : no}` }];
  }
  if (def.type === 'object' && def.shape) {
    const parts: string[] = [];
    const ra = asRecord(a);
    const rb = asRecord(b);
    for (const [sub, subSchema] of Object.entries(def.shape)) {
      if (!same(ra[sub], rb[sub])) parts.push(`${label(subSchema, sub)} ${show(ra[sub])} → ${show(rb[sub])}`);
    }
    return [{ field: key, text: `${name} 변경`, ...(parts.length ? { detail: parts.join(', ') } : {}) }];
  }
  // Long text (Markdown or multi-line) and references: name the field only.
  if (meta?.widget === 'markdown' || meta?.widget === 'text' || meta?.ref) return [{ field: key, text: `${name} 변경` }];
  // Dates read as "등록일 A → B", like the period lines.
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b)) {
    return [{ field: key, text: `${name} ${a} → ${b}` }];
  }
  // Choices, lists of choices and short text: name the field, show old → new.
  return [{ field: key, text: `${name} 변경`, detail: `${show(a)} → ${show(b)}` }];
}

/**
 * The changes from `before` to `after`, in the order of the schema's fields, then the body.
 * Keys the schema does not know are ignored (validation rejects them before publication).
 */
export function diffVersions(schema: z.ZodObject, before: Version, after: Version, opts: DiffOptions = {}): Change[] {
  const changes: Change[] = [];
  for (const [key, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const a = before.data[key];
    const b = after.data[key];
    if (same(a, b)) continue;
    changes.push(...fieldChanges(key, fieldSchema, a, b));
  }
  if (opts.bodyLabel && before.body.trim() !== after.body.trim()) {
    changes.push({ field: 'body', text: `${opts.bodyLabel} 변경` });
  }
  return changes;
}
