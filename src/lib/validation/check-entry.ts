/** Schema checks of one parsed entry: zod issues and unknown keys, as Problems. */
import type { z } from 'zod';
import type { Problem } from './problem.ts';
import { labelsForPath, unwrap } from './schema-labels.ts';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function messageFor(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) return '필수 항목입니다';
  if (issue.code === 'invalid_type') {
    const expected = { string: '글자', number: '숫자', boolean: 'true/false', array: '목록', object: '항목 묶음' }[issue.expected as string] ?? issue.expected;
    return `${expected} 값이어야 합니다`;
  }
  if (issue.code === 'too_big' && typeof value === 'string') {
    // Count as the schema does: trimmed, NFC (an NFD syllable is 2–3 code units).
    return `${issue.message} (지금 ${value.trim().normalize('NFC').length}자)`;
  }
  return issue.message;
}

/** Issues that say a value has the wrong type, shape or choice make later rules on the same field noise. */
const DECISIVE = new Set(['invalid_type', 'invalid_format', 'invalid_value']);

/** One problem per cause: drop the follow-on issues of a field that already failed decisively. */
function firstPerField(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const decided = new Set<string>();
  return issues.filter((issue) => {
    const key = issue.path.map(String).join('.');
    if (decided.has(key)) return false;
    if (DECISIVE.has(issue.code)) decided.add(key);
    return true;
  });
}

/** Validate `data` against `schema`; returns the parsed value (or undefined) and the problems. */
export function checkEntry(file: string, schema: z.ZodObject, data: Record<string, unknown>): { value?: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const shape = (unwrap(schema) as z.ZodObject).shape;
  for (const key of Object.keys(data)) {
    if (!(key in shape)) {
      problems.push({ file, field: key, value: data[key], message: `알 수 없는 항목입니다 (허용: ${Object.keys(shape).join(', ')})`, severity: 'error' });
    }
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of firstPerField(result.error.issues)) {
      const value = valueAt(data, issue.path);
      problems.push({
        file,
        field: issue.path.length ? issue.path.map(String).join('.') : '(머리말)',
        label: labelsForPath(schema, issue.path) || undefined,
        value,
        message: messageFor(issue, value),
        severity: 'error',
      });
    }
    return { problems };
  }
  return { value: result.data as Record<string, unknown>, problems };
}
