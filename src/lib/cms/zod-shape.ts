/**
 * Read what the CMS needs from a zod 4 schema's definition: wrappers (optional, default),
 * string checks (lengths, regexes), enum options, array and number limits, and the
 * `isoDate()` shape (a preprocess pipe into a `YYYY-MM-DD` string).
 */
import type { z } from 'zod';

interface CheckDef {
  check: string;
  /** The message given to the check, e.g. `.max(200, '200자 이내로 입력하세요')`. */
  error?: (issue: unknown) => unknown;
  format?: string;
  pattern?: RegExp;
  minimum?: number | bigint;
  maximum?: number | bigint;
  value?: number | bigint;
  inclusive?: boolean;
}

export interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string | number>;
  in?: z.ZodType;
  out?: z.ZodType;
  checks?: { _zod: { def: CheckDef } }[];
}

export function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { def: ZodDef }).def;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly']);

/** The schema under optional/default/nullable wrappers, and whether a missing value is accepted. */
export function peel(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if (!WRAPPERS.has(def.type) || !def.innerType) return { inner: current, optional };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    current = def.innerType;
  }
}

function checksOf(schema: z.ZodType): CheckDef[] {
  return (defOf(schema).checks ?? []).map((c) => c._zod.def);
}

/** The custom message of a check, when the schema gave one. */
function messageOf(c: CheckDef): string | undefined {
  const m = c.error?.({});
  return typeof m === 'string' ? m : undefined;
}

export interface StringChecks {
  min?: number;
  max?: number;
  /** Messages of the length checks, as the build prints them. */
  lengthMessages: string[];
  regexes: { re: RegExp; message?: string }[];
}

/** Length limits and regexes of a string schema, with their messages. */
export function stringChecks(schema: z.ZodType): StringChecks {
  const out: StringChecks = { lengthMessages: [], regexes: [] };
  for (const c of checksOf(schema)) {
    if (c.check === 'min_length') {
      out.min = Math.max(out.min ?? 0, Number(c.minimum));
      out.lengthMessages.push(messageOf(c) ?? `${Number(c.minimum)}자 이상 입력하세요`);
    } else if (c.check === 'max_length') {
      out.max = Math.min(out.max ?? Infinity, Number(c.maximum));
      out.lengthMessages.push(messageOf(c) ?? `${Number(c.maximum)}자 이내로 입력하세요`);
    } else if (c.check === 'length_equals') {
      out.min = out.max = Number(c.value);
      out.lengthMessages.push(messageOf(c) ?? `${Number(c.value)}자로 입력하세요`);
    } else if (c.check === 'string_format' && c.format === 'regex' && c.pattern) {
      out.regexes.push({ re: c.pattern, message: messageOf(c) });
    } else if (c.check === 'string_format') {
      throw new Error(`문자열 형식 검사 '${c.format}' 은(는) CMS 규칙으로 옮기지 못합니다 (정규식으로 쓰세요)`);
    }
  }
  return out;
}

/** Item-count limits of an array schema. */
export function arrayLimits(schema: z.ZodType): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const c of checksOf(schema)) {
    if (c.check === 'min_length') out.min = Number(c.minimum);
    else if (c.check === 'max_length') out.max = Number(c.maximum);
    else if (c.check === 'length_equals') out.min = out.max = Number(c.value);
  }
  return out;
}

/** Bounds of a number schema and whether it must be an integer. */
export function numberLimits(schema: z.ZodType): { min?: number; max?: number; int: boolean } {
  const out: { min?: number; max?: number; int: boolean } = { int: false };
  for (const c of checksOf(schema)) {
    if (c.check === 'greater_than') out.min = Number(c.value) + (c.inclusive ? 0 : Number.EPSILON);
    else if (c.check === 'less_than') out.max = Number(c.value) - (c.inclusive ? 0 : Number.EPSILON);
    else if (c.check === 'number_format' && /int/.test(c.format ?? '')) out.int = true;
  }
  return out;
}

/** The options of an enum, in their declared order. */
export function enumOptions(schema: z.ZodType): string[] {
  return Object.values(defOf(schema).entries ?? {}).map(String);
}

/** The `YYYY-MM-DD` rule of `isoDate()`. */
const DATE_SOURCE = '^\\d{4}-\\d{2}-\\d{2}$';

/** True for `isoDate()`: a preprocess (transform) piped into a string that must look like `YYYY-MM-DD`. */
export function isDateSchema(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type !== 'pipe' || !def.in || !def.out) return false;
  if (defOf(def.in).type !== 'transform') return false;
  const target = defOf(def.out);
  return target.type === 'string' && stringChecks(def.out).regexes.some((r) => r.re.source === DATE_SOURCE);
}
