/**
 * 변경 이력 from a real git repository made in a temp dir: three commits to one program
 * (created, deadline extended, attachment added) give exactly two change lines; a shallow
 * clone of it degrades to "처음 게시" without an error; a folder outside git too.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHistory } from '../../src/lib/history/git-log.ts';
import { buildTimeline, degradedHistory } from '../../src/lib/history/timeline.ts';
import { parseVersion } from '../../src/lib/history/parse.ts';
import { programSchema } from '../../src/schemas/index.ts';

function programText(opts: { end: string; attachments?: { file: string; title: string }[]; summary?: string }): string {
  const attachments = opts.attachments?.length
    ? `attachments:\n${opts.attachments.map((a) => `  - file: ${a.file}\n    title: ${a.title}\n`).join('')}`
    : 'attachments: []\n';
  return `---
title: 싱가포르 국제 물주간(Singapore International Water Week) 참여 기업 공모
business: overseas-expo
company: kwater
summary: ${opts.summary ?? '싱가포르 국제 물주간 한국관 참가 중소기업 모집'}
purpose: 물산업 중소기업의 해외 판로 개척
field: 판로지원
audience: 전체 오픈
applyPeriod:
  start: 2018-05-03
  end: ${opts.end}
supportPeriod:
  start: 2018-07-08
  end: 2018-07-12
regions: [전국]
contact:
  department: 해외사업처
  phone: 042-629-3114
applyOnline: false
${attachments}registeredAt: 2018-05-03
---

공모 안내 본문.
`;
}

const TIMELINE = { schema: programSchema, bodyLabel: '지원내용', parse: parseVersion };
let dir: string;
let repo: string;
const file = () => join(repo, 'content', 'programs', 'siww-2018.md');

function git(cwd: string, args: string[], date?: string): string {
  return execFileSync('git', args, {
    cwd, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'editor', GIT_AUTHOR_EMAIL: 'e@example.kr', GIT_COMMITTER_NAME: 'editor', GIT_COMMITTER_EMAIL: 'e@example.kr', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'history-git-'));
  repo = join(dir, 'repo');
  mkdirSync(join(repo, 'content', 'programs'), { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  writeFileSync(file(), programText({ end: '2018-05-13' }));
  writeFileSync(join(repo, 'content', 'programs', 'other.md'), programText({ end: '2018-06-01' }));
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', '프로그램 등록'], '2018-05-03T10:00:00+09:00');
  writeFileSync(file(), programText({ end: '2018-05-20' }));
  git(repo, ['commit', '-q', '-am', '신청기간 연장'], '2018-05-12T23:30:00+09:00');
  writeFileSync(file(), programText({ end: '2018-05-20', attachments: [{ file: '/uploads/siww-2018-guide.pdf', title: '참가 안내서' }] }));
  git(repo, ['commit', '-q', '-am', '첨부문서 추가'], '2018-05-14T09:00:00+09:00');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('history from a fixture repository', () => {
  it('three commits to one program yield exactly the two change lines, dated in Asia/Seoul', () => {
    const history = readGitHistory({ dir: join(repo, 'content', 'programs') });
    expect(history.status).toBe('ok');
    const timeline = buildTimeline(history.files.get(file())!, history.blobs, TIMELINE);
    const lines = timeline.entries.flatMap((e) => e.changes.map((c) => c.text));
    expect(lines).toEqual(['첨부문서 추가', '신청기간 마감 2018-05-13 → 2018-05-20 (연장)']);
    expect(timeline.entries.map((e) => [e.date, e.kind])).toEqual([
      ['2018-05-14', 'changed'], ['2018-05-12', 'changed'], ['2018-05-03', 'created'],
    ]);
    expect(timeline.entries[0].changes[0].detail).toBe('참가 안내서');
    expect(timeline.firstPublished).toBe('2018-05-03');
    expect(timeline.lastChanged).toBe('2018-05-14');
  });

  it('an untouched file has only its first publication and no blob was read for it', () => {
    const history = readGitHistory({ dir: join(repo, 'content', 'programs') });
    const other = history.files.get(join(repo, 'content', 'programs', 'other.md'))!;
    expect(other).toHaveLength(1);
    expect(history.blobs.has(other[0].blob!)).toBe(false);
    const timeline = buildTimeline(other, history.blobs, TIMELINE);
    expect(timeline.entries).toEqual([{ date: '2018-05-03', commit: other[0].commit, kind: 'created', changes: [] }]);
  });

  it('follows a renamed file (slug change) and keeps its history', () => {
    const copy = join(dir, 'renamed');
    git(dir, ['clone', '-q', repo, copy]);
    renameSync(join(copy, 'content', 'programs', 'siww-2018.md'), join(copy, 'content', 'programs', 'siww.md'));
    git(copy, ['add', '-A']);
    git(copy, ['commit', '-q', '-m', 'rename'], '2018-05-15T09:00:00+09:00');
    const history = readGitHistory({ dir: join(copy, 'content', 'programs') });
    const timeline = buildTimeline(history.files.get(join(copy, 'content', 'programs', 'siww.md'))!, history.blobs, TIMELINE);
    expect(timeline.entries.flatMap((e) => e.changes.map((c) => c.text))).toEqual(['첨부문서 추가', '신청기간 마감 2018-05-13 → 2018-05-20 (연장)']);
    expect(timeline.firstPublished).toBe('2018-05-03');
    expect(timeline.lastChanged).toBe('2018-05-15');
  });

  it('a shallow clone reports itself and degrades to "처음 게시" without throwing', () => {
    const shallow = join(dir, 'shallow');
    git(dir, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const history = readGitHistory({ dir: join(shallow, 'content', 'programs') });
    expect(history.status).toBe('shallow');
    expect(history.reason).toContain('shallow clone');
    const degraded = degradedHistory('shallow', history.reason!, '2018-05-03');
    expect(degraded).toMatchObject({ status: 'shallow', firstPublished: '2018-05-03', entries: [] });
  });

  it('a folder outside any repository is "unavailable", not an error', () => {
    const loose = join(dir, 'loose');
    mkdirSync(loose);
    // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp dir.
    const before = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = dir;
    try {
      expect(readGitHistory({ dir: loose }).status).toBe('unavailable');
    } finally {
      if (before === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = before;
    }
  });
});
