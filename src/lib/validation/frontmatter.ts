/**
 * Split a Markdown file into front matter and body and parse the YAML with the
 * YAML 1.2 core schema, so dates stay the text the editor wrote ("2018-02-31" is
 * seen as written, not rolled over to March 3 as a YAML 1.1 timestamp would be).
 */
import { parseDocument } from 'yaml';

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
}

export class FrontmatterError extends Error {
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parse a content file's text. Throws FrontmatterError with a Korean message and the line. */
export function parseFrontmatter(text: string): ParsedFile {
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    throw new FrontmatterError('파일에 NUL 문자(\\u0000)가 있습니다. 텍스트 편집기에서 다시 저장하세요', line);
  }
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const match = FENCE.exec(source);
  if (!match) throw new FrontmatterError('파일 맨 앞에 --- 로 둘러싼 YAML 머리말(front matter)이 없습니다', 1);
  const doc = parseDocument(match[1], { schema: 'core', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    // +1 for the opening fence line.
    const line = err.linePos?.[0]?.line !== undefined ? err.linePos[0].line + 1 : undefined;
    throw new FrontmatterError(`YAML 문법 오류: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, line);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    // The yaml package refuses alias expansion past maxAliasCount ("billion laughs"); report, never crash the run.
    throw new FrontmatterError(`YAML을 읽을 수 없습니다: 별칭(*이름)을 너무 많이 펼칩니다 (${e instanceof Error ? e.message : String(e)})`, 2);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('머리말은 "이름: 값" 형태의 항목이어야 합니다', 2);
  }
  return { data: data as Record<string, unknown>, body: source.slice(match[0].length) };
}
