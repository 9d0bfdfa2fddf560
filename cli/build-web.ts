/**
 * Builds the web UI (web/ → web/dist, with Vite) when the build is missing or older than any
 * source of the UI, so `npm start` always serves the UI of the checked-out code.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../neo4j/local-server-options.ts';

const WEB_DIR = path.join(PROJECT_ROOT, 'web');
const DIST_INDEX = path.join(WEB_DIR, 'dist', 'index.html');
/** Files outside web/ bundled into the UI (shared id normalization). */
const SHARED_SOURCES = [path.join(PROJECT_ROOT, 'ingest', 'article-id.ts')];

/** Newest modification time among the UI's sources. */
function newestSourceTime(): number {
  const files = readdirSync(WEB_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !path.join(entry.parentPath, entry.name).includes(`${path.sep}dist${path.sep}`))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return Math.max(...[...files, ...SHARED_SOURCES].map((file) => statSync(file).mtimeMs));
}

/** True when web/dist is missing or older than a source. */
export function isWebBuildStale(): boolean {
  try {
    return statSync(DIST_INDEX).mtimeMs < newestSourceTime();
  } catch {
    return true;
  }
}

/** Builds the UI if it is stale; resolves to true when it built. */
export async function ensureWebBuild(): Promise<boolean> {
  if (!isWebBuildStale()) return false;
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
