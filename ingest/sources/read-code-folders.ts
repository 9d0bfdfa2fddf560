/**
 * Reads a source holding several codes, one top folder per code (`all-codes-tip.bundle`: branch
 * `all-codes`, "code-de-lurbanisme/…", "code-electoral/…"), one code at a time: the 156,000 files
 * are listed once, then each code's files are read, handed over and let go, so that memory holds
 * one code's bytes, not the 400 MB of all of them.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { codeByFolder, type CodeEntry } from '../codes/code-registry.ts';
import { DEFAULT_LIMITS } from '../parsing/limits.ts';
import type { IngestMessage } from '../types.ts';
import { cloneBundle, listCommitEntries, readCommitEntries, readSource, resolveCommit, SourceError, type SourceFile } from './read-source.ts';
import { isGitSuccess, runGit } from './run-git.ts';

/** The files of one code, paths relative to the source's root ("code-de-lurbanisme/…/l300-5.md"). */
export interface CodeFolder {
  code: CodeEntry;
  files: SourceFile[];
  /** Entries not read (a symbolic link, a FIFO, a name that is not UTF-8, a file too large). */
  messages: IngestMessage[];
}

/** A source of codes, listed: what it holds before any file is read. */
export interface CodeSource {
  location: string;
  /** The commit read, for a bundle. */
  commit?: string;
  /** The commit's date (YYYY-MM-DD): the day the texts stand as of. Null for a plain folder, which carries no date. */
  date: string | null;
  /** The codes found, in the registry's order. */
  codes: CodeEntry[];
  /** Top folders that are no code of the registry: reported, not read. */
  unknownFolders: string[];
  /** Reads one code's files. */
  read(code: CodeEntry): Promise<CodeFolder>;
}

/** The branch all-codes-tip.bundle holds. */
const CODES_BRANCH = 'all-codes';

/** True when a source holds codes by folder: a bundle with the `all-codes` branch, or a folder whose top folders include another code than the CGCT. */
export async function isCodeSource(location: string): Promise<boolean> {
  const info = await stat(location).catch(() => undefined);
  if (!info) return false;
  if (info.isFile() && location.endsWith('.bundle')) {
    const heads = await runGit(path.dirname(path.resolve(location)), ['bundle', 'list-heads', path.resolve(location)]).catch(() => Buffer.alloc(0));
    return heads.toString().includes(`refs/heads/${CODES_BRANCH}`);
  }
  if (!info.isDirectory()) return false;
  const names = await readdir(location).catch(() => [] as string[]);
  return names.some((name) => codeByFolder(name) !== undefined && codeByFolder(name)!.id !== 'CGCT');
}

/** Lists a source of codes. Throws SourceError when it cannot be read at all. */
export async function openCodeSource(location: string, options: { cacheDir?: string; maxFileBytes?: number } = {}): Promise<CodeSource> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const info = await stat(location).catch(() => undefined);
  if (!info) throw new SourceError(location, 'source-not-found', 'no such file or folder');
  if (info.isFile() && location.endsWith('.bundle')) {
    const repo = await cloneBundle(location, options.cacheDir ?? path.resolve('.cache', 'corpus'));
    const branch = (await isGitSuccess(repo, ['rev-parse', '--verify', '-q', `refs/heads/${CODES_BRANCH}`])) ? CODES_BRANCH : 'HEAD';
    const commit = await resolveCommit(repo, branch, location);
    const date = (await runGit(repo, ['log', '-1', '--format=%ad', '--date=short', commit])).toString().trim();
    const { entries, messages } = await listCommitEntries(repo, commit, maxFileBytes);
    const byFolder = groupByTopFolder(entries);
    const messagesByFolder = groupByTopFolder(messages.map((message) => ({ ...message, path: message.file })));
    const { codes, unknownFolders } = sortFolders([...byFolder.keys()]);
    return {
      location,
      commit,
      date,
      codes,
      unknownFolders,
      read: async (code) => ({ code, files: await readCommitEntries(repo, byFolder.get(code.folder) ?? []), messages: messagesByFolder.get(code.folder) ?? [] }),
    };
  }
  if (!info.isDirectory()) throw new SourceError(location, 'not-a-source', 'neither a folder of codes nor a git bundle of them');
  const names = (await readdir(location, { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== '.git').map((entry) => entry.name);
  const { codes, unknownFolders } = sortFolders(names);
  return {
    location,
    date: await checkoutDate(location),
    codes,
    unknownFolders,
    read: async (code) => {
      const folder = await readSource({ location: path.join(location, code.folder) }, { maxFileBytes });
      const prefix = (file: string) => `${code.folder}/${file}`;
      return { code, files: folder.files.map((file) => ({ ...file, path: prefix(file.path) })), messages: folder.messages.map((message) => ({ ...message, file: prefix(message.file) })) };
    },
  };
}

function groupByTopFolder<T extends { path: string }>(entries: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const slash = entry.path.indexOf('/');
    if (slash < 0) continue;
    const folder = entry.path.slice(0, slash);
    const list = groups.get(folder);
    if (list) list.push(entry);
    else groups.set(folder, [entry]);
  }
  return groups;
}

function sortFolders(folders: string[]): { codes: CodeEntry[]; unknownFolders: string[] } {
  const codes = folders.map((folder) => codeByFolder(folder)).filter((code): code is CodeEntry => code !== undefined);
  const unknownFolders = folders.filter((folder) => codeByFolder(folder) === undefined).sort();
  // Smallest first would show progress sooner; the registry's order keeps reports stable.
  return { codes: codes.sort((a, b) => a.folder.localeCompare(b.folder)), unknownFolders };
}

/** A git checkout's last commit date; null for a plain folder (a file's modification time is not the law's date). */
async function checkoutDate(location: string): Promise<string | null> {
  // A folder inside another checkout (a fixture inside this project) is no checkout of its own.
  const top = (await runGit(location, ['rev-parse', '--show-toplevel']).catch(() => Buffer.alloc(0))).toString().trim();
  if (top === '' || path.resolve(top) !== path.resolve(location)) return null;
  const date = (await runGit(location, ['log', '-1', '--format=%ad', '--date=short']).catch(() => Buffer.alloc(0))).toString().trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}
