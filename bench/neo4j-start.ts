/**
 * How long Neo4j takes to become usable, in seconds:
 *   - cold: the Maven download of the server's jars into an EMPTY local repository
 *     (-Dmaven.repo.local=<temp>), then the first start (password set, store created);
 *   - warm: a start on the existing store, jars in place (what `npm start` does every day);
 *   - stop: the clean shutdown after SIGTERM.
 * Everything lives in a temporary folder, removed at the end. The server is sized as the product's
 * (heap 2g, page cache 1g, full JIT). Run: npx tsx bench/neo4j-start.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalServer, stopLocalServer } from '../neo4j/local-server.ts';
import { PROJECT_ROOT, resolveLocalServerOptions, type LocalServerOptions } from '../neo4j/local-server-options.ts';
import { isPortFree } from '../neo4j/port-owner.ts';

/** One measured step. */
export interface StartTiming {
  step: string;
  seconds: number;
}

async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port += 1) if (await isPortFree(port)) return port;
  throw new Error(`no free port in ${from}-${from + 99}`);
}

function downloadJars(repo: string, lib: string): number {
  const began = Date.now();
  const result = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', `-Dmaven.repo.local=${repo}`, '-f',
    path.join(PROJECT_ROOT, 'neo4j', 'pom.xml'), 'dependency:copy-dependencies', `-Dneo4j.lib=${lib}`], { encoding: 'utf8' });
  // Maven prints its errors on stdout: show them only when it fails (quiet, it prints colour codes).
  if (result.status !== 0) throw new Error(`mvn exited with ${result.status ?? result.error?.message}\n${result.stdout}${result.stderr}`);
  return (Date.now() - began) / 1000;
}

/** Measures a cold and a warm start in a scratch folder; cleans up whatever happens. */
export async function measureNeo4jStart(): Promise<StartTiming[]> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'cgct-neo4j-bench-'));
  const options: LocalServerOptions = {
    ...resolveLocalServerOptions({}),
    port: await findFreePort(7740),
    homeDir: path.join(scratch, 'home'),
    libDir: path.join(scratch, 'lib'),
  };
  try {
    const download = downloadJars(path.join(scratch, 'm2'), options.libDir);
    const jars = readdirSync(options.libDir).filter((file) => file.endsWith('.jar')).length;
    const first = await startLocalServer(options);
    await stopLocalServer(options);
    const warm = await startLocalServer(options);
    const began = Date.now();
    await stopLocalServer(options);
    const stop = (Date.now() - began) / 1000;
    return [
      { step: `Maven download (${jars} jars, empty local repository)`, seconds: download },
      { step: 'first start (password, new store, Bolt answering)', seconds: first.seconds },
      { step: 'cold start = download + first start', seconds: download + first.seconds },
      { step: 'warm start (existing store)', seconds: warm.seconds },
      { step: 'clean stop (SIGTERM to exit)', seconds: stop },
    ];
  } finally {
    await stopLocalServer(options);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A Markdown table of the timings. */
export function formatTimings(timings: StartTiming[]): string {
  const width = Math.max(...timings.map((timing) => timing.step.length));
  return [`| ${'step'.padEnd(width)} | seconds |`, `|${'-'.repeat(width + 2)}|--------:|`,
    ...timings.map((timing) => `| ${timing.step.padEnd(width)} | ${timing.seconds.toFixed(1).padStart(7)} |`)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTimings(await measureNeo4jStart()));
}
