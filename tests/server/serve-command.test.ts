/** `cgct serve`: prints where it listens, serves until stopped, refuses a bad port. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../neo4j/local-server-options.ts';
import { runCgct } from '../helpers/neo4j.ts';

it('prints the URL, answers there, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'cgct.js'), 'serve', '--port', '0'], { cwd: PROJECT_ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`cgct serve exited with ${code}: ${output}`)));
    });
    const ready = await fetch(`${url}ready`);
    expect(ready.status).toBe(200);
    const response = await fetch(`${url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
});

it('refuses a port that is not one', async () => {
  const result = await runCgct(['serve', '--port', 'abc']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--port must be a TCP port');
});
