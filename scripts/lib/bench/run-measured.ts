/**
 * Run a command and measure it: wall time, the peak resident memory of its whole process
 * tree (sampled from /proc every 100 ms, summed over every descendant, so a build that
 * spawns validate, astro and pagefind is counted as the machine sees it), and every output
 * line with the moment it arrived (phase timings are read from those).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TimedLine {
  /** Milliseconds since the command started. */
  at: number;
  text: string;
}

export interface MeasuredRun {
  code: number | null;
  ms: number;
  /** Peak summed RSS of the process tree, in bytes (0 where /proc is missing). */
  peakRss: number;
  /**
   * CPU seconds (user + system) of the command and every descendant it waited for, from
   * /usr/bin/time (undefined without it). Unlike wall time it hardly moves when other
   * processes compete for the cores.
   */
  cpuSeconds?: number;
  lines: TimedLine[];
}

const PAGE_SIZE = 4096;
const GNU_TIME = '/usr/bin/time';

/** Sum of RSS over `root` and all its descendants. */
export function treeRss(root: number): number {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the parenthesised command name (which may contain spaces).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * PAGE_SIZE);
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Run `command args` with `env`; `echo` mirrors the output to this process's stderr. */
export function runMeasured(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; echo?: boolean }): Promise<MeasuredRun> {
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const timeDir = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'bench-time-')) : undefined;
    const timeFile = timeDir ? join(timeDir, 'time.txt') : undefined;
    const [cmd, argv] = timeFile ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
    const child = spawn(cmd, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: TimedLine[] = [];
    let peakRss = 0;
    const sample = () => {
      if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    const collect = (stream: NodeJS.ReadableStream) => {
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        if (opts.echo) process.stderr.write(chunk);
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          lines.push({ at: performance.now() - started, text: buffer.slice(0, nl).replace(ANSI, '') });
          buffer = buffer.slice(nl + 1);
        }
      });
      stream.on('end', () => {
        if (buffer) lines.push({ at: performance.now() - started, text: buffer.replace(ANSI, '') });
      });
    };
    collect(child.stdout!);
    collect(child.stderr!);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      let cpuSeconds: number | undefined;
      if (timeFile && timeDir) {
        try {
          // The last line is "user system"; a line before it may say "Command exited with non-zero status".
          const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
          const [user, system] = last.split(' ').map(Number);
          if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user + system;
        } catch {
          /* no figure */
        }
        rmSync(timeDir, { recursive: true, force: true });
      }
      resolveRun({ code, ms: performance.now() - started, peakRss, lines, cpuSeconds });
    });
    sample();
  });
}
