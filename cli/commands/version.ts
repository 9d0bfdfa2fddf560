/** `cgct version`: prints the package version (also a smoke test of the command dispatcher). */
import { readFileSync } from 'node:fs';

export const describe = 'print the version of cgct-graph';

export async function run(): Promise<number> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  console.log(pkg.version);
  return 0;
}
