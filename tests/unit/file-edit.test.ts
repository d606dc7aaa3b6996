/** Editing built files in place (src/integrations/file-edit.ts), as the CSP step does to every page. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editFile } from '../../src/integrations/file-edit.ts';

const dirs: string[] = [];
function fileWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'file-edit-'));
  dirs.push(dir);
  const file = join(dir, 'index.html');
  writeFileSync(file, text);
  return file;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('editFile', () => {
  it('inserts bytes at a byte offset, keeping what was before and after (Hangul included)', () => {
    const file = fileWith('<head><title>상생누리</title></head><body>협력</body>');
    const meta = Buffer.from('<meta name="정책" content="ok">');
    let seen = '';
    editFile(file, (bytes) => {
      seen = bytes.toString('utf8');
      return { at: bytes.indexOf('<title>'), insert: meta };
    });
    expect(seen).toBe('<head><title>상생누리</title></head><body>협력</body>');
    expect(readFileSync(file, 'utf8')).toBe('<head><meta name="정책" content="ok"><title>상생누리</title></head><body>협력</body>');
  });

  it('inserts at the very start and at the very end', () => {
    const file = fileWith('가나다');
    editFile(file, () => ({ at: 0, insert: Buffer.from('<') }));
    editFile(file, (bytes) => ({ at: bytes.length, insert: Buffer.from('>') }));
    expect(readFileSync(file, 'utf8')).toBe('<가나다>');
  });

  it('replaces the whole file, shorter or longer, leaving no old bytes behind', () => {
    const file = fileWith('<meta content="긴 정책 문자열">본문');
    editFile(file, () => ({ replace: Buffer.from('<meta content="짧음">본문') }));
    expect(readFileSync(file, 'utf8')).toBe('<meta content="짧음">본문');
    expect(statSync(file).size).toBe(Buffer.byteLength('<meta content="짧음">본문'));
    editFile(file, () => ({ replace: Buffer.from('<meta content="훨씬 더 긴 정책 문자열">본문') }));
    expect(readFileSync(file, 'utf8')).toBe('<meta content="훨씬 더 긴 정책 문자열">본문');
  });

  it('refuses an offset outside the file and leaves the file as it was', () => {
    const file = fileWith('abc');
    expect(() => editFile(file, () => ({ at: 4, insert: Buffer.from('x') }))).toThrow(/파일 밖/);
    expect(readFileSync(file, 'utf8')).toBe('abc');
  });

  it('names the file when it cannot be opened', () => {
    expect(() => editFile('/nonexistent/없는/index.html', () => ({ replace: Buffer.from('') }))).toThrow(/없는\/index\.html/);
  });
});
