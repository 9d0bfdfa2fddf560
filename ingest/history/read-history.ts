/**
 * Reads a corpus's whole git history in one pass: one `git log --raw` lists every commit (one
 * commit = one amendment, its author date = entry into force) with the files it added, modified,
 * renamed and deleted, and one `git cat-file --batch` then reads every distinct blob the article
 * files ever had. Renames are detected (`-M70%`): a file that moves to another number
 * (l1114-1.md → l1115-1.md on 2004-07-30) is a renumbering.
 */
import { runGit } from '../sources/run-git.ts';
import { cloneBundle, SourceError, type SourceSpec } from '../sources/read-source.ts';
import { labelSource } from '../sources/snapshot-date.ts';
import path from 'node:path';
import { stat } from 'node:fs/promises';

/** One file change of a commit. */
export interface FileChange {
  /** A added, M modified, D deleted, R renamed (moved, maybe modified too). */
  status: 'A' | 'M' | 'D' | 'R';
  /** The path after the commit (the deleted path for D). */
  path: string;
  /** For R: the path before. */
  oldPath?: string;
  /** For R: git's similarity score (0–100). */
  similarity?: number;
  /** The blob after the commit (absent for D). */
  sha?: string;
}

/** One commit of a corpus history. */
export interface HistoryCommit {
  hash: string;
  /** Author date as written, ISO 8601. */
  authorDate: string;
  /** The first line of the message: the amending text. */
  subject: string;
  changes: FileChange[];
}

/** A corpus history read into memory. */
export interface CorpusHistory {
  /** The corpus label ("legifrance-md", "lexlib"). */
  source: string;
  /** The location as given. */
  location: string;
  /** The git repository read (a bare clone of a bundle, or a checkout). */
  repo: string;
  /** Oldest first. */
  commits: HistoryCommit[];
}

/** Renames below this similarity are read as a deletion and an addition, not as the same text moving. */
export const RENAME_SIMILARITY = 70;

/** Reads the commit list and the changes of every commit, oldest first. */
export async function readHistory(spec: SourceSpec, options: { cacheDir?: string } = {}): Promise<CorpusHistory> {
  const info = await stat(spec.location).catch(() => undefined);
  if (!info) throw new SourceError(spec.location, 'source-not-found', 'no such file or folder');
  let repo: string;
  if (info.isFile() && spec.location.endsWith('.bundle')) repo = await cloneBundle(spec.location, options.cacheDir ?? path.resolve('.cache', 'corpus'));
  else if (info.isDirectory()) repo = spec.location;
  else throw new SourceError(spec.location, 'not-a-source', 'a history build needs a git bundle or a git checkout');
  const tip = spec.commit ?? (await defaultTip(repo));
  let raw: string;
  try {
    raw = (await runGit(repo, ['log', '--reverse', '-z', '--raw', `-M${RENAME_SIMILARITY}%`, '--no-abbrev', '--format=%x01%H%x00%aI%x00%s', tip, '--'])).toString('utf8');
  } catch {
    throw new SourceError(spec.location, 'commit-not-found', `commit "${tip}" not found, or not a git history`);
  }
  return { source: labelSource(spec.location), location: spec.location, repo, commits: parseRawLog(raw) };
}

async function defaultTip(repo: string): Promise<string> {
  try {
    await runGit(repo, ['rev-parse', '--verify', '-q', 'refs/heads/cgct-only']);
    return 'cgct-only';
  } catch {
    return 'HEAD';
  }
}

/**
 * `git log -z --raw` output: per commit "\x01<hash>\0<date>\0<subject>\0" then, per change,
 * "\n:<modes> <old sha> <new sha> <status>\0<path>\0" (two paths for a rename).
 */
export function parseRawLog(raw: string): HistoryCommit[] {
  const commits: HistoryCommit[] = [];
  for (const chunk of raw.split('\x01')) {
    if (!chunk) continue;
    const tokens = chunk.split('\0');
    const commit: HistoryCommit = { hash: tokens[0]!, authorDate: tokens[1]!, subject: tokens[2] ?? '', changes: parseRawChanges(tokens, 3) };
    commits.push(commit);
  }
  return commits;
}

/** The file changes of `git … --raw -z` output, from token `start` on. */
function parseRawChanges(tokens: string[], start: number): FileChange[] {
  const changes: FileChange[] = [];
  for (let i = start; i < tokens.length; ) {
    const header = tokens[i]!.replace(/^\n/, '');
    if (!header.startsWith(':')) {
      i++;
      continue;
    }
    const [, , , newSha, status] = header.slice(1).split(' ');
    const letter = status!.charAt(0);
    if (letter === 'R' || letter === 'C') {
      // A copy leaves the old file in place: only its new path is a change.
      changes.push(letter === 'C' ? { status: 'A', path: tokens[i + 2]!, sha: newSha! } : { status: 'R', oldPath: tokens[i + 1]!, path: tokens[i + 2]!, similarity: Number(status!.slice(1)), sha: newSha! });
      i += 3;
    } else {
      changes.push(letter === 'D' ? { status: 'D', path: tokens[i + 1]! } : { status: letter === 'A' ? 'A' : 'M', path: tokens[i + 1]!, sha: newSha! });
      i += 2;
    }
  }
  return changes;
}

/** What one commit changed against another (null: against nothing, i.e. every file of the commit). */
export async function readCommitFileChanges(repo: string, parent: string | null, commit: string): Promise<FileChange[]> {
  const args = parent ? ['diff-tree', '-r', '-z', '--raw', `-M${RENAME_SIMILARITY}%`, '--no-abbrev', parent, commit] : ['ls-tree', '-r', '-z', '--full-tree', commit];
  const raw = (await runGit(repo, args)).toString('utf8');
  if (parent) return parseRawChanges(raw.split('\0'), 0);
  // ls-tree: "<mode> blob <sha>\t<path>" per file.
  return raw.split('\0').filter((line) => line.includes(' blob ')).map((line) => {
    const tab = line.indexOf('\t');
    return { status: 'A' as const, path: line.slice(tab + 1), sha: line.slice(0, tab).split(' ')[2]! };
  });
}
