/**
 * Starts, finds and stops the local Neo4j: a separate, detached java process running the
 * server's own entry point, recorded in the instance's pid file. A start either ends with Bolt
 * answering or with the process gone: never a half-started server left behind.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DatabaseSetupError } from './errors.ts';
import { ensureInitialPassword, readLocalPassword } from './initial-password.ts';
import { describeInstanceFiles, toLocalUri, type LocalServerOptions } from './local-server-options.ts';
import { readCommandLine } from './port-owner.ts';
import { checkFreeDisk, checkJars, checkJava, checkPortFree, findJava } from './preflight.ts';
import { buildServerArgs, ENTRY_POINT, renderNeo4jConf } from './server-config.ts';
import { measureFile, pause, probeBolt, readLogTail } from './server-readiness.ts';
import { stopProcess } from './stop-process.ts';

/** A local server that answers on Bolt. */
export interface RunningServer {
  /** "started" by this call, or found "already-running". */
  status: 'started' | 'already-running';
  pid: number;
  uri: string;
  user: string;
  password: string;
  /** Seconds from the call to Bolt answering (0 when already running). */
  seconds: number;
}

/** The pid of this instance's server when it runs, else undefined (a stale pid file is removed). */
export function findRunningPid(options: LocalServerOptions): number | undefined {
  const { pidFile } = describeInstanceFiles(options.homeDir);
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return undefined;
  }
  const commandLine = readCommandLine(pid) ?? '';
  // The pid may have been reused by another program since: check it is our server.
  if (Number.isInteger(pid) && pid > 0 && commandLine.includes(ENTRY_POINT) && commandLine.includes(`--home-dir=${options.homeDir}`)) return pid;
  rmSync(pidFile, { force: true });
  return undefined;
}

/** Starts this instance's server unless it runs already; resolves once Bolt answers. */
export async function startLocalServer(options: LocalServerOptions): Promise<RunningServer> {
  const began = Date.now();
  const files = describeInstanceFiles(options.homeDir);
  const uri = toLocalUri(options.port);
  const runningPid = findRunningPid(options);
  if (runningPid !== undefined) {
    const password = readLocalPassword(options.homeDir) ?? '';
    return { status: 'already-running', pid: runningPid, uri, user: 'neo4j', password, seconds: 0 };
  }
  const java = findJava();
  checkJava(java);
  checkJars(options.libDir);
  for (const dir of [files.confDir, files.dataDir, files.logsDir]) mkdirSync(dir, { recursive: true });
  checkFreeDisk(files.dataDir);
  await checkPortFree(options.port);
  writeFileSync(files.confFile, renderNeo4jConf(options));
  const password = ensureInitialPassword(options, java);

  const logStart = measureFile(files.neo4jLog);
  const console = openSync(files.consoleLog, 'w');
  const child = spawn(java, buildServerArgs(options), { detached: true, stdio: ['ignore', console, console] });
  closeSync(console);
  let exitCode: number | null | undefined;
  child.on('exit', (code, signal) => (exitCode = code ?? (signal ? 128 : 1)));
  child.on('error', () => (exitCode = 127));
  child.unref();
  const pid = child.pid!;
  writeFileSync(files.pidFile, `${pid}\n`);

  const abandon = async (reason: string): Promise<never> => {
    await stopProcess(pid, 30_000);
    rmSync(files.pidFile, { force: true });
    throw new DatabaseSetupError(`${reason}\n${formatLogTail(files.neo4jLog, logStart, files.consoleLog)}`);
  };
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (;;) {
      if (exitCode !== undefined) {
        rmSync(files.pidFile, { force: true });
        throw new DatabaseSetupError(
          `Neo4j stopped during start-up (exit code ${exitCode}).\n${formatLogTail(files.neo4jLog, logStart, files.consoleLog)}`,
        );
      }
      if (interrupted) return await abandon('Start interrupted: the half-started Neo4j was stopped.');
      if (Date.now() - began > options.startTimeoutMs) {
        return await abandon(
          `Neo4j did not answer on ${uri} within ${options.startTimeoutMs / 1000} s, so it was stopped ` +
            '(raise CGCT_NEO4J_START_TIMEOUT if this machine is just slow).',
        );
      }
      const probe = await probeBolt(uri, 'neo4j', password);
      if (probe.state === 'ready') {
        return { status: 'started', pid, uri, user: 'neo4j', password, seconds: (Date.now() - began) / 1000 };
      }
      if (probe.state === 'refused') {
        return await abandon(
          `Neo4j refused the password kept in ${files.passwordFile} (${probe.reason}). ` +
            `The store in ${files.dataDir} was made with another one: delete that folder to start afresh.`,
        );
      }
      await pause(250);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function formatLogTail(neo4jLog: string, from: number, consoleLog: string): string {
  const lines = [...readLogTail(consoleLog, 0, 10), ...readLogTail(neo4jLog, from, 15)];
  if (lines.length === 0) return `(Neo4j wrote nothing to ${neo4jLog})`;
  return `Last lines of Neo4j's logs (${consoleLog}, ${neo4jLog}):\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

/** Stops this instance's server with SIGTERM (a clean shutdown); resolves once it is gone. */
export async function stopLocalServer(options: LocalServerOptions): Promise<{ status: 'stopped' | 'not-running'; pid?: number; forced?: boolean }> {
  const pid = findRunningPid(options);
  if (pid === undefined) return { status: 'not-running' };
  const forced = await stopProcess(pid, 60_000);
  rmSync(describeInstanceFiles(options.homeDir).pidFile, { force: true });
  return { status: 'stopped', pid, forced };
}
