/**
 * Keeps the read model of the graph's current revision: built at start, rebuilt when the revision
 * changes, and offered to a request only while the revision it was built at is the one Neo4j has
 * (read at most once per `revisionCheckMs`, as the response cache does). Whenever that cannot be
 * known (Neo4j away: the revision read fails) or the model is being built, the caller gets null
 * and runs its Cypher: Neo4j stays the source of truth, and its absence still answers 503.
 */
import type { Driver } from 'neo4j-driver';
import { loadReadModel } from './load-read-model.ts';
import type { ReadModelData } from './types.ts';

/** What the holder needs. */
export interface ReadModelHolderOptions {
  driver: Driver;
  database?: string;
  /** Reads the graph's revision (the repository's getGraphRevision). */
  readRevision: () => Promise<string>;
  /** How long a revision read is trusted, in milliseconds (0: read for every request). */
  revisionCheckMs: number;
  /** Told when a model is built or a build fails. */
  log?: (message: string) => void;
}

/** The holder: `current()` is the model to answer from, or null (use Cypher). */
export interface ReadModelHolder {
  current: () => Promise<ReadModelData | null>;
  /** Resolves once a build started now or earlier has ended (tests, benchmarks). */
  ready: () => Promise<ReadModelData | null>;
}

export function createReadModelHolder(options: ReadModelHolderOptions): ReadModelHolder {
  let model: ReadModelData | null = null;
  let building: Promise<ReadModelData | null> | null = null;
  // A revision whose build failed is not tried again: its Cypher answers instead.
  let failedRevision: string | undefined;
  let lastRead: { value: Promise<string>; at: number } | undefined;

  const readRevision = (): Promise<string> => {
    const now = Date.now();
    if (options.revisionCheckMs > 0 && lastRead && now - lastRead.at < options.revisionCheckMs) return lastRead.value;
    const entry = { value: options.readRevision(), at: now };
    lastRead = entry;
    entry.value.catch(() => {
      if (lastRead === entry) lastRead = undefined;
    });
    return entry.value;
  };

  const build = (): Promise<ReadModelData | null> => {
    building ??= (async () => {
      const started = performance.now();
      // With --expose-gc (the benchmark), the heap figure is the model's alone, not its garbage.
      const collect = (globalThis as { gc?: () => void }).gc;
      collect?.();
      const heapBefore = process.memoryUsage().heapUsed;
      model = null;
      try {
        // A write committed during the load: load again (a second one in a row is left to the next request).
        const loaded = (await loadReadModel(options.driver, options.database)) ?? (await loadReadModel(options.driver, options.database));
        if (loaded) {
          model = loaded;
          collect?.();
          const megabytes = (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);
          options.log?.(`read model built: ${loaded.articles.size} articles, ${loaded.nodes.length} nodes, ${loaded.relationships.length} relationships in ${((performance.now() - started) / 1000).toFixed(1)} s (heap +${megabytes.toFixed(0)} MB)`);
        }
        return loaded;
      } catch (error) {
        failedRevision = await options.readRevision().catch(() => undefined);
        options.log?.(`read model not built, Cypher answers instead: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      } finally {
        building = null;
      }
    })();
    return building;
  };

  return {
    async current() {
      let revision: string;
      try {
        revision = await readRevision();
      } catch {
        return null;
      }
      if (model && model.revision === revision) return model;
      if (!building && revision !== failedRevision) void build();
      return null;
    },
    async ready() {
      if (building) return building;
      const revision = await readRevision().catch(() => undefined);
      if (model && model.revision === revision) return model;
      if (revision === undefined || revision === failedRevision) return null;
      return build();
    },
  };
}
