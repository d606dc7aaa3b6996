/**
 * One content problem, and the single line it prints as:
 * `content/programs/x.md: applyPeriod.start (신청기간 › 시작일) = "2018-02-31" — 달력에 없는 날짜입니다`
 * File first, then field path with its Korean labels, the value, and the rule with how to fix it.
 */
export interface Problem {
  /** Path of the content file, relative to the project root. */
  file: string;
  /** Dotted field path (`applyPeriod.start`, `attachments.0.file`), or `(파일)` for the file itself. */
  field: string;
  /** Korean labels along the path, e.g. `신청기간 › 시작일`. */
  label?: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** The rule broken and how to fix it, in Korean. */
  message: string;
  severity: 'error' | 'warning';
}

const MAX_VALUE_CHARS = 60;

/** Render a value short enough for one line, showing control and invisible characters. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(없음)';
  let text = JSON.stringify(value) ?? String(value);
  // Zero-width and bidi characters are invisible in a terminal: show their code points.
  text = text.replace(/[\u200B-\u200F\u2060\uFEFF\u202A-\u202E]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  if (text.length > MAX_VALUE_CHARS) {
    const size = typeof value === 'string' ? value.length : text.length;
    text = `${text.slice(0, MAX_VALUE_CHARS)}…(${size.toLocaleString('en-US')}자)`;
  }
  return text;
}

/** The one-line form of a problem. */
export function formatProblem(p: Problem): string {
  const field = p.label ? `${p.field} (${p.label})` : p.field;
  const value = p.value === undefined ? '' : ` = ${showValue(p.value)}`;
  return `${p.file}: ${field}${value} — ${p.message}`;
}

/** Sort problems by file, then field, so output is stable across runs. */
export function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field));
}
