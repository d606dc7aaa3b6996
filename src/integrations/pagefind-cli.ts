/**
 * Pagefind's own command-line indexer, one process per shard of search documents. Each run reads
 * a folder, writes its index and exits, which gives its memory back, and several run side by side
 * (Pagefind's Node API keeps every index in one service process, whose memory comes back only when
 * it is closed, so the build indexed its shards there one after another). The binary is the one
 * the `pagefind` package installed, found the way that package finds it
 * (PAGEFIND_EXTENDED_BINARY_PATH / PAGEFIND_BINARY_PATH override it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { cleanedOnExit } from './exit-cleanup.ts';

const NAMES = ['pagefind_extended', 'pagefind'];

/** Where Pagefind's binary is (the extended build first, as Pagefind's Node API prefers it). */
export function pagefindBinary(env: Record<string, string | undefined> = process.env): string {
  for (const name of NAMES) {
    const path = env[`${name.toUpperCase()}_BINARY_PATH`]?.trim();
    if (path) return path;
  }
  const require = createRequire(import.meta.url);
  const os = platform() === 'win32' ? 'windows' : platform();
  const tried: string[] = [];
  for (const name of NAMES) {
    const id = `@pagefind/${os}-${env.npm_config_arch || arch()}/bin/${name}${os === 'windows' ? '.exe' : ''}`;
    try {
      return require.resolve(id);
    } catch {
      tried.push(id);
    }
  }
  throw new Error(`Pagefind 실행 파일을 찾지 못했습니다 (${tried.join(', ')}): npm install 을 다시 실행하세요`);
}

/** Pagefind processes still running, ended if this process exits first (an interrupted build). */
const running = cleanedOnExit<ChildProcess>((child) => child.kill('SIGKILL'));

/** The distinct lines of what Pagefind printed, shortened for an error message. */
function printed(output: string): string {
  const lines = [...new Set(output.split('\n').map((l) => l.trim()).filter(Boolean))];
  const text = lines.join(' / ');
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

export interface PagefindRun {
  /** Folder of HTML documents to index (Pagefind's `--site`). */
  site: string;
  /** Where the index goes. */
  outputPath: string;
  /** Working folder: Pagefind reads a `pagefind.yml`/`.toml`/`.json` there, so give it one without. */
  cwd: string;
  /** Index every page as this language (default `ko`). */
  language?: string;
}

/** Index one folder in a Pagefind process of its own; rejects with what Pagefind printed when it fails. */
export function runPagefind(run: PagefindRun): Promise<void> {
  const binary = pagefindBinary();
  return new Promise((resolve, reject) => {
    const args = ['--site', run.site, '--output-path', run.outputPath, '--force-language', run.language ?? 'ko', '--quiet'];
    const child = spawn(binary, args, { cwd: run.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', (error) => {
      running.delete(child);
      reject(new Error(`Pagefind 실행 실패 (${binary}): ${error.message}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`Pagefind가 ${run.site} 를 색인하지 못했습니다 (${signal ? `신호 ${signal}` : `종료 코드 ${code}`}): ${printed(output) || '출력 없음'}`));
    });
  });
}
