/**
 * Worker thread of the search tap (search-tap.ts): receives each page Astro renders and
 * feeds it to a SearchIndexer, so preparing the search documents and Pagefind's reading
 * of them run on the other core while Astro renders the next pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SearchIndexer, closeSearchIndexer, type SearchIndexOptions } from './pagefind-index.ts';

export type TapRequest =
  | { type: 'page'; rel: string; html: string }
  | { type: 'finish' | 'write' | 'close'; id: number };
export type TapReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('search-tap-worker.ts runs as a worker thread');

const opening = SearchIndexer.open(workerData as SearchIndexOptions);
// Pages are added one after another, in the order Astro rendered them.
let chain: Promise<unknown> = opening;
let failure: unknown;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

port.on('message', (req: TapRequest) => {
  if (req.type === 'page') {
    chain = chain.then(async () => {
      if (failure) return;
      try {
        await (await opening).add(req.rel, req.html);
      } catch (error) {
        failure = new Error(`${req.rel}: ${message(error)}`);
      }
    });
    return;
  }
  const run = async (): Promise<unknown> => {
    if (req.type === 'close') return closeSearchIndexer();
    const indexer = await opening;
    if (failure) throw failure;
    return req.type === 'finish' ? indexer.finish() : indexer.write();
  };
  chain = chain.then(run).then(
    (value) => port.postMessage({ id: req.id, ok: true, value } satisfies TapReply),
    (error: unknown) => port.postMessage({ id: req.id, ok: false, error: message(error) } satisfies TapReply),
  );
});
