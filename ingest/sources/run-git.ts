/**
 * The two ways the ingest talks to git: one command whose output is read whole (`git log`,
 * `git ls-tree`), and one long-lived `git cat-file --batch` that streams blobs, so that reading
 * the 15,000 files of a commit costs one process instead of one checkout per file.
 */
import { spawn } from 'node:child_process';

/** Runs `git ARGS` in `cwd`; resolves to its stdout, rejects with its stderr when it fails. */
export function runGit(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`git ${args.join(' ')} failed (${code}): ${Buffer.concat(err).toString().trim()}`));
    });
  });
}

/** True when `git ARGS` succeeds in `cwd` (for probes such as "is this commit there?"). */
export async function isGitSuccess(cwd: string, args: string[]): Promise<boolean> {
  try {
    await runGit(cwd, args);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the given blobs through one `git cat-file --batch`: writes every object name, then
 * parses the replies ("<sha> blob <size>\n<bytes>\n") in order.
 */
export function readBlobs(cwd: string, shas: string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const blobs: Buffer[] = [];
    let pending: Buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        const headerEnd = pending.indexOf(10);
        if (headerEnd < 0) return;
        const header = pending.subarray(0, headerEnd).toString();
        const size = Number(header.split(' ')[2]);
        if (header.endsWith(' missing') || Number.isNaN(size)) {
          reject(new Error(`git cat-file: ${header}`));
          child.kill();
          return;
        }
        if (pending.length < headerEnd + 1 + size + 1) return;
        blobs.push(Buffer.from(pending.subarray(headerEnd + 1, headerEnd + 1 + size)));
        pending = pending.subarray(headerEnd + 1 + size + 1);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (blobs.length === shas.length) resolve(blobs);
      else reject(new Error(`git cat-file --batch stopped (${code}) after ${blobs.length} of ${shas.length} blobs`));
    });
    child.stdin.end(shas.map((sha) => `${sha}\n`).join(''));
  });
}
