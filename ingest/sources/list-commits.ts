/**
 * The commits of a git source, oldest first, for replaying amendments one by one: in the corpora
 * each commit is one amendment, its author date the entry into force ("Modifications par LOI
 * n°2022-217 du 21 février 2022", dated 2022-02-23; some dated 2038 = deferred entry into force).
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { cloneBundle, SourceError, type SourceSpec } from './read-source.ts';
import { runGit } from './run-git.ts';

/** One commit of a corpus. */
export interface CommitInfo {
  /** Full hash. */
  hash: string;
  /** Author date, ISO 8601 with offset: the amendment's entry into force. */
  date: string;
  /** First line of the message: the amending text. */
  subject: string;
}

/** Lists the commits reachable from the spec's commit (default: the branch's tip), oldest first. */
export async function listCommits(spec: SourceSpec, options: { cacheDir?: string } = {}): Promise<CommitInfo[]> {
  const info = await stat(spec.location).catch(() => undefined);
  if (!info) throw new SourceError(spec.location, 'source-not-found', 'no such file or folder');
  const repo = spec.location.endsWith('.bundle')
    ? await cloneBundle(spec.location, options.cacheDir ?? path.resolve('.cache', 'corpus'))
    : spec.location;
  const tip = spec.commit ?? (spec.location.endsWith('.bundle') ? 'cgct-only' : 'HEAD');
  let log: string;
  try {
    log = (await runGit(repo, ['log', '--reverse', '--format=%H%x00%aI%x00%s', tip, '--'])).toString();
  } catch {
    throw new SourceError(spec.location, 'commit-not-found', `commit "${tip}" not found or not a git source`);
  }
  return log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, date, subject] = line.split('\0');
      return { hash: hash!, date: date!, subject: subject ?? '' };
    });
}
