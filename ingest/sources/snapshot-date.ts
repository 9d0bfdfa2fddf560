/**
 * The date a source snapshot speaks for: for a git source, the author date of the commit read
 * (in the corpora, the amendment's entry into force); for a folder or a file, today.
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { cloneBundle, SourceError, type SourceSpec } from './read-source.ts';
import { isGitSuccess, runGit } from './run-git.ts';

/** A snapshot's identity: its corpus label, commit and date. */
export interface SnapshotInfo {
  /** "legifrance-md" for cgct-legifrance-md-history.bundle, else the folder's or file's name. */
  source: string;
  /** Commit read (git sources), else null. */
  commit: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** First line of the commit message: the amending text (git sources). */
  subject: string | null;
}

/** Names a source by its corpus: "../shared/corpus/cgct-lexlib-history.bundle" → "lexlib". */
export function labelSource(location: string): string {
  const base = path.basename(location.replace(/[/\\]+$/, ''));
  const corpus = /^cgct-(.+?)(?:-history)?\.bundle$/.exec(base);
  if (corpus) return corpus[1]!;
  return base.replace(/\.bundle$/, '').replace(/^cgct-/, '');
}

/** Finds the label, commit and date of a source. */
export async function describeSnapshot(spec: SourceSpec, options: { cacheDir?: string; today?: string } = {}): Promise<SnapshotInfo> {
  const source = labelSource(spec.location);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const info = await stat(spec.location).catch(() => undefined);
  let repo: string | undefined;
  if (info?.isFile() && spec.location.endsWith('.bundle')) repo = await cloneBundle(spec.location, options.cacheDir ?? path.resolve('.cache', 'corpus'));
  else if (info?.isDirectory() && spec.commit && (await isGitSuccess(spec.location, ['rev-parse', '--git-dir']))) repo = spec.location;
  if (!repo) return { source, commit: null, date: today, subject: null };
  const tip = spec.commit ?? ((await isGitSuccess(repo, ['rev-parse', '--verify', '-q', 'refs/heads/cgct-only'])) ? 'cgct-only' : 'HEAD');
  const log = await runGit(repo, ['log', '-1', '--format=%H%x00%aI%x00%s', tip, '--']).catch(() => {
    throw new SourceError(spec.location, 'commit-not-found', `commit "${tip}" not found`);
  });
  const [commit, date, subject] = log.toString().trim().split('\0');
  return { source, commit: commit!, date: date!.slice(0, 10), subject: subject ?? null };
}
