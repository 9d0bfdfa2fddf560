/**
 * What one commit of a corpus changed, as files: `git diff-tree` against its parent (or the
 * empty tree for the first one) gives the paths added, modified and deleted with their new blob
 * ids, and one `git cat-file --batch` reads the new contents.
 */
import { readBlobs, runGit } from './run-git.ts';

/** Git's id of the empty tree: diffing against it lists every file of a commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** The files a commit changed. */
export interface CommitChanges {
  /** Added or modified files with their new bytes and blob id. */
  written: Array<{ path: string; bytes: Buffer; sha: string }>;
  /** Deleted paths. */
  deleted: string[];
}

/** Reads the changes of `commit` against `parent` (null: against nothing, i.e. the whole tree). */
export async function readCommitChanges(repo: string, parent: string | null, commit: string): Promise<CommitChanges> {
  const raw = (await runGit(repo, ['diff-tree', '-r', '--raw', '-z', '--no-renames', parent ?? EMPTY_TREE, commit])).toString('utf8');
  // -z output: ":<old mode> <new mode> <old sha> <new sha> <status>\0<path>\0" per change.
  const fields = raw.split('\0');
  const wanted: Array<{ path: string; sha: string }> = [];
  const deleted: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const header = fields[i]!.trim();
    if (!header.startsWith(':')) break;
    const [, , , newSha, status] = header.slice(1).split(' ');
    const path = fields[i + 1]!;
    if (status === 'D') deleted.push(path);
    else wanted.push({ path, sha: newSha! });
  }
  const blobs = await readBlobs(repo, wanted.map((file) => file.sha));
  return { written: wanted.map((file, index) => ({ ...file, bytes: blobs[index]! })), deleted };
}
