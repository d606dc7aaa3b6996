/**
 * Fast front-matter parsing for history diffs. Past versions were validated when they were
 * published, so no error reporting is needed here — only speed: js-yaml with the YAML 1.2
 * core schema (dates stay the text the editor wrote, as in the content gate) parses about
 * ten times faster than the `yaml` document parser the validator uses for its line numbers,
 * which keeps 10,000 programs' history well under the 5 s budget (scripts/bench-history.ts).
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Version } from './diff.ts';

const FENCE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Split and parse a content file's text; throws when it has no front-matter mapping. */
export function parseVersion(text: string): Version {
  const match = FENCE.exec(text);
  if (!match) throw new Error('no front matter');
  const data = load(match[1], { schema: CORE_SCHEMA });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter is not a mapping');
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}
