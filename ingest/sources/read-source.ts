/**
 * Reads a source into memory: a single file, a folder of files, a git checkout (optionally at a
 * commit) or a git bundle ("../shared/corpus/cgct-lexlib-history.bundle", optionally
 * "…bundle@22ed44d7"). Bundles are cloned once, bare, into `.cache/corpus/<bundle-name>` and
 * fetched again when already there; files of a commit are read through one `git cat-file --batch`.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../parsing/limits.ts';
import type { IngestMessage } from '../types.ts';
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
  /** Entries of a folder not read, each with its reason: a name that is not UTF-8, a symbolic link, a FIFO, a file too large or unreadable. */
  messages: IngestMessage[];
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
  /** Files larger than this are not read (default DEFAULT_LIMITS.maxFileBytes). */
  maxFileBytes?: number;
  /** Called as a folder's files are read: done, total. */
  onFile?: (done: number, total: number) => void;
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
    return { kind: 'bundle', location: spec.location, commit, ...(await readCommitFiles(repo, commit, options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes)) };
  }
  if (info.isFile()) {
    if (spec.commit) throw new SourceError(spec.location, 'not-a-source', 'a commit was given but this is a plain file, not a git checkout or bundle');
    const maxFileBytes = options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
    if (info.size > maxFileBytes) return { kind: 'file', location: spec.location, files: [], messages: [tooLarge(spec.location, info.size, maxFileBytes)] };
    return { kind: 'file', location: spec.location, files: [{ path: path.basename(spec.location), bytes: await readFile(spec.location) }], messages: [] };
  }
  if (!info.isDirectory()) throw new SourceError(spec.location, 'not-a-source', 'neither a file, a folder nor a git bundle');
  if (spec.commit) {
    if (!(await isGitSuccess(spec.location, ['rev-parse', '--git-dir']))) {
      throw new SourceError(spec.location, 'not-a-source', 'a commit was given but this folder is not a git checkout');
    }
    const commit = await resolveCommit(spec.location, spec.commit, spec.location);
    return { kind: 'git', location: spec.location, commit, ...(await readCommitFiles(spec.location, commit, options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes)) };
  }
  return { kind: 'folder', location: spec.location, ...(await readFolderFiles(spec.location, options)) };
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

export async function resolveCommit(repo: string, commit: string, location: string): Promise<string> {
  try {
    return (await runGit(repo, ['rev-parse', '--verify', '-q', `${commit}^{commit}`])).toString().trim();
  } catch {
    throw new SourceError(location, 'commit-not-found', `commit "${commit}" not found`);
  }
}

async function readCommitFiles(repo: string, commit: string, maxFileBytes: number): Promise<{ files: SourceFile[]; messages: IngestMessage[] }> {
  const { entries, messages } = await listCommitEntries(repo, commit, maxFileBytes);
  return { files: await readCommitEntries(repo, entries), messages };
}

/** A regular file of a commit, not yet read. */
export interface CommitEntry {
  sha: string;
  size: number;
  path: string;
}

/** The regular files of a commit, with a message for each one not to be read (a symbolic link, a file past the limit). */
export async function listCommitEntries(repo: string, commit: string, maxFileBytes: number): Promise<{ entries: CommitEntry[]; messages: IngestMessage[] }> {
  // `-l` adds each blob's size: a blob past the limit is never read into memory.
  const listing = (await runGit(repo, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit])).toString();
  const messages: IngestMessage[] = [];
  const entries = listing
    .split('\0')
    .filter((line) => line.includes(' blob '))
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, , sha, size] = line.slice(0, tab).split(/\s+/);
      return { mode: mode!, sha: sha!, size: Number(size), path: line.slice(tab + 1) };
    })
    .filter((entry) => {
      // A symbolic link is a blob holding the target's path: not an article, and never followed.
      if (entry.mode === '120000') messages.push(notRegular(entry.path, 'a symbolic link, not followed'));
      else if (entry.size > maxFileBytes) messages.push(tooLarge(entry.path, entry.size, maxFileBytes));
      else return true;
      return false;
    })
    .map(({ sha, size, path: entryPath }) => ({ sha, size, path: entryPath }));
  return { entries, messages };
}

/** The files of listed entries, read through one `git cat-file --batch`. */
export async function readCommitEntries(repo: string, entries: CommitEntry[]): Promise<SourceFile[]> {
  const blobs = await readBlobs(repo, entries.map((entry) => entry.sha));
  return entries.map((entry, i) => ({ path: entry.path, bytes: blobs[i]!, sha: entry.sha }));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every regular file under `root`, walked with a queue of folders (no recursion), names read as
 * bytes: a name that is not UTF-8 (which `readdir` would turn into U+FFFD, then fail to open with
 * ENOENT, aborting the whole folder), a symbolic link (it may point anywhere, or loop), a FIFO (opening
 * it blocks for ever), a socket or a device each get a message and are not read; the rest are.
 */
async function readFolderFiles(root: string, options: ReadSourceOptions): Promise<{ files: SourceFile[]; messages: IngestMessage[] }> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const messages: IngestMessage[] = [];
  const found: Array<{ relative: string; absolute: Buffer }> = [];
  const folders: Array<{ relative: string; absolute: Buffer }> = [{ relative: '', absolute: Buffer.from(root) }];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    const entries = await readdir(folder.absolute, { withFileTypes: true, encoding: 'buffer' }).catch((error: NodeJS.ErrnoException) => {
      messages.push(notRegular(folder.relative || '.', `folder not readable (${error.code ?? error.message})`));
      return [];
    });
    for (const entry of entries) {
      const absolute = Buffer.concat([folder.absolute, Buffer.from(path.sep), entry.name]);
      const name = decodeName(entry.name);
      const relative = folder.relative ? `${folder.relative}/${name ?? entry.name.toString('utf8')}` : (name ?? entry.name.toString('utf8'));
      if (name === undefined) messages.push(notRegular(relative, `the file name is not valid UTF-8 (bytes ${entry.name.toString('hex').slice(0, 80)})`, 'invalid-file-name'));
      else if (entry.isDirectory()) {
        if (relative !== '.git') folders.push({ relative, absolute });
      } else if (entry.isFile()) found.push({ relative, absolute });
      else if (entry.isSymbolicLink()) messages.push(notRegular(relative, 'a symbolic link, not followed'));
      else if (entry.isFIFO()) messages.push(notRegular(relative, 'a FIFO (named pipe), not read'));
      else messages.push(notRegular(relative, 'not a regular file (socket or device), not read'));
    }
  }
  found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const files: SourceFile[] = [];
  // Read in slices: 15,000 concurrent reads would exhaust file descriptors.
  for (let i = 0; i < found.length; i += 64) {
    const slice = found.slice(i, i + 64);
    const read = await Promise.all(slice.map((entry) => readRegularFile(entry.absolute, maxFileBytes)));
    slice.forEach((entry, j) => {
      const result = read[j]!;
      if (Buffer.isBuffer(result)) files.push({ path: entry.relative, bytes: result });
      else messages.push(result.size === undefined ? notRegular(entry.relative, result.reason, 'unreadable-file') : tooLarge(entry.relative, result.size, maxFileBytes));
    });
    options.onFile?.(Math.min(i + 64, found.length), found.length);
  }
  return { files, messages };
}

/** A file's bytes, or why not: too large (checked before reading), or an error of the file system (EACCES, gone meanwhile). */
async function readRegularFile(absolute: Buffer, maxFileBytes: number): Promise<Buffer | { reason: string; size?: number }> {
  try {
    const info = await lstat(absolute);
    if (!info.isFile()) return { reason: 'no longer a regular file' };
    if (info.size > maxFileBytes) return { reason: 'too large', size: info.size };
    return await readFile(absolute);
  } catch (error) {
    return { reason: `not readable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

function decodeName(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function notRegular(file: string, reason: string, ruleId = 'not-a-regular-file'): IngestMessage {
  return { file, line: 1, ruleId, reason, severity: 'error' };
}

function tooLarge(file: string, size: number, maxFileBytes: number): IngestMessage {
  return { file, line: 1, ruleId: 'file-too-large', reason: `${size} bytes (limit maxFileBytes ${maxFileBytes}), not read`, severity: 'error' };
}
