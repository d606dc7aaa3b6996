/**
 * The save-time check the CMS runs on an entry (Decap's `preSave` event, admin/main.ts):
 * the collection's own zod schema, so rules Decap's widgets cannot express — end ≥ start,
 * 전국 alone, 신청 주소 when 신청여부 is on, the 사업자등록번호 check digit, required parts
 * of optional groups — stop the save with the same Korean message the build prints.
 * Runs in the browser: no Node APIs here.
 */
import { COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import { checkEntry } from '../validation/check-entry.ts';
import type { Problem } from '../validation/problem.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Drop what an editor left blank: empty strings, null, and groups left with nothing in them,
 * so an untouched optional field is absent from the file rather than `""` (which the schema
 * would reject as a bad URL, phone …). Lists are kept, even empty: `[]` is a value.
 */
export function cleanEntry<T extends Json>(value: T): T | undefined {
  if (value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.map((v) => cleanEntry(v) ?? null).filter((v) => v !== null) as T;
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) {
      const cleaned = cleanEntry(v);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return (Object.keys(out).length ? out : undefined) as T | undefined;
  }
  return value;
}

/** Front matter of an entry as Decap holds it (`body` is the Markdown body, not front matter). */
export function frontMatterOf(data: Record<string, Json>): Record<string, Json> {
  const { body: _body, ...rest } = data;
  return rest;
}

/** Problems of one entry, empty when the build would accept it. */
export function checkCmsEntry(collection: string, data: Record<string, Json>): Problem[] {
  const def = COLLECTIONS[collection as CollectionName];
  if (!def) return [];
  const front = cleanEntry(frontMatterOf(data)) ?? {};
  return checkEntry('', def.schema, front as Record<string, unknown>).problems;
}

/** The problems as editors read them: one line each, `라벨 › 라벨: 규칙`. */
export function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.label || p.field}: ${p.message}`).join('\n');
}
