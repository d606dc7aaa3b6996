/**
 * "최종 수정일" of a content file: the day (Asia/Seoul) of the last commit that touched it,
 * read from the same single `git log` pass that program 변경 이력 uses (src/lib/history/load.ts).
 * Without usable history (shallow clone, no git, a file not committed yet) the file's
 * modification time stands in, so every page can still say when its content last changed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seoulDate } from '../lib/dates.ts';
import { contentGitHistory } from '../lib/history/load.ts';
import { contentRoot } from '../schemas/index.ts';

/** Answers per file for this build: list pages ask for the same thousands of files on every page. */
const known = new Map<string, string | undefined>();

/** Last-changed day of one file (`entry.filePath`), `YYYY-MM-DD`; undefined when the file is gone. */
export function lastUpdated(filePath: string | undefined): string | undefined {
  if (!filePath) return undefined;
  if (known.has(filePath)) return known.get(filePath);
  const day = lookUp(filePath);
  known.set(filePath, day);
  return day;
}

function lookUp(filePath: string): string | undefined {
  const path = resolve(filePath);
  const versions = contentGitHistory().files.get(path);
  const last = versions?.[versions.length - 1];
  if (last?.blob) return last.date;
  try {
    return seoulDate(statSync(path).mtime);
  } catch {
    return undefined;
  }
}

/** The newest last-changed day among several files (a list page changes when any of its entries does). */
export function newestUpdate(filePaths: Iterable<string | undefined>): string | undefined {
  let newest: string | undefined;
  for (const p of filePaths) {
    const d = lastUpdated(p);
    if (d && (!newest || d > newest)) newest = d;
  }
  return newest;
}

let siteWide: string | undefined;

/** The newest change anywhere in the content: what a page built from all of it (search, tools) shows. */
export function siteLastUpdated(): string | undefined {
  if (siteWide === undefined) {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) files.push(path);
      }
    };
    walk(resolve(contentRoot()));
    siteWide = newestUpdate(files) ?? '';
  }
  return siteWide || undefined;
}
