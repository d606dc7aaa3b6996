/**
 * The content gate: reads every file of every collection, checks it against the
 * same schemas Astro uses, then the cross-entry rules, and returns **all** problems
 * at once (Astro's own validation stops at the first one and names no line).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { SLUG_PATTERN } from '../../schemas/fields.ts';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import { checkEntry } from './check-entry.ts';
import { crossCheck, type ValidEntry } from './cross-checks.ts';
import { FrontmatterError, parseFrontmatter } from './frontmatter.ts';
import { sortProblems, type Problem } from './problem.ts';
import { titleWarnings } from './warnings.ts';

export interface ValidationResult {
  errors: Problem[];
  warnings: Problem[];
  /** Entries with no error of their own and no cross-entry error (what the build may render). */
  entries: ValidEntry[];
  /** Number of content files read. */
  files: number;
}

export interface ValidateOptions {
  /** Folder holding one sub-folder per collection (default `content`). */
  contentDir: string;
  /** Folder uploads are served from (default `public`). */
  publicDir: string;
  /** Paths in messages are relative to this folder (default: the working directory). */
  cwd?: string;
}

const IGNORED = new Set(['.gitkeep', '.DS_Store', 'Thumbs.db']);

/** Every file under `dir` (sorted); entries that cannot be read are returned as `unreadable`. */
function walk(dir: string, unreadable: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = join(dir, name);
    try {
      return statSync(full).isDirectory() ? walk(full, unreadable) : [full];
    } catch {
      // A dangling symlink or a file removed mid-run: report it, keep checking the rest.
      unreadable.push(full);
      return [];
    }
  });
}

/** A path as messages show it: relative to the working folder when inside it, absolute otherwise. */
function displayPath(cwd: string, full: string): string {
  const rel = relative(cwd, full);
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(full) : rel;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text, or undefined when it is not UTF-8 (e.g. saved as EUC-KR/CP949 by a Windows editor). */
function readUtf8(full: string): string | undefined {
  try {
    return UTF8.decode(readFileSync(full));
  } catch {
    return undefined;
  }
}

/** Advice for top-level entries of the content folder that are no collection (a misspelt folder publishes nothing). */
function strayEntries(contentDir: string, cwd: string): Problem[] {
  let names: string[];
  try {
    names = readdirSync(contentDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => !IGNORED.has(name) && !name.startsWith('.') && !(COLLECTION_NAMES as string[]).includes(name))
    .map((name) => ({
      file: displayPath(cwd, join(contentDir, name)),
      field: '(폴더)',
      message: `모음(collection)이 아니라서 게시되지 않습니다 (모음: ${COLLECTION_NAMES.join(', ')})`,
      severity: 'warning' as const,
    }));
}

/** Validate a whole content tree. */
export function validateContent(opts: ValidateOptions): ValidationResult {
  const cwd = opts.cwd ?? process.cwd();
  const errors: Problem[] = [];
  const entries: ValidEntry[] = [];
  const invalid: ValidEntry[] = [];
  let files = 0;
  const err = (file: string, field: string, message: string, value?: unknown) =>
    errors.push({ file, field, message, value, severity: 'error' });

  for (const collection of COLLECTION_NAMES) {
    const def = COLLECTIONS[collection];
    const dir = join(opts.contentDir, collection);
    const seen = new Map<string, string>();
    const unreadable: string[] = [];
    const found = walk(dir, unreadable).sort();
    for (const full of unreadable) err(displayPath(cwd, full), '(파일)', '파일을 읽을 수 없습니다 (깨진 바로가기/심볼릭 링크인지 확인하세요)');
    for (const full of found) {
      const name = full.slice(dir.length + 1);
      if (IGNORED.has(name.split('/').pop()!)) continue;
      const file = displayPath(cwd, full);
      files++;
      const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
      const slug = name.slice(0, name.length - ext.length - 1);
      if (ext === 'mdx' && def.cms) {
        err(file, '(파일)', `${def.label}은(는) CMS가 쓰는 모음이라 .mdx 를 쓸 수 없습니다 (MDX는 빌드 때 코드를 실행합니다). .md 로 바꾸세요`);
        continue;
      }
      if (ext !== 'md' && ext !== 'mdx') {
        err(file, '(파일)', `지원하지 않는 파일입니다: .md${def.cms ? '' : ' 또는 .mdx'} 만 쓸 수 있습니다`);
        continue;
      }
      if (name.includes('/')) {
        err(file, '(파일)', `하위 폴더는 쓸 수 없습니다: ${dir}/ 바로 아래에 두세요`);
        continue;
      }
      if (!SLUG_PATTERN.test(slug)) {
        err(file, '(파일명)', '파일명(주소)은 영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다 (예: 2018-water-week.md)', slug);
        continue;
      }
      const other = seen.get(slug.toLowerCase());
      if (other) {
        err(file, '(파일명)', `주소(슬러그)가 ${other} 와 겹칩니다: 파일명을 바꾸세요`, slug);
        continue;
      }
      seen.set(slug.toLowerCase(), file);
      const text = readUtf8(full);
      if (text === undefined) {
        err(file, '(파일)', 'UTF-8 텍스트가 아닙니다 (EUC-KR 등으로 저장된 파일은 UTF-8로 다시 저장하세요)');
        continue;
      }
      let parsed;
      try {
        parsed = parseFrontmatter(text);
      } catch (e) {
        if (!(e instanceof FrontmatterError)) throw e;
        err(e.line ? `${file}:${e.line}` : file, '(머리말)', e.message);
        continue;
      }
      const { value, problems } = checkEntry(file, def.schema, parsed.data);
      errors.push(...problems);
      const entry = { collection: collection as CollectionName, slug, file, data: value ?? parsed.data };
      // Entries with schema errors are still cross-checked (a dangling reference is reported in the
      // same run), but only valid ones are returned to the build.
      if (value && problems.length === 0) entries.push(entry);
      else invalid.push(entry);
    }
  }
  errors.push(...crossCheck([...entries, ...invalid], opts.publicDir));
  const warnings = [...strayEntries(opts.contentDir, cwd), ...titleWarnings(entries)];
  // Only entries without any error (their own or a cross-entry one) are handed on.
  const failed = new Set(errors.map((e) => e.file.replace(/:\d+$/, '')));
  const clean = entries.filter((e) => !failed.has(e.file));
  return { errors: sortProblems(errors), warnings: sortProblems(warnings), entries: clean, files };
}
