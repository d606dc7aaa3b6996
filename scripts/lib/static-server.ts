/**
 * A minimal static file server over a built site, for tests and benchmarks: directory URLs
 * serve index.html, misses serve 404.html with status 404, and with `gzip` it compresses text
 * responses the way a static host does (so transferred bytes can be measured).
 */
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ics': 'text/calendar; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
  '.wasm': 'application/wasm', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_filter': 'application/octet-stream',
};
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json|wasm)|image\/svg)/;

function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  for (const candidate of [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean}.html`)]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* try the next candidate */
    }
  }
  return undefined;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `root` on 127.0.0.1 at a free port. */
export async function serveStatic(root: string, opts: { gzip?: boolean } = {}): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const found = resolveFile(root, req.url ?? '/');
    const file = found ?? resolveFile(root, '/404.html');
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES['.html'] }).end('Not found');
      return;
    }
    const status = found ? 200 : 404;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (opts.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(readFileSync(file), { level: 6 });
      res.writeHead(status, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    res.writeHead(status, { 'content-type': type, 'content-length': statSync(file).size, ...(opts.gzip ? { 'cache-control': 'no-store' } : {}) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/**
 * Serve `root` from a process of its own (for benchmarks: a server sharing the event loop
 * of the code driving the browser answers late whenever that code is busy, and a real
 * host is another machine). Same behaviour as `serveStatic`.
 */
export async function serveStaticProcess(root: string, opts: { gzip?: boolean } = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), root, ...(opts.gzip ? ['--gzip'] : [])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const line = /^(http:\/\/\S+)\n/m.exec(out);
      if (line) ok(line[1]);
    });
    child.once('exit', (code) => fail(new Error(`정적 서버가 시작하지 못했습니다 (종료 코드 ${code})`)));
  });
  return {
    url,
    close: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill();
      }),
  };
}

// `node scripts/lib/static-server.ts <root> [--gzip]`: serve and print the URL.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root, flag] = process.argv.slice(2);
  const server = await serveStatic(root, { gzip: flag === '--gzip' });
  process.stdout.write(`${server.url}\n`);
  // Gone with the process that started it (its end of stdin closes).
  process.stdin.resume();
  process.stdin.once('end', () => process.exit(0));
}
