/** A throwaway site folder for tests of build steps: write files by site path, removed after the suite. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

export interface TempSite {
  dir: string;
  /** Write `data` at `path` (relative to the site), creating its folders. */
  write(path: string, data: string | Buffer): void;
}

/** Make a temporary site folder (name starting with `prefix`) removed when the calling suite ends. */
export function tempSite(prefix: string): TempSite {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(path, data) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    },
  };
}
