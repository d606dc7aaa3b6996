/**
 * Work an `astro:build:done` hook starts and lets run while the next hooks do theirs: the
 * search indexing (this process preparing pages, Pagefind's processes reading and writing
 * them) runs while this one writes the sitemap, subsets fonts and applies the CSP, and those
 * hooks let it continue every 100 pages (pageYielder()). Astro runs the hooks one after
 * another, so the last integration (`awaitBackground()`, kept last in astro.config.mjs) waits
 * for every task, logs what each reports and fails the build with the first failure.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

interface Task {
  name: string;
  settled: Promise<{ ok: true } | { ok: false; error: unknown }>;
}

const tasks: Task[] = [];

/**
 * Run `work` alongside the remaining hooks. Its rejection is held (never unhandled) and
 * fails the build when the last integration collects it.
 */
export function runInBackground(name: string, work: Promise<unknown>): void {
  tasks.push({ name, settled: work.then(() => ({ ok: true as const }), (error: unknown) => ({ ok: false as const, error })) });
}

/** Pages a hook handles between two yields. */
const PAGES_BETWEEN_YIELDS = 100;

/**
 * For a hook that loops over every built page: a function to await once per page, which lets
 * background work continue every PAGES_BETWEEN_YIELDS pages, so the search indexing (which
 * mostly waits for Pagefind's process) keeps handing it pages while the hook runs.
 */
export function pageYielder(): () => Promise<void> {
  let pages = 0;
  return () => (++pages % PAGES_BETWEEN_YIELDS === 0 ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve());
}

/** Wait for every task started so far; throws the first failure (all are awaited first). */
export async function settleBackground(logger?: AstroIntegrationLogger): Promise<void> {
  const running = tasks.splice(0);
  const results = await Promise.all(running.map(async (t) => ({ name: t.name, result: await t.settled })));
  const failed = results.filter((r) => !r.result.ok);
  for (const f of failed) {
    const error = (f.result as { error: unknown }).error;
    logger?.error(`${f.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (failed.length > 0) {
    const first = failed[0].result as { error: unknown };
    throw first.error instanceof Error ? first.error : new Error(String(first.error));
  }
}

/** The integration that waits for the background work: keep it last. */
export default function awaitBackground(): AstroIntegration {
  return {
    name: 'sangsaengnuri:background',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        await settleBackground(logger);
      },
    },
  };
}
