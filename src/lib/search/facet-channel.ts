/**
 * The facet index across a message port. The page's side (`facetIndexOverPort`) numbers each
 * request and gets back counts or page ids; the worker's side (`serveFacetIndex`) opens the index
 * from the first message and answers every request. Only counts and ids cross the port: when
 * Pagefind ran its own worker, every search sent all its results (10,000 with their word
 * locations for a broad word at 10,000 programs) to the page, which built an object for each and
 * later posted a message back for each one collected, ~250 ms of the page's thread per count.
 */
import type { PagefindFilters } from './engine.ts';
import type { FacetIndex } from './facet-index.ts';

/** What the worker needs to open its copy of Pagefind. */
export interface FacetWorkerInit {
  /** The Pagefind bundle's URL, ending in `/` (pagefind.js is imported from there). */
  bundle: string;
  /** The page's language (which index, and which prefix chunk map). */
  lang: string;
}

type Asked = { method: 'counts' | 'ids'; term: string | null; filters: PagefindFilters } | { method: 'loadFilters' };
type Request = Asked & { id: number };
type Reply = { id: number; result: unknown } | { id: number; error: string; unavailable?: boolean };

/** What either side needs of a port: a Worker, a worker's global scope, a MessagePort. */
export interface Port {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: { data?: unknown; message?: string }) => void): void;
}

/** The worker could not start or could not open Pagefind: the caller may count another way. */
export class FacetWorkerUnavailable extends Error {
  override name = 'FacetWorkerUnavailable';
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The page's side: a FacetIndex whose work is done at the other end of `port`. */
export function facetIndexOverPort(port: Port, init: FacetWorkerInit): FacetIndex {
  let next = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let broken: FacetWorkerUnavailable | undefined;
  const fail = (why: string) => {
    broken ??= new FacetWorkerUnavailable(`검색 필터 작업자를 쓸 수 없습니다: ${why}`);
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
  };
  port.addEventListener('message', (event) => {
    const reply = event.data as Reply;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (!('error' in reply)) waiting.resolve(reply.result);
    else if (reply.unavailable) {
      fail(reply.error);
      waiting.reject(broken!);
    } else waiting.reject(new Error(reply.error));
  });
  // A worker script that cannot load or run, or a reply that cannot be read.
  port.addEventListener('error', (event) => fail(event.message || '작업자 오류'));
  port.addEventListener('messageerror', () => fail('응답을 읽을 수 없음'));
  (port as { start?(): void }).start?.();
  port.postMessage({ init });
  const ask = <T>(request: Asked): Promise<T> =>
    broken
      ? Promise.reject(broken)
      : new Promise<T>((resolve, reject) => {
          const id = ++next;
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          port.postMessage({ ...request, id });
        });
  return {
    counts: (term, filters) => ask({ method: 'counts', term, filters }),
    ids: (term, filters) => ask({ method: 'ids', term, filters }),
    loadFilters: () => ask({ method: 'loadFilters' }),
    offThread: true,
  };
}

/** The worker's side: open the index from the first message (`{ init }`), then answer each request. */
export function serveFacetIndex(port: Port, open: (init: FacetWorkerInit) => Promise<FacetIndex>): void {
  let index: Promise<FacetIndex> | undefined;
  port.addEventListener('message', async (event) => {
    const data = event.data as { init?: FacetWorkerInit } & Partial<Request>;
    if (data.init) {
      index = open(data.init);
      index.catch(() => undefined);
      return;
    }
    const request = data as Request;
    let opened: FacetIndex;
    try {
      if (!index) throw new Error('시작 메시지를 받기 전의 요청');
      opened = await index;
    } catch (error) {
      port.postMessage({ id: request.id, error: messageOf(error), unavailable: true } satisfies Reply);
      return;
    }
    try {
      const result =
        request.method === 'loadFilters' ? await opened.loadFilters()
        : request.method === 'counts' ? await opened.counts(request.term, request.filters)
        : await opened.ids(request.term, request.filters);
      port.postMessage({ id: request.id, result } satisfies Reply);
    } catch (error) {
      port.postMessage({ id: request.id, error: messageOf(error) } satisfies Reply);
    }
  });
  (port as { start?(): void }).start?.();
}

/**
 * `primary` until it reports itself unavailable (FacetWorkerUnavailable), then `fallback()`, made
 * once, for that call and every later one. Other errors (a search that failed) pass through.
 */
export function withFallback(primary: FacetIndex, fallback: () => FacetIndex): FacetIndex {
  let current = primary;
  let replaced: FacetIndex | undefined;
  const run = async <T>(call: (index: FacetIndex) => Promise<T>): Promise<T> => {
    try {
      return await call(current);
    } catch (error) {
      if (!(error instanceof FacetWorkerUnavailable)) throw error;
      current = replaced ??= fallback();
      return call(current);
    }
  };
  return {
    counts: (term, filters) => run((i) => i.counts(term, filters)),
    ids: (term, filters) => run((i) => i.ids(term, filters)),
    loadFilters: () => run((i) => i.loadFilters()),
    get offThread() {
      return current.offThread ?? false;
    },
  };
}
