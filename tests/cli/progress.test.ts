import { describe, expect, it } from 'vitest';
import { createProgress } from '../../cli/progress.ts';

describe('createProgress off a terminal', () => {
  it('prints a line every tenth of the way, and the first line of each new step (read → parse) even at the same tenth', () => {
    let written = '';
    const stream = { isTTY: false, write: (chunk: string) => ((written += chunk), true) } as unknown as NodeJS.WriteStream;
    const progress = createProgress('ingest', stream);
    for (let done = 0; done <= 200; done += 10) progress.update(done, 200, 'read corpus');
    progress.update(0, 200, 'parse corpus');
    progress.update(5, 200, 'parse corpus');
    const lines = written.trim().split('\n');
    expect(lines[0]).toBe('ingest: 0% (0/200) read corpus');
    expect(lines.filter((line) => line.includes('read corpus'))).toHaveLength(11);
    expect(lines.at(-1)).toBe('ingest: 0% (0/200) parse corpus');
  });
});
