/**
 * The scale corpus (npm run corpus): the same seed writes the same files, the output passes
 * the content gate with zero errors, and it varies the way real programs do.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/bench/corpus-entries.ts';
import { assertSafeRoot, toMarkdown } from '../../scripts/lib/bench/corpus-writer.ts';
import { AUDIENCES, FIELDS } from '../../src/schemas/choices.ts';
import { parseFrontmatter } from '../../src/lib/validation/frontmatter.ts';
import { validateContent } from '../../src/lib/validation/validate-content.ts';
import { programStatus } from '../../src/lib/status.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'corpus-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runGenerator(dir: string, args: string[]): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, ['scripts/generate-corpus.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_ROOT: dir, SITE_NOW: '' },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** path → sha256 of every file under dir. */
function treeHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('npm run corpus', () => {
  const a = join(scratch, 'a');
  const b = join(scratch, 'b');
  const c = join(scratch, 'c');

  it('writes byte-identical trees for the same seed and a different one for another seed', () => {
    for (const [dir, seed] of [[a, '8'], [b, '8'], [c, '9']]) {
      const run = runGenerator(dir, ['--programs', '60', '--seed', seed, '--site-now', '2018-05-10']);
      expect(run.status, run.out).toBe(0);
      expect(run.out).toContain('검사 통과');
    }
    // .corpus.json names its own folder; everything else must match byte for byte.
    const ha = treeHashes(a);
    const hb = treeHashes(b);
    ha.delete('.corpus.json');
    hb.delete('.corpus.json');
    expect(ha.size).toBeGreaterThan(60);
    expect([...ha.entries()]).toEqual([...hb.entries()]);
    const hc = treeHashes(c);
    const programA = ha.get('programs/p00001.md');
    expect(programA).toBeDefined();
    expect(hc.get('programs/p00001.md')).not.toBe(programA);
  });

  it('passes the same content gate as the build, with its uploads in its own public folder', () => {
    const result = validateContent({ contentDir: a, publicDir: join(a, '.public') });
    expect(result.errors.map((e) => `${e.file}: ${e.field} ${e.message}`)).toEqual([]);
    // Only 프로그램명 advice, never a complaint about the corpus layout itself.
    expect(result.warnings.filter((w) => w.field !== 'title')).toEqual([]);
    expect(result.entries.filter((e) => e.collection === 'programs')).toHaveLength(60);
    const manifest = JSON.parse(readFileSync(join(a, '.corpus.json'), 'utf8'));
    expect(manifest.env).toEqual({ CONTENT_ROOT: a, PUBLIC_DIR: join(a, '.public'), SITE_NOW: '2018-05-10' });
    // Without its public folder the attachments are missing: the gate really looked at them.
    const without = validateContent({ contentDir: a, publicDir: join(scratch, 'no-public') });
    expect(without.errors.some((e) => e.field.startsWith('attachments.'))).toBe(true);
  });

  it('refuses the shipped content folder and a folder that is not a corpus', () => {
    const run = runGenerator(join(ROOT, 'content'), ['--programs', '5']);
    expect(run.status).toBe(2);
    expect(run.out).toContain('별도 폴더');
    const foreign = join(scratch, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'do not delete');
    expect(() => assertSafeRoot(foreign, ROOT, join(ROOT, 'content'))).toThrow(/\.corpus\.json/);
    expect(readFileSync(join(foreign, 'keep.txt'), 'utf8')).toBe('do not delete');
  });
});

describe('generated programs', () => {
  const corpus = generateCorpus({ programs: 400, seed: 'unit', siteNow: '2018-05-10' });
  const programs = corpus.entries.filter((e) => e.collection === 'programs');

  it('cover every 지원분야, 지원대상 and 진행단계 around SITE_NOW', () => {
    expect(new Set(programs.map((p) => p.data.field))).toEqual(new Set(FIELDS));
    expect(new Set(programs.map((p) => p.data.audience))).toEqual(new Set(AUDIENCES));
    const statuses = programs.map((p) => programStatus(p.data.applyPeriod as never, p.data.supportPeriod as never, '2018-05-10'));
    for (const s of ['예정', '모집중', '진행중', '종료']) expect(statuses.filter((x) => x === s).length, s).toBeGreaterThan(5);
    const open = programs.filter((p) => p.data.audience === '전체 오픈').length / programs.length;
    expect(open).toBeGreaterThan(0.5);
    expect(open).toBeLessThan(0.72);
    expect(programs.some((p) => (p.data.regions as string[])[0] === '전국')).toBe(true);
    expect(programs.some((p) => (p.data.regions as string[]).length > 1)).toBe(true);
    expect(programs.every((p) => String(p.data.registeredAt) <= '2018-05-10')).toBe(true);
  });

  it('carry Korean bodies of notice length with particles agreeing with the word before them', () => {
    const lengths = programs.map((p) => p.body.length).sort((x, y) => x - y);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeGreaterThan(800);
    const text = programs.map((p) => `${p.data.summary} ${p.body}`).join('\n');
    for (const word of ['상생협력', '협력사', '중소기업의', '지원합니다']) expect(text).toContain(word);
    // 을/를 follow the last syllable: never "강화을" or "경쟁력를".
    expect(text).toMatch(/강화를 /);
    expect(text).not.toMatch(/[화대보]을 |[력업량]를 /);
  });

  it('spread programs over businesses of the same company', () => {
    const businesses = new Map(corpus.entries.filter((e) => e.collection === 'businesses').map((e) => [e.slug, e.data.company]));
    for (const p of programs) expect(businesses.get(p.data.business as string)).toBe(p.data.company);
    const perBusiness = new Map<string, number>();
    for (const p of programs) perBusiness.set(p.data.business as string, (perBusiness.get(p.data.business as string) ?? 0) + 1);
    expect(perBusiness.size).toBe(businesses.size);
    expect(Math.max(...perBusiness.values())).toBeGreaterThan(3);
  });

  it('write attachments that are real PDF and PNG files', () => {
    const pdf = corpus.files.find((f) => f.path.endsWith('.pdf'))!;
    const png = corpus.files.find((f) => f.path.endsWith('.png'))!;
    const pdfText = pdf.bytes.toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(pdfText)![1]);
    expect(pdfText.slice(xref, xref + 4)).toBe('xref');
    const firstObject = Number(/\n0000000000 65535 f \n(\d{10})/.exec(pdfText)![1]);
    expect(pdfText.slice(firstObject, firstObject + 7)).toBe('1 0 obj');
    // PNG: IHDR size and an IDAT that inflates to height × (1 + 3 × width) bytes.
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    const idatLength = png.bytes.readUInt32BE(33);
    expect(png.bytes.toString('latin1', 37, 41)).toBe('IDAT');
    expect(inflateSync(png.bytes.subarray(41, 41 + idatLength)).length).toBe(height * (1 + 3 * width));
  });

  it('serialise front matter that parses back to the same data, dates as text', () => {
    const p = programs[0];
    const md = toMarkdown(p.data, p.body);
    expect(md).toMatch(/start: "\d{4}-\d{2}-\d{2}"/);
    const parsed = parseFrontmatter(md);
    expect(parsed.data).toEqual(p.data);
    expect(parsed.body.trim()).toBe(p.body.trim());
  });
});
