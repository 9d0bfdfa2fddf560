/**
 * Is a TCP port free on 127.0.0.1, and if not, which process holds it? Read from /proc (Linux)
 * rather than from `ss` or `lsof`, which a minimal machine may lack.
 */
import { createServer } from 'node:net';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Resolves true when nothing listens on 127.0.0.1:port (we could bind it ourselves). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Inodes of the sockets listening on `port` (state 0A = LISTEN in /proc/net/tcp). */
function findListeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

function holdsSocket(pid: string, inodes: Set<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      return match !== null && inodes.has(match[1]!);
    } catch {
      return false;
    }
  });
}

/** The command line of a process, or undefined when it does not exist. */
export function readCommandLine(pid: number | string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return undefined;
  }
}

/** A command line short enough for a message: a java server is named by its main class. */
function shortenCommandLine(text: string): string {
  const mainClass = /\s([a-z]+(?:\.[a-z0-9_]+)+\.[A-Z]\w*)(\s|$)/.exec(text)?.[1];
  const shown = mainClass && text.startsWith('java') ? `java ${mainClass}${text.slice(text.indexOf(mainClass) + mainClass.length)}` : text;
  return shown.length > 160 ? `${shown.slice(0, 157)}...` : shown;
}

/** "pid 1234 (python3 -m http.server 7687)", or undefined when it cannot be told. */
export function describePortOwner(port: number): string | undefined {
  const inodes = findListeningInodes(port);
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const owner = pids.find((pid) => holdsSocket(pid, inodes));
  if (owner === undefined) return undefined;
  const commandLine = readCommandLine(owner);
  return commandLine ? `pid ${owner} (${shortenCommandLine(commandLine)})` : `pid ${owner}`;
}
