/**
 * Hostile input: every file under tests/fixtures/hostile/content/ is dropped into a copy of the
 * valid base tree, the whole tree is validated in one run, and each file must produce
 * exactly the errors its `# expect: <field>[, <field>]` line names (`none`: no error).
 * Generated at test time: a 5 MB front-matter string.
 */
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/validation/problem.ts';
import type { ValidationResult } from '../../src/lib/validation/validate-content.ts';
import { makeTree, type Tree } from '../fixtures/validation-base/tree.ts';

const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');

function hostileFiles(): { file: string; expect: string[] }[] {
  const out: { file: string; expect: string[] }[] = [];
  for (const collection of readdirSync(join(HOSTILE, 'content'))) {
    for (const name of readdirSync(join(HOSTILE, 'content', collection))) {
      const text = readFileSync(join(HOSTILE, 'content', collection, name), 'utf8');
      const m = /^# expect: (.+)$/m.exec(text);
      if (!m) throw new Error(`${collection}/${name} has no "# expect:" line`);
      const fields = m[1].trim() === 'none' ? [] : m[1].split(',').map((f) => f.trim());
      out.push({ file: `content/${collection}/${name}`, expect: fields });
    }
  }
  return out;
}

const FILES = hostileFiles();
const HUGE = 'content/programs/five-megabyte-summary.md';
let tree: Tree;
let result: ValidationResult;
let ms: number;

beforeAll(() => {
  tree = makeTree();
  cpSync(HOSTILE, tree.root, { recursive: true });
  const program = readFileSync(join(tree.root, 'content/programs/2018-testbed.md'), 'utf8');
  tree.write(HUGE, program.replace(/^summary: .*$/m, `summary: "${'가나다라마바사아자차'.repeat(524_288)}"`));
  const started = performance.now();
  result = tree.validate();
  ms = performance.now() - started;
});
afterAll(() => tree.cleanup());

/** Error fields of one file (a `file:line` location counts as the file). */
function fieldsOf(file: string): string[] {
  return result.errors.filter((e) => e.file.replace(/:\d+$/, '') === file).map((e) => e.field).sort();
}

describe('hostile content files', () => {
  it('there are at least 25 bad files, each declaring the field its error must name', () => {
    expect(FILES.filter((f) => f.expect.length > 0).length).toBeGreaterThanOrEqual(25);
  });

  for (const { file, expect: fields } of FILES) {
    it(`${file} → ${fields.length ? fields.join(', ') : 'no error'}`, () => {
      expect(fieldsOf(file)).toEqual([...fields].sort());
    });
  }

  it('no error falls on the valid base entries, and every error belongs to a hostile file', () => {
    const hostile = new Set([...FILES.map((f) => f.file), HUGE]);
    const stray = result.errors.filter((e) => !hostile.has(e.file.replace(/:\d+$/, '')));
    expect(stray.map(formatProblem)).toEqual([]);
  });

  it('a 5 MB front-matter string is one short error line on its field, found quickly', () => {
    const errors = result.errors.filter((e) => e.file === HUGE);
    expect(errors.map((e) => e.field)).toEqual(['summary']);
    const line = formatProblem(errors[0]);
    expect(line.length).toBeLessThan(300);
    expect(line).toContain('(5,242,880자)');
    expect(line).toContain('200자 이내로 입력하세요 (지금 5242880자)');
    expect(ms).toBeLessThan(10_000);
  });

  it('mixed NFC/NFD Hangul in a title is normalised to NFC, not rejected', () => {
    const entry = result.entries.find((e) => e.slug === 'mixed-nfc-nfd-title');
    expect(entry).toBeDefined();
    const title = entry!.data.title as string;
    expect(title).toBe('2018년 상생협력 TEST-BED 사업');
    expect(title.normalize('NFC')).toBe(title);
    const raw = readFileSync(join(HOSTILE, 'content/programs/mixed-nfc-nfd-title.md'), 'utf8');
    expect(raw.normalize('NFC')).not.toBe(raw);
  });

  it('invisible characters are shown as code points in the error line', () => {
    const zw = result.errors.find((e) => e.file === 'content/programs/zero\u200bwidth-slug.md')!;
    expect(formatProblem(zw)).toContain('"zero\\u200Bwidth-slug"');
    const ref = result.errors.find((e) => e.file === 'content/programs/zero-width-reference.md')!;
    expect(formatProblem(ref)).toContain('"komipo\\u200B-testbed"');
  });

  it('NUL bytes and YAML errors are located by line', () => {
    const nul = result.errors.find((e) => e.file.startsWith('content/programs/nul-byte.md'))!;
    expect(nul.file).toMatch(/:\d+$/);
    expect(nul.message).toContain('NUL');
    const broken = result.errors.find((e) => e.file.startsWith('content/programs/broken-yaml.md'))!;
    expect(broken.file).toMatch(/:\d+$/);
  });

  it('no hostile file reaches the entries the build renders', () => {
    const rendered = new Set(result.entries.map((e) => e.file));
    for (const { file, expect: fields } of FILES) if (fields.length) expect(rendered.has(file), file).toBe(false);
    expect(relative(tree.root, tree.root)).toBe('');
  });
});
