/**
 * Things a build leaves running or lying around only while it works (Pagefind processes, search
 * documents in /dev/shm): cleaned up if the process exits first, as it does when a hook fails.
 */

/** A set whose members are passed to `cleanup` if the process exits while they are still in it. */
export function cleanedOnExit<T>(cleanup: (item: T) => void): Set<T> {
  const items = new Set<T>();
  process.on('exit', () => {
    for (const item of items) cleanup(item);
  });
  return items;
}
