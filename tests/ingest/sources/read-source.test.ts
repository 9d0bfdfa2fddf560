import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCommits } from '../../../ingest/sources/list-commits.ts';
import { parseSourceSpec, readSource, SourceError } from '../../../ingest/sources/read-source.ts';

// A two-commit corpus of our own, as a checkout and as a bundle (branch cgct-only, like the real ones).
let work: string;
let checkout: string;
let bundle: string;
let first: string;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: checkout, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).toString().trim();
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'read-source-'));
  checkout = path.join(work, 'corpus');
  mkdirSync(path.join(checkout, 'partie'), { recursive: true });
  git('init', '-q', '-b', 'cgct-only');
  writeFileSync(path.join(checkout, 'partie', 'l1.md'), '# Article L1111-1\n\n<p>Version 1.</p>');
  git('add', '.');
  git('commit', '-q', '-m', 'Modifications par Loi n°96-142 du 21 février 1996', '--date', '1996-02-24T00:00:00+01:00');
  first = git('rev-parse', 'HEAD');
  writeFileSync(path.join(checkout, 'partie', 'l1.md'), '# Article L1111-1\n\n<p>Version 2.</p>');
  writeFileSync(path.join(checkout, 'partie', 'l2.md'), '# Article L1111-2\n\n<p>Nouveau.</p>');
  git('add', '.');
  git('commit', '-q', '-m', 'Modifications par LOI n°2022-217 du 21 février 2022', '--date', '2022-02-23T00:00:00+01:00');
  bundle = path.join(work, 'small-corpus.bundle');
  git('bundle', 'create', '-q', bundle, 'cgct-only');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const contents = (files: Array<{ path: string; bytes: Buffer }>) => Object.fromEntries(files.map((file) => [file.path, file.bytes.toString()]));

describe('readSource', () => {
  it('reads a folder without its .git', async () => {
    const source = await readSource({ location: checkout });
    expect(source.kind).toBe('folder');
    expect(Object.keys(contents(source.files))).toEqual(['partie/l1.md', 'partie/l2.md']);
  });

  it('reads a checkout at an older commit', async () => {
    const source = await readSource({ location: checkout, commit: first });
    expect(source).toMatchObject({ kind: 'git', commit: first });
    expect(contents(source.files)).toEqual({ 'partie/l1.md': '# Article L1111-1\n\n<p>Version 1.</p>' });
  });

  it("clones a bundle once into the cache, reads its branch's tip, and reads it again from the clone", async () => {
    const cacheDir = path.join(work, 'cache');
    const source = await readSource({ location: bundle }, { cacheDir });
    expect(source.kind).toBe('bundle');
    expect(contents(source.files)['partie/l2.md']).toBe('# Article L1111-2\n\n<p>Nouveau.</p>');
    const again = await readSource(parseSourceSpec(`${bundle}@${first.slice(0, 8)}`), { cacheDir });
    expect(again.commit).toBe(first);
    expect(Object.keys(contents(again.files))).toEqual(['partie/l1.md']);
  });

  it('reads a single file', async () => {
    const source = await readSource({ location: path.join(checkout, 'partie', 'l1.md') });
    expect(source.files.map((file) => file.path)).toEqual(['l1.md']);
  });

  it('says why a source cannot be read: missing, not a bundle, commit not found', async () => {
    await expect(readSource({ location: path.join(work, 'nothing') })).rejects.toMatchObject({ ruleId: 'source-not-found' });
    const fake = path.join(work, 'fake.bundle');
    writeFileSync(fake, 'not a bundle');
    await expect(readSource({ location: fake }, { cacheDir: path.join(work, 'cache') })).rejects.toMatchObject({ ruleId: 'not-a-source' });
    await expect(readSource({ location: checkout, commit: 'deadbeef' })).rejects.toBeInstanceOf(SourceError);
    await expect(readSource({ location: checkout, commit: 'deadbeef' })).rejects.toMatchObject({ ruleId: 'commit-not-found', message: expect.stringContaining('deadbeef') });
    await expect(readSource({ location: tmpdir(), commit: 'HEAD' })).rejects.toMatchObject({ ruleId: 'not-a-source' });
  });
});

describe('parseSourceSpec', () => {
  it('splits "corpus.bundle@COMMIT", an explicit commit winning', () => {
    expect(parseSourceSpec('a/b.bundle@22ed44d7')).toEqual({ location: 'a/b.bundle', commit: '22ed44d7' });
    expect(parseSourceSpec('a/b.bundle@22ed44d7', 'HEAD~1')).toEqual({ location: 'a/b.bundle', commit: 'HEAD~1' });
    expect(parseSourceSpec('a/folder')).toEqual({ location: 'a/folder' });
  });
});

describe('listCommits', () => {
  it('lists the commits oldest first, with the author date (entry into force) and the subject', async () => {
    const commits = await listCommits({ location: bundle }, { cacheDir: path.join(work, 'cache') });
    expect(commits.map((commit) => [commit.date, commit.subject])).toEqual([
      ['1996-02-24T00:00:00+01:00', 'Modifications par Loi n°96-142 du 21 février 1996'],
      ['2022-02-23T00:00:00+01:00', 'Modifications par LOI n°2022-217 du 21 février 2022'],
    ]);
    expect(commits[0]!.hash).toBe(first);
  });
});

describe('readSource on a folder holding what is not a regular file', () => {
  it('reads the regular files and names each other entry with its reason: symbolic link, FIFO, a name not UTF-8, a file too large', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'read-source-odd-'));
    try {
      mkdirSync(path.join(folder, 'a'));
      writeFileSync(path.join(folder, 'a', 'l1.md'), '# Article L1111-1\n\nx');
      writeFileSync(path.join(folder, 'a', 'big.md'), 'x'.repeat(2_000));
      writeFileSync(Buffer.concat([Buffer.from(path.join(folder, 'a', 'caf')), Buffer.from([0xe9, 0x2e, 0x6d, 0x64])]), 'x');
      symlinkSync('/etc/passwd', path.join(folder, 'a', 'passwd.md'));
      execFileSync('mkfifo', [path.join(folder, 'pipe.md')]);
      const progress: Array<[number, number]> = [];
      const source = await readSource({ location: folder }, { maxFileBytes: 1_000, onFile: (done, total) => progress.push([done, total]) });
      expect(source.files.map((file) => file.path)).toEqual(['a/l1.md']);
      expect(source.messages.map((message) => [message.file, message.ruleId, message.severity])).toEqual(expect.arrayContaining([
        ['a/caf\ufffd.md', 'invalid-file-name', 'error'],
        ['a/passwd.md', 'not-a-regular-file', 'error'],
        ['pipe.md', 'not-a-regular-file', 'error'],
        ['a/big.md', 'file-too-large', 'error'],
      ]));
      expect(source.messages).toHaveLength(4);
      expect(source.messages.find((message) => message.file === 'pipe.md')?.reason).toMatch(/FIFO/);
      expect(progress.at(-1)).toEqual([2, 2]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('readSource on a git checkout at a commit', () => {
  it('names a symbolic link and a blob past maxFileBytes, never reading them', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'read-source-git-'));
    const run = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    try {
      run('init', '-q');
      writeFileSync(path.join(repo, 'l1.md'), '# Article L1111-1\n\nx');
      writeFileSync(path.join(repo, 'big.md'), 'x'.repeat(2_000));
      symlinkSync('/etc/passwd', path.join(repo, 'passwd.md'));
      run('add', '.');
      run('commit', '-q', '-m', 'c');
      const source = await readSource({ location: repo, commit: 'HEAD' }, { maxFileBytes: 1_000 });
      expect(source.files.map((file) => file.path)).toEqual(['l1.md']);
      expect(source.messages.map((message) => [message.file, message.ruleId])).toEqual([['big.md', 'file-too-large'], ['passwd.md', 'not-a-regular-file']]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
