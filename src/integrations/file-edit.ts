/**
 * Rewriting a built file where it lies, through one descriptor: read it, then write an inserted
 * part and what follows it, or the whole new content. A page that only grows (a <meta> inserted)
 * is never truncated: on ext4 mounted with `discard` (cloud disks), `writeFileSync` over an existing
 * file truncates it first and frees its blocks, which cost ~0.22 ms a page (3 s for 14,000 pages
 * in the CSP step); editing in place costs ~0.03 ms.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

/** What to do with a file's bytes: insert `insert` at byte `at`, or replace the whole file. */
export type FileEdit = { at: number; insert: Buffer } | { replace: Buffer };

function readAll(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, read);
    if (n === 0) return bytes.subarray(0, read);
    read += n;
  }
  return bytes;
}

function writeAll(fd: number, data: Buffer, position: number): void {
  for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written, position + written);
}

/** Apply `edit` (given the file's bytes) to `file` in place. */
export function editFile(file: string, edit: (bytes: Buffer) => FileEdit): void {
  const fd = openSync(file, 'r+');
  try {
    const bytes = readAll(fd);
    const change = edit(bytes);
    if ('insert' in change) {
      if (change.at < 0 || change.at > bytes.length) throw new RangeError(`${file}: 끼워 넣을 위치 ${change.at}이(가) 파일 밖입니다 (${bytes.length}바이트)`);
      writeAll(fd, Buffer.concat([change.insert, bytes.subarray(change.at)]), change.at);
      return;
    }
    writeAll(fd, change.replace, 0);
    if (change.replace.length < bytes.length) ftruncateSync(fd, change.replace.length);
  } finally {
    closeSync(fd);
  }
}
