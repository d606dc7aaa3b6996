/**
 * The search tap: during `astro build`, every page Astro renders is handed (by
 * src/middleware.ts) to a worker thread that prepares its search document and feeds
 * Pagefind, so indexing runs beside page rendering instead of after it. When the build
 * is done only Pagefind's writing of the index is left.
 */
import { Worker } from 'node:worker_threads';
import type { SearchIndexOptions, SearchIndexReport } from './pagefind-index.ts';
import type { TapReply, TapRequest } from './search-tap-worker.ts';

/** Where src/middleware.ts finds the tap (a global: the middleware runs in Astro's page bundle). */
export const SEARCH_TAP_KEY = Symbol.for('sangsaengnuri.searchTap');

type TapFunction = (pathname: string, html: string) => void;

/** The built file of a page path: `/programs/x/` → `programs/x/index.html`, `/404` → `404.html`. */
export function builtFileOf(pathname: string): string {
  let path = pathname.replace(/^\/+/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the path as it came
  }
  if (path === '') return 'index.html';
  if (path.endsWith('.html')) return path;
  const bare = path.replace(/\/+$/, '');
  return /^(?:404|500)$/.test(bare) ? `${bare}.html` : `${bare}/index.html`;
}

export interface SearchTap {
  /** Pages handed over so far. */
  readonly pages: number;
  /** Wait until Pagefind has read every page handed over. */
  finish(): Promise<void>;
  /** Write the index and report. */
  write(): Promise<SearchIndexReport>;
  /** Stop Pagefind and the worker; unregister the tap. */
  close(): Promise<void>;
}

/** Start the worker and register the tap for the middleware. */
export function startSearchTap(opts: SearchIndexOptions): SearchTap {
  const worker = new Worker(new URL('./search-tap-worker.ts', import.meta.url), { workerData: opts });
  // A failed build must not wait for the worker.
  worker.unref();
  let nextId = 0;
  let pages = 0;
  let crashed: Error | undefined;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.on('message', (reply: TapReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) w?.resolve(reply.value);
    else w?.reject(new Error(reply.error));
  });
  const fail = (error: Error) => {
    crashed = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('error', (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  worker.on('exit', (code) => fail(new Error(`검색 색인 작업자가 끝났습니다 (코드 ${code})`)));
  const ask = <T>(type: 'finish' | 'write' | 'close'): Promise<T> => {
    if (crashed) return Promise.reject(crashed);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ type, id } satisfies TapRequest);
    });
  };
  const tap: TapFunction = (pathname, html) => {
    if (crashed) return;
    pages++;
    worker.postMessage({ type: 'page', rel: builtFileOf(pathname), html } satisfies TapRequest);
  };
  (globalThis as Record<symbol, unknown>)[SEARCH_TAP_KEY] = tap;
  return {
    get pages() {
      return pages;
    },
    finish: () => ask<void>('finish'),
    write: () => ask<SearchIndexReport>('write'),
    async close() {
      delete (globalThis as Record<symbol, unknown>)[SEARCH_TAP_KEY];
      try {
        if (!crashed) await ask('close');
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
  };
}
