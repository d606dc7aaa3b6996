/**
 * `npm run bench:history [-- N]`: what 변경 이력 adds to a build at scale.
 * Makes a temporary git repository with N synthetic programs (default 10,000) in three
 * commits — all created; 10 % get their 신청기간 extended; 5 % get an attachment — then
 * times the build-time work (one `git log` + one `git cat-file --batch` + diffs of every
 * file) and prints the figures. A fourth commit touching every file shows the worst case.
 * Budget: under 5 s for 10,000 programs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGitHistory } from '../src/lib/history/git-log.ts';
import { buildTimeline } from '../src/lib/history/timeline.ts';
import { parseVersion } from '../src/lib/history/parse.ts';
import { COLLECTIONS, programSchema } from '../src/schemas/index.ts';

const N = Number(process.argv[2] ?? 10_000);
const BUDGET_MS = 5_000;
const dir = mkdtempSync(join(tmpdir(), 'bench-history-'));
const programs = join(dir, 'content', 'programs');
mkdirSync(programs, { recursive: true });

const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.kr', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.kr' };
const git = (args: string[], date: string) => execFileSync('git', args, { cwd: dir, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: 'pipe', maxBuffer: 1 << 30 });

function text(i: number, end: string, attachment: boolean, summary = `합성 프로그램 ${i} 개요`): string {
  return `---
title: 2018년 합성 프로그램 ${i}
business: bench-business-${i % 50}
company: bench-company-${i % 50}
summary: ${summary}
purpose: 중소기업 지원
field: 교육지원
audience: 전체 오픈
applyPeriod:
  start: 2018-05-01
  end: ${end}
supportPeriod:
  start: 2018-06-01
  end: 2018-12-31
regions: [전국]
contact:
  department: 상생협력팀
  phone: 02-368-8487
applyOnline: false
attachments:${attachment ? `\n  - file: /uploads/p${i}.pdf\n    title: 안내문 ${i}` : ' []'}
registeredAt: 2018-04-${String((i % 28) + 1).padStart(2, '0')}
---

본문 ${i}
`;
}

const file = (i: number) => join(programs, `program-${i}.md`);
let started = performance.now();
execFileSync('git', ['init', '-q'], { cwd: dir });
for (let i = 0; i < N; i++) writeFileSync(file(i), text(i, '2018-05-13', false));
git(['add', '-A'], '2018-05-01T09:00:00+09:00');
git(['commit', '-q', '-m', 'create'], '2018-05-01T09:00:00+09:00');
for (let i = 0; i < N; i += 10) writeFileSync(file(i), text(i, '2018-05-20', false));
git(['commit', '-q', '-am', 'extend'], '2018-05-10T09:00:00+09:00');
for (let i = 0; i < N; i += 20) writeFileSync(file(i), text(i, i % 10 === 0 ? '2018-05-20' : '2018-05-13', true));
git(['commit', '-q', '-am', 'attach'], '2018-05-12T09:00:00+09:00');
console.log(`[bench:history] 준비: 프로그램 ${N}개, 커밋 3개 (${((performance.now() - started) / 1000).toFixed(1)}s, 측정 제외)`);

function measure(label: string): number {
  const t0 = performance.now();
  const history = readGitHistory({ dir: programs });
  const t1 = performance.now();
  let lines = 0;
  let entries = 0;
  for (const versions of history.files.values()) {
    const t = buildTimeline(versions, history.blobs, { schema: programSchema, bodyLabel: COLLECTIONS.programs.bodyLabel, parse: parseVersion });
    entries += t.entries.length;
    for (const e of t.entries) lines += e.changes.length;
  }
  const t2 = performance.now();
  const total = t2 - t1 + (t1 - t0);
  console.log(`[bench:history] ${label}: 파일 ${history.files.size}개, 읽은 버전 ${history.blobs.size}개, 이력 ${entries}건, 변경 줄 ${lines}줄`);
  console.log(`[bench:history]   git 읽기 ${(t1 - t0).toFixed(0)}ms + 비교 ${(t2 - t1).toFixed(0)}ms = ${total.toFixed(0)}ms (예산 ${BUDGET_MS}ms) ${total < BUDGET_MS ? '통과' : '초과'}`);
  return total;
}

const typical = measure('일반 (10% 연장, 5% 첨부 추가)');
started = performance.now();
for (let i = 0; i < N; i++) writeFileSync(file(i), text(i, i % 10 === 0 ? '2018-05-20' : '2018-05-13', i % 20 === 0, `합성 프로그램 ${i} 개요 (개정)`));
git(['commit', '-q', '-am', 'touch all'], '2018-05-14T09:00:00+09:00');
const worst = measure('최악 (모든 파일이 한 번 더 바뀜)');
rmSync(dir, { recursive: true, force: true });
if (typical >= BUDGET_MS) {
  console.error(`[bench:history] 일반 경우가 예산 ${BUDGET_MS}ms 를 넘었습니다`);
  process.exit(1);
}
if (worst >= BUDGET_MS) console.warn('[bench:history] 최악의 경우는 예산을 넘습니다 (참고용)');
