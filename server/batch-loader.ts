/**
 * A per-request batch loader (the DataLoader idea in a few lines): the keys asked for during one
 * tick are loaded by one call, so `tableOfContents { sections { sections { articles } } }` costs
 * one query per level rather than one per section.
 */

/** Loads one key; keys asked for in the same tick share one `loadMany`. */
export type BatchLoader<K, V> = (key: K) => Promise<V>;

/** Creates a loader over `loadMany`, which answers every key it is given (missing: `fallback`). */
export function createBatchLoader<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>, fallback: V): BatchLoader<K, V> {
  let pending: Map<K, Array<{ resolve: (value: V) => void; reject: (error: unknown) => void }>> | undefined;
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    const cached = cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => {
      if (!pending) {
        const batch = new Map<K, Array<{ resolve: (value: V) => void; reject: (error: unknown) => void }>>();
        pending = batch;
        // After the current tick, when every resolver of this level has asked.
        setImmediate(() => {
          pending = undefined;
          loadMany([...batch.keys()]).then(
            (values) => batch.forEach((waiters, k) => waiters.forEach((w) => w.resolve(values.get(k) ?? fallback))),
            (error: unknown) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(error))),
          );
        });
      }
      const waiters = pending.get(key) ?? [];
      waiters.push({ resolve, reject });
      pending.set(key, waiters);
    });
    cache.set(key, promise);
    return promise;
  };
}
