import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseExtractArgs, run } from '../../../cli/commands/extract.ts';

const SEED_000 = fileURLToPath(new URL('../../../../shared/seeds/000_c854f3f50c2c0da0.txt', import.meta.url));
const SEED_002 = fileURLToPath(new URL('../../../../shared/seeds/002_d17a05eb9a599249.txt', import.meta.url));

/** Runs the command, capturing what it writes. */
async function runCaptured(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(console, 'error').mockImplementation((...parts) => void (stderr += `${parts.join(' ')}\n`));
  const status = await run(args);
  vi.restoreAllMocks();
  return { status, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('cgct extract', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'extract-cli-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints one JSON line per article with its references, and a summary on stderr', async () => {
    const { status, stdout, stderr } = await runCaptured([SEED_000, SEED_002]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; file: string; references: Array<Record<string, unknown>> });
    expect(lines.map((line) => line.id)).toEqual(['L1115-1', 'L5111-1']);
    expect(lines[0]!.file).toBe(SEED_000);
    expect(lines[0]!.references[4]).toMatchObject({ target: 'L4141-1', code: 'CGCT', kind: 'single', via: 'text', hrefDisagrees: 'L4131-1' });
    for (const reference of lines[0]!.references) expect(Object.keys(reference)).toEqual(expect.arrayContaining(['target', 'code', 'kind', 'pinpoint', 'start', 'end', 'via', 'resolution']));
    expect(lines[0]!.references[0]!.pinpoint).toBeNull();
    expect(lines[1]!.references.find((reference) => reference.target === 'L5111-1-1')).toMatchObject({ pinpoint: 'I et III' });
    expect(stderr).toContain('legifrance-md 1, liens-relatifs-md 1');
    expect(stderr).toMatch(/unresolved references \(never-existed \d+\)/);
  });

  it('prints a table with --format table', async () => {
    const { stdout } = await runCaptured([SEED_000, '--format', 'table']);
    expect(stdout.split('\n')[0]).toMatch(/^from\s+target\s+code\s+pinpoint\s+via\s+resolution$/);
    expect(stdout).toContain('text (href says L4131-1)');
  });

  it('exits with 1 and names the rejected file and its reason', async () => {
    writeFileSync(path.join(folder, 'vide.md'), '');
    writeFileSync(path.join(folder, 'l1.md'), '# Article L1111-1\n\n<p>Les communes s’administrent librement.</p>');
    const { status, stdout, stderr } = await runCaptured([folder]);
    expect(status).toBe(1);
    expect(stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['L1111-1']);
    expect(stderr).toContain('vide.md:1 [empty-file] the file is empty');
  });

  it('exits with 1 when a source does not exist, and 2 on a usage error', async () => {
    expect((await runCaptured([path.join(folder, 'absent')])).status).toBe(1);
    expect((await runCaptured(['--format', 'xml', SEED_000])).status).toBe(2);
    expect(() => parseExtractArgs([])).toThrow(/at least one/);
    expect(parseExtractArgs(['a.bundle', '--commit', 'abc', '--all'])).toEqual({ paths: ['a.bundle'], format: 'json', commit: 'abc', all: true });
    expect(parseExtractArgs(['a', '--report', 'r.jsonl']).report).toBe('r.jsonl');
    expect(() => parseExtractArgs(['a', '--report'])).toThrow(/--report needs/);
  });

  it('lists every rejected file with --report FILE, one JSON line each, errors first', async () => {
    const hostile = path.join(folder, 'hostile');
    mkdirSync(hostile);
    for (let i = 0; i < 30; i++) writeFileSync(path.join(hostile, `l${i}.md`), `# Article ../../etc/passwd${i}\n\n<p>x</p>`);
    writeFileSync(path.join(hostile, 'l1111-1.md'), '# Article L1111-1\n\n<p>Texte.</p>');
    const report = path.join(folder, 'report.jsonl');
    const { status, stderr } = await runCaptured([hostile, '--report', report]);
    expect(status).toBe(1);
    expect(stderr).toContain('… and 10 more (--all or --report FILE lists them all)');
    const lines = readFileSync(report, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { file: string; ruleId: string; severity: string });
    expect(lines).toHaveLength(30);
    expect(new Set(lines.map((line) => line.file)).size).toBe(30);
    expect(lines.every((line) => line.ruleId === 'invalid-article-id' && line.severity === 'error')).toBe(true);
  });
});
