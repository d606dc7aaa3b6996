/**
 * Read the git history of a content folder in ONE pass: a single `git log --raw` over the
 * folder gives, for every commit on the first-parent (published) line, which files changed
 * and their blob ids; a single `git cat-file --batch` then reads the contents of only the
 * files that changed more than once. No process per file, so 10,000 programs cost two
 * processes. Shallow clones and folders outside a git repository are reported, never thrown.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { seoulDate } from '../dates.ts';

/** One version of one file as a commit left it. */
export interface FileVersion {
  commit: string;
  /** Commit time in seconds since the epoch. */
  time: number;
  /** The commit's calendar day in Asia/Seoul, `YYYY-MM-DD`. */
  date: string;
  /** Blob id of the file after the commit; undefined when the commit deleted it. */
  blob?: string;
}

export type HistoryStatus = 'ok' | 'shallow' | 'unavailable';

export interface GitHistory {
  status: HistoryStatus;
  /** Why history is missing (Korean, for the page). */
  reason?: string;
  /** Absolute file path → versions, oldest first. Renames carry the history over. */
  files: Map<string, FileVersion[]>;
  /** Blob contents for files with more than one version (blob id → text). */
  blobs: Map<string, string>;
}

export interface ReadOptions {
  /** The folder whose files' history is read, e.g. `content/programs`. */
  dir: string;
  /** Working directory (default: process.cwd()). */
  cwd?: string;
  /** Read blob contents of files with 2+ versions (default true). */
  readBlobs?: boolean;
  /** Only read blobs of the files this accepts (absolute paths); default all. */
  blobsFor?: (path: string) => boolean;
}

const MAX_BUFFER = 1 << 30;
const ZERO = /^0+$/;

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd, input, maxBuffer: MAX_BUFFER, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Parse the output of `git log --format=%x1e%H %ct --raw --no-abbrev -M -z`, newest commit first. */
export function parseRawLog(output: string): { commit: string; time: number; changes: { status: string; blob: string; path: string; from?: string }[] }[] {
  const commits = [];
  for (const chunk of output.split('\x1e')) {
    if (!chunk) continue;
    const headerEnd = chunk.indexOf('\0');
    const header = headerEnd < 0 ? chunk : chunk.slice(0, headerEnd);
    const [commit, time] = header.trim().split(' ');
    const tokens = headerEnd < 0 ? [] : chunk.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    const changes = [];
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i];
      if (!meta.startsWith(':')) continue;
      const [, , , blob, status] = meta.slice(1).split(' ');
      if (status.startsWith('R') || status.startsWith('C')) {
        changes.push({ status: status[0], blob, from: tokens[i + 1], path: tokens[i + 2] });
        i += 2;
      } else {
        changes.push({ status: status[0], blob, path: tokens[i + 1] });
        i += 1;
      }
    }
    commits.push({ commit, time: Number(time), changes });
  }
  return commits;
}

/**
 * Parse `git cat-file --batch` output for the given ids in order. Works on bytes, because
 * the sizes it reports are byte counts and Korean text is multi-byte in UTF-8.
 */
export function parseCatFileBatch(output: Buffer, ids: readonly string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  let pos = 0;
  for (const id of ids) {
    const lineEnd = output.indexOf(0x0a, pos);
    if (lineEnd < 0) break;
    const header = output.subarray(pos, lineEnd).toString('utf8');
    pos = lineEnd + 1;
    const parts = header.split(' ');
    if (parts[1] === 'missing' || parts.length < 3) continue;
    const size = Number(parts[2]);
    blobs.set(id, output.subarray(pos, pos + size).toString('utf8'));
    pos += size + 1; // content is followed by a newline
  }
  return blobs;
}

function unavailable(reason: string): GitHistory {
  return { status: 'unavailable', reason, files: new Map(), blobs: new Map() };
}

/** Read the history of every file under `dir`. Never throws. */
export function readGitHistory(opts: ReadOptions): GitHistory {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const dir = resolve(cwd, opts.dir);
  let root: string;
  let shallow: boolean;
  try {
    const [top, isShallow] = git(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository']).trim().split('\n');
    root = resolve(top);
    shallow = isShallow === 'true';
  } catch {
    return unavailable('git 저장소가 아닌 곳에서 빌드되어 변경 이력을 알 수 없습니다');
  }
  if (shallow) {
    return { status: 'shallow', reason: '이 빌드는 git 이력의 일부만 받은 복제본(shallow clone)에서 만들어져 변경 이력을 보여 줄 수 없습니다', files: new Map(), blobs: new Map() };
  }
  const pathspec = relative(root, dir).split(sep).join('/') || '.';
  let output: string;
  try {
    output = git(root, ['log', '--first-parent', '--diff-merges=first-parent', '--format=%x1e%H %ct', '--raw', '--no-abbrev', '-M', '-z', '--', pathspec]);
  } catch {
    // e.g. a repository without any commit yet.
    return unavailable('아직 커밋되지 않아 변경 이력이 없습니다');
  }

  const files = new Map<string, FileVersion[]>();
  const commits = parseRawLog(output).reverse(); // oldest first
  for (const c of commits) {
    const date = seoulDate(new Date(c.time * 1000));
    for (const change of c.changes) {
      const path = resolve(root, change.path);
      let versions = files.get(path);
      if (change.from !== undefined) {
        const from = resolve(root, change.from);
        versions = files.get(from) ?? versions;
        if (change.status === 'R') files.delete(from);
        else if (versions) versions = [...versions];
      }
      if (!versions) versions = [];
      versions.push({ commit: c.commit, time: c.time, date, ...(change.status === 'D' || ZERO.test(change.blob) ? {} : { blob: change.blob }) });
      files.set(path, versions);
    }
  }

  const blobs = new Map<string, string>();
  if (opts.readBlobs !== false) {
    const wanted: string[] = [];
    for (const [path, versions] of files) {
      if (versions.length < 2 || (opts.blobsFor && !opts.blobsFor(path))) continue;
      for (const v of versions) if (v.blob) wanted.push(v.blob);
    }
    const ids = [...new Set(wanted)];
    if (ids.length > 0) {
      const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: `${ids.join('\n')}\n`, maxBuffer: MAX_BUFFER });
      for (const [id, text] of parseCatFileBatch(out, ids)) blobs.set(id, text);
    }
  }
  return { status: 'ok', files, blobs };
}
