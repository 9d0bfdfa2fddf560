/**
 * The frame of the long commands that write the graph (ingest, replay): a progress display and a
 * driver for the work, closed whatever happens; expected failures (a bad source, a refused
 * snapshot, Neo4j unreachable) become one line naming the cause and exit status 1, not a stack trace.
 */
import type { Driver } from 'neo4j-driver';
import { openDriver } from '../neo4j/driver.ts';
import { isExplainedError } from '../neo4j/errors.ts';
import { SourceError } from '../ingest/sources/read-source.ts';
import { IngestRefusedError } from '../ingest/run-ingest.ts';
import { createProgress, type Progress } from './progress.ts';
import { applySchema } from '../graph-schema/apply-schema.ts';
import { IngestLockedError, withIngestLock } from '../ingest/graph/ingest-lock.ts';

/**
 * Runs `work` with a driver and a progress display titled `command`, holding the ingest lock
 * (one writer at a time); resolves to the exit status.
 */
export async function runWithGraph(command: string, work: (driver: Driver, progress: Progress) => Promise<number>): Promise<number> {
  const progress = createProgress(command);
  try {
    const driver = await openDriver();
    try {
      await applySchema(driver);
      return await withIngestLock(driver, `cgct ${command}`, () => work(driver, progress));
    } finally {
      progress.stop();
      await driver.close();
    }
  } catch (error) {
    progress.stop();
    if (error instanceof SourceError || error instanceof IngestRefusedError || error instanceof IngestLockedError || isExplainedError(error)) {
      console.error(`cgct ${command}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}
