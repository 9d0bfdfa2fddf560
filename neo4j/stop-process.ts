/**
 * Ends one process by its pid: SIGTERM first (Neo4j's entry point then checkpoints and closes the
 * store cleanly), SIGKILL only if it is still there after the grace period.
 */
import { readFileSync } from 'node:fs';
import { pause } from './server-readiness.ts';

/** True while a process with this pid exists and has not exited (a zombie waiting for its parent counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A killed server started by this very process stays a zombie until reaped: /proc says "Z". */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Sends SIGTERM and waits; resolves true when SIGKILL was needed. */
export async function stopProcess(pid: number, graceMs: number): Promise<boolean> {
  if (!signal(pid, 'SIGTERM')) return false;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return false;
    await pause(100);
  }
  signal(pid, 'SIGKILL');
  while (isAlive(pid)) await pause(100);
  return true;
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}
