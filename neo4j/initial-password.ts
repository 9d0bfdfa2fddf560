/**
 * The local server's password: generated on first start, handed to Neo4j with neo4j-admin's
 * `dbms set-initial-password` (which writes data/dbms/auth.ini, read once when the system database
 * is created), and kept in the instance's git-ignored `password` file for the driver to read.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSetupError } from './errors.ts';
import { describeInstanceFiles, type LocalServerOptions } from './local-server-options.ts';
import { ADMIN_TOOL, buildJvmArgs } from './server-config.ts';

/** The password of a local instance, or undefined before its first start. */
export function readLocalPassword(homeDir: string): string | undefined {
  const { passwordFile } = describeInstanceFiles(homeDir);
  return existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : undefined;
}

/**
 * Returns the instance's password, generating and installing one when the store is new.
 * Needs the instance's neo4j.conf written already (it says where the data folder is).
 */
export function ensureInitialPassword(options: LocalServerOptions, java: string): string {
  const existing = readLocalPassword(options.homeDir);
  if (existing) return existing;
  const files = describeInstanceFiles(options.homeDir);
  if (existsSync(path.join(files.dataDir, 'databases'))) {
    throw new DatabaseSetupError(
      `The Neo4j store in ${files.dataDir} exists but its password file ${files.passwordFile} is missing, ` +
        `so nobody can log in. Delete ${files.dataDir} to start from an empty store (the graph is rebuilt by the ingest).`,
    );
  }
  const password = createPassword();
  const result = spawnSync(
    java,
    [...buildJvmArgs({ ...options, heapSize: '256m' }), '-cp', path.join(options.libDir, '*'), ADMIN_TOOL,
      'dbms', 'set-initial-password', password],
    { encoding: 'utf8', env: { ...process.env, NEO4J_HOME: options.homeDir, NEO4J_CONF: files.confDir } },
  );
  if (result.status !== 0) {
    throw new DatabaseSetupError(
      `neo4j-admin could not set the initial password (exit ${result.status}): ` +
        summarizeJavaError(result.stderr || result.stdout || String(result.error)),
    );
  }
  writeFileSync(files.passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A Java error without its stack frames: the exception lines say what went wrong. */
function summarizeJavaError(output: string): string {
  const lines = output.split('\n').filter((line) => line.trim() && !/^\s+(at |\.\.\. \d+ more)/.test(line));
  return lines.slice(0, 3).join('\n');
}

/**
 * A random password that neo4j-admin takes as a value: base64url text may start with "-", which
 * its command line then reads as an option ("Missing required parameter: '<password>'", one
 * start in 64), so it starts with a letter.
 */
export function createPassword(): string {
  return `p${randomBytes(18).toString('base64url')}`;
}
