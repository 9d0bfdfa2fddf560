/**
 * Reads a source into memory: a single file, a folder of files, a git checkout (optionally at a
 * commit) or a git bundle ("../shared/corpus/cgct-lexlib-history.bundle", optionally
 * "…bundle@22ed44d7"). Bundles are cloned once, bare, into `.cache/corpus/<bundle-name>` and
 * fetched again when already there; files of a commit are read through one `git cat-file --batch`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isGitSuccess, readBlobs, runGit } from './run-git.ts';

/** One file of a source. */
export interface SourceFile {
  /** Path relative to the source's root, with forward slashes. */
  path: string;
  /** The file's bytes, not yet decoded (decoding reports invalid UTF-8 as a message). */
  bytes: Buffer;
  /** The git blob id, when read from git: what a replay caches parses by. */
  sha?: string;
}

/** What to read: a location and, for git sources, a commit. */
export interface SourceSpec {
  /** A file, a folder, a git checkout or a `.bundle` file. */
  location: string;
  /** A commit (hash, branch or tag) to read instead of the working tree or the bundle's tip. */
  commit?: string;
}

/** The files read, and how. */
export interface ReadSource {
  kind: 'file' | 'folder' | 'git' | 'bundle';
  /** The location as given. */
  location: string;
  /** The commit read (full hash), for git sources read at a commit and for bundles. */
  commit?: string;
  files: SourceFile[];
}

/** Why a source could not be read at all (a source, unlike a file, has no line to point at). */
export class SourceError extends Error {
  constructor(
    readonly location: string,
    readonly ruleId: 'source-not-found' | 'not-a-source' | 'commit-not-found',
    reason: string,
  ) {
    super(`${location}: ${reason}`);
    this.name = 'SourceError';
  }
}

/** Options of readSource. */
export interface ReadSourceOptions {
  /** Where bundles are cloned; defaults to `.cache/corpus` under the current directory. */
  cacheDir?: string;
}

const BUNDLE_AT = /^(.*\.bundle)@([0-9A-Za-z._/-]+)$/;

/** Splits "corpus.bundle@COMMIT" into location and commit; an explicit commit argument wins. */
export function parseSourceSpec(arg: string, commit?: string): SourceSpec {
  const match = BUNDLE_AT.exec(arg);
  if (match) return { location: match[1]!, commit: commit ?? match[2]! };
  return commit ? { location: arg, commit } : { location: arg };
}

/** Reads every file of a source. Throws SourceError when the source or the commit does not exist. */
export async function readSource(spec: SourceSpec, options: ReadSourceOptions = {}): Promise<ReadSource> {
  const info = await stat(spec.location).catch(() => undefined);
  if (!info) throw new SourceError(spec.location, 'source-not-found', 'no such file or folder');
  if (info.isFile() && spec.location.endsWith('.bundle')) {
    const repo = await cloneBundle(spec.location, options.cacheDir ?? path.resolve('.cache', 'corpus'));
    const commit = await resolveCommit(repo, spec.commit ?? (await defaultBranch(repo)), spec.location);
    return { kind: 'bundle', location: spec.location, commit, files: await readCommitFiles(repo, commit) };
  }
  if (info.isFile()) {
    if (spec.commit) throw new SourceError(spec.location, 'not-a-source', 'a commit was given but this is a plain file, not a git checkout or bundle');
    return { kind: 'file', location: spec.location, files: [{ path: path.basename(spec.location), bytes: await readFile(spec.location) }] };
  }
  if (!info.isDirectory()) throw new SourceError(spec.location, 'not-a-source', 'neither a file, a folder nor a git bundle');
  if (spec.commit) {
    if (!(await isGitSuccess(spec.location, ['rev-parse', '--git-dir']))) {
      throw new SourceError(spec.location, 'not-a-source', 'a commit was given but this folder is not a git checkout');
    }
    const commit = await resolveCommit(spec.location, spec.commit, spec.location);
    return { kind: 'git', location: spec.location, commit, files: await readCommitFiles(spec.location, commit) };
  }
  return { kind: 'folder', location: spec.location, files: await readFolderFiles(spec.location) };
}

/** Clones a bundle once (bare) into the cache and fetches its branches when already cloned; returns the clone. */
export async function cloneBundle(bundle: string, cacheDir: string): Promise<string> {
  const repo = path.join(cacheDir, path.basename(bundle, '.bundle'));
  const source = path.resolve(bundle);
  // `list-heads` reads the bundle's header without needing a repository (unlike `verify`).
  if (!(await isGitSuccess(path.dirname(source), ['bundle', 'list-heads', source]))) {
    throw new SourceError(bundle, 'not-a-source', 'not a valid git bundle');
  }
  // A bundle whose header is sound but whose pack is cut or damaged fails only when git reads it.
  const unreadable = (error: unknown) => new SourceError(bundle, 'not-a-source', `not a valid git bundle (${lastLine(error)})`);
  if (existsSync(path.join(repo, 'HEAD'))) {
    await runGit(repo, ['fetch', '-q', source, '+refs/heads/*:refs/heads/*']).catch((error: unknown) => {
      throw unreadable(error);
    });
    return repo;
  }
  await mkdir(cacheDir, { recursive: true });
  // Clone beside the target and rename, so that a concurrent reader never sees half a clone.
  const partial = `${repo}.partial-${process.pid}`;
  await runGit(cacheDir, ['clone', '-q', '--bare', source, partial]).catch(async (error: unknown) => {
    await rm(partial, { recursive: true, force: true });
    throw unreadable(error);
  });
  try {
    await rename(partial, repo);
  } catch {
    await rm(partial, { recursive: true, force: true });
  }
  return repo;
}

/** The last line git printed, for a message that names the cause without its whole output. */
function lastLine(error: unknown): string {
  const lines = String(error instanceof Error ? error.message : error).trim().split('\n');
  return lines[lines.length - 1]!.replace(/^fatal: /, '');
}

async function defaultBranch(repo: string): Promise<string> {
  return (await isGitSuccess(repo, ['rev-parse', '--verify', '-q', 'refs/heads/cgct-only'])) ? 'cgct-only' : 'HEAD';
}

async function resolveCommit(repo: string, commit: string, location: string): Promise<string> {
  try {
    return (await runGit(repo, ['rev-parse', '--verify', '-q', `${commit}^{commit}`])).toString().trim();
  } catch {
    throw new SourceError(location, 'commit-not-found', `commit "${commit}" not found`);
  }
}

async function readCommitFiles(repo: string, commit: string): Promise<SourceFile[]> {
  const listing = (await runGit(repo, ['ls-tree', '-r', '-z', '--full-tree', commit])).toString();
  const entries = listing
    .split('\0')
    .filter((line) => line.includes(' blob '))
    .map((line) => {
      const tab = line.indexOf('\t');
      return { sha: line.slice(0, tab).split(' ')[2]!, path: line.slice(tab + 1) };
    });
  const blobs = await readBlobs(repo, entries.map((entry) => entry.sha));
  return entries.map((entry, i) => ({ path: entry.path, bytes: blobs[i]! }));
}

async function readFolderFiles(root: string): Promise<SourceFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !relative.startsWith('.git/') && relative !== '.git')
    .sort();
  const files: SourceFile[] = [];
  // Read in slices: 15,000 concurrent reads would exhaust file descriptors.
  for (let i = 0; i < paths.length; i += 64) {
    const slice = paths.slice(i, i + 64);
    const bytes = await Promise.all(slice.map((relative) => readFile(path.join(root, relative))));
    slice.forEach((relative, j) => files.push({ path: relative, bytes: bytes[j]! }));
  }
  return files;
}
