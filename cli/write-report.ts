/**
 * `--report FILE` of `cgct extract` and `cgct ingest`: every message, one JSON line each, errors
 * (the rejected files) first, written as a stream so that a run with a million messages fits.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { IngestMessage } from '../ingest/types.ts';

/** Writes the messages to `file`. */
export async function writeReport(file: string, messages: IngestMessage[]): Promise<void> {
  const stream = createWriteStream(file);
  const ordered = [...messages.filter((message) => message.severity === 'error'), ...messages.filter((message) => message.severity !== 'error')];
  for (const message of ordered) {
    if (!stream.write(`${JSON.stringify(message)}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await finished(stream);
}
