/**
 * Build-time entry point: the git history of the whole content folder, read once per build
 * process (one `git log`, one `git cat-file --batch` for the programs that changed) and cached.
 * Program pages ask `programHistory(filePath, registeredAt)`; anything else that needs a file's
 * last commit (e.g. "최종 수정일") can read `contentGitHistory().files` from the same pass.
 */
import { resolve, sep } from 'node:path';
import { COLLECTIONS, contentRoot, programSchema } from '../../schemas/index.ts';
import { parseVersion } from './parse.ts';
import { readGitHistory, type GitHistory } from './git-log.ts';
import { buildTimeline, degradedHistory, type EntryHistory } from './timeline.ts';

let cache: GitHistory | undefined;

/** The git history of content/ (or CONTENT_ROOT), read once; blob texts only for programs. */
export function contentGitHistory(): GitHistory {
  if (!cache) {
    const programsDir = resolve(contentRoot(), 'programs') + sep;
    cache = readGitHistory({ dir: contentRoot(), blobsFor: (path) => path.startsWith(programsDir) });
  }
  return cache;
}

/**
 * History of one program file. `filePath` is the entry's file (relative to the working
 * directory, as Astro's `entry.filePath`); `registeredAt` is what can still be said
 * ("처음 게시") when git history is unavailable.
 */
export function programHistory(filePath: string, registeredAt?: string): EntryHistory {
  const git = contentGitHistory();
  if (git.status !== 'ok') return degradedHistory(git.status, git.reason ?? '', registeredAt);
  return buildTimeline(git.files.get(resolve(filePath)) ?? [], git.blobs, {
    schema: programSchema,
    bodyLabel: COLLECTIONS.programs.bodyLabel,
    parse: parseVersion,
  });
}
