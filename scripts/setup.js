#!/usr/bin/env node
/**
 * Installs whatever is missing before `npm start` or `npm test`, and nothing else, so it takes
 * well under a second when all is there:
 *   - node_modules, when absent or older than package-lock.json (`npm ci` / `npm install`);
 *   - the Neo4j server's jars in .cache/neo4j/lib, from Maven Central through neo4j/pom.xml;
 *   - with --for-tests, Debian's chromium for the browser tests (installed with apt-get as root).
 * Plain Node on purpose: it runs before node_modules exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POM = path.join(ROOT, 'neo4j', 'pom.xml');
const LIB_DIR = path.join(ROOT, '.cache', 'neo4j', 'lib');
const CHROMIUM = '/usr/bin/chromium';

/** Stops with one message naming the cause and what to do. */
function fail(message) {
  console.error(`setup: ${message}`);
  process.exit(1);
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function runStep(what, command, args, options = {}) {
  console.error(`setup: ${what}...`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error?.code === 'ENOENT') return { missing: true };
  if (result.status !== 0) fail(`${what} failed (\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}); see the output above.`);
  return { missing: false };
}

/** npm writes node_modules/.package-lock.json at each install: older than the lock = stale. */
function ensureNodeModules() {
  const installed = mtime(path.join(ROOT, 'node_modules', '.package-lock.json'));
  const wanted = mtime(path.join(ROOT, 'package-lock.json'));
  if (installed !== undefined && (wanted === undefined || installed >= wanted)) return;
  const args = installed === undefined ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  if (runStep('installing node modules', 'npm', args).missing) fail('npm was not found: install Node.js 20 or later with npm.');
}

function readNeo4jVersion() {
  const version = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(POM, 'utf8'))?.[1];
  if (!version) fail(`no <neo4j.version> in ${POM}.`);
  return version;
}

/** A stamp written last marks a complete download of this version (an interrupted one has none). */
function ensureNeo4jJars() {
  const version = readNeo4jVersion();
  const stamp = path.join(LIB_DIR, `.complete-${version}`);
  if (existsSync(stamp)) return;
  const staging = `${LIB_DIR}.download-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const args = ['-q', '-B', '-Dstyle.color=never', '-f', POM, 'dependency:copy-dependencies', `-Dneo4j.lib=${staging}`];
  if (runStep(`downloading Neo4j ${version} jars with Maven (once, about 125 MB)`, 'mvn', args).missing) {
    fail('Maven (mvn) is needed once to download Neo4j\'s jars: install it (Debian: apt-get install maven), with Java 17 (openjdk-17-jre-headless).');
  }
  writeFileSync(path.join(staging, `.complete-${version}`), `${new Date().toISOString()}\n`);
  // Swap in the new folder whole, so that jars of two versions never share the classpath.
  mkdirSync(path.dirname(LIB_DIR), { recursive: true });
  rmSync(LIB_DIR, { recursive: true, force: true });
  renameSync(staging, LIB_DIR);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    fail(`the browser tests need Debian's chromium (${CHROMIUM} is missing): run \`sudo apt-get install -y chromium\`, then npm test again.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (runStep('updating the apt package lists', 'apt-get', ['update', '-q'], { env }).missing) {
    fail(`the browser tests need chromium (${CHROMIUM} is missing) and apt-get is not available: install chromium by hand.`);
  }
  runStep('installing chromium for the browser tests', 'apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], { env });
}

ensureNodeModules();
ensureNeo4jJars();
if (process.argv.includes('--for-tests')) ensureChromium();
