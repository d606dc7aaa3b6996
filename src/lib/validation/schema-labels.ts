/** Korean labels along a field path, read from the schemas' metadata. */
import type { z } from 'zod';
import { fieldMeta } from '../../schemas/meta.ts';

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; in?: z.ZodType; out?: z.ZodType };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { def: Def }).def;
}

/** Strip wrappers (optional, default, nullable, pipes) to the schema that holds structure. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe' && def.out) current = def.out;
    else return current;
  }
}

/** `['applyPeriod', 'start']` → `신청기간 › 시작일`; array indices add `N번째`. */
export function labelsForPath(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const labels: string[] = [];
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    if (!current) break;
    const inner = unwrap(current);
    const def = defOf(inner);
    if (typeof key === 'number' && def.type === 'array' && def.element) {
      labels.push(`${key + 1}번째`);
      current = def.element;
    } else if (def.type === 'object' && def.shape && typeof key === 'string' && key in def.shape) {
      current = def.shape[key];
      const label = fieldMeta(current)?.label;
      if (label) labels.push(label);
    } else {
      current = undefined;
    }
  }
  return labels.join(' › ');
}
