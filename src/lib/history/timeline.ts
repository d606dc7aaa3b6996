/**
 * A file's dated change list from its versions: the first version is "처음 게시",
 * every later version that changed a field adds an entry with its Korean lines.
 * Pure: the versions come from git-log.ts, the parser and schema from the caller.
 */
import type { z } from 'zod';
import { diffVersions, type Change, type Version } from './diff.ts';
import type { FileVersion, HistoryStatus } from './git-log.ts';

export interface HistoryEntry {
  /** `YYYY-MM-DD` (Asia/Seoul) of the commit. */
  date: string;
  commit: string;
  /** `created` = 처음 게시 (or 다시 게시 after a deletion). */
  kind: 'created' | 'changed';
  changes: Change[];
}

export interface EntryHistory {
  /** `ok`: full history; `shallow` / `unavailable`: only "first published" can be said; `untracked`: not committed yet. */
  status: HistoryStatus | 'untracked';
  /** Korean explanation when history is missing. */
  note?: string;
  /** Day of the first published version. */
  firstPublished?: string;
  /** Day of the last commit that touched the file (any change, even one without a field difference). */
  lastChanged?: string;
  /** Newest first. */
  entries: HistoryEntry[];
}

export interface TimelineOptions {
  schema: z.ZodObject;
  bodyLabel?: string;
  /** Parse a file's text into front matter and body; throwing marks that version unreadable. */
  parse: (text: string) => Version;
}

/** Build the history of one file from its versions (oldest first) and the blob texts. */
export function buildTimeline(versions: readonly FileVersion[], blobs: ReadonlyMap<string, string>, opts: TimelineOptions): EntryHistory {
  if (versions.length === 0) return { status: 'untracked', note: '아직 게시 이력이 없습니다 (커밋 전)', entries: [] };
  // A deletion ends a life; only the last life (after the last deletion) is the current entry's history.
  let startAt = 0;
  versions.forEach((v, i) => {
    if (!v.blob) startAt = i + 1;
  });
  const life = versions.slice(startAt);
  if (life.length === 0) return { status: 'untracked', note: '삭제된 항목입니다', entries: [] };

  const entries: HistoryEntry[] = [{ date: life[0].date, commit: life[0].commit, kind: 'created', changes: [] }];
  let previous: Version | undefined;
  for (let i = 0; i < life.length; i++) {
    const text = life[i].blob ? blobs.get(life[i].blob!) : undefined;
    let current: Version | undefined;
    if (text !== undefined) {
      try {
        current = opts.parse(text);
      } catch {
        current = undefined; // an unparsable version (never published: validation blocks it) is skipped
      }
    }
    if (i > 0 && previous && current) {
      const changes = diffVersions(opts.schema, previous, current, { bodyLabel: opts.bodyLabel });
      if (changes.length) entries.push({ date: life[i].date, commit: life[i].commit, kind: 'changed', changes });
    }
    if (current) previous = current;
  }
  return {
    status: 'ok',
    firstPublished: life[0].date,
    lastChanged: life[life.length - 1].date,
    entries: entries.reverse(),
  };
}

/** What a page can say when git history is not available (shallow clone, no repository). */
export function degradedHistory(status: 'shallow' | 'unavailable', note: string, firstPublished?: string): EntryHistory {
  return { status, note, ...(firstPublished ? { firstPublished } : {}), entries: [] };
}
