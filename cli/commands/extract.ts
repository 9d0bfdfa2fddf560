/**
 * `cgct extract PATH… [--format json|table] [--commit REV] [--all]`: parses files, folders, git
 * checkouts and bundles ("../shared/corpus/cgct-lexlib-history.bundle@22ed44d7"), any mix, and
 * prints every article's and document's references; the summary goes to stderr. Exit status 1
 * when a file was rejected or a source could not be read.
 */
import { writeReport } from '../write-report.ts';
import { formatJsonLine, formatSummary, formatTable } from '../format-extraction.ts';
import { parseSourceSpec, SourceError } from '../../ingest/sources/read-source.ts';
import { runExtraction } from '../../ingest/references/run-extraction.ts';

export const describe = 'print the references of articles and documents (extract PATH… [--format json|table] [--commit REV] [--all] [--report FILE])';

const USAGE = 'Usage: cgct extract PATH... [--format json|table] [--commit REV] [--all] [--report FILE]';

/** The parsed arguments of `cgct extract`. */
export interface ExtractArgs {
  paths: string[];
  format: 'json' | 'table';
  commit?: string;
  all: boolean;
  /** Where to write every message, one JSON object per line (rejected files first). */
  report?: string;
}

/** Reads the arguments; throws a usage message on bad input. */
export function parseExtractArgs(args: string[]): ExtractArgs {
  const parsed: ExtractArgs = { paths: [], format: 'json', all: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--all') parsed.all = true;
    else if (arg === '--report' || arg.startsWith('--report=')) {
      const value = arg === '--report' ? args[++i] : arg.slice('--report='.length);
      if (!value) throw new Error('--report needs a file name.');
      parsed.report = value;
    }
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'json' && value !== 'table') throw new Error(`--format takes json or table, not "${value ?? ''}".`);
      parsed.format = value;
    } else if (arg === '--commit' || arg.startsWith('--commit=')) {
      const value = arg === '--commit' ? args[++i] : arg.slice('--commit='.length);
      if (!value) throw new Error('--commit needs a commit.');
      parsed.commit = value;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else parsed.paths.push(arg);
  }
  if (parsed.paths.length === 0) throw new Error('Give at least one file, folder or bundle.');
  return parsed;
}

export async function run(args: string[]): Promise<number> {
  let parsed: ExtractArgs;
  try {
    parsed = parseExtractArgs(args);
  } catch (error) {
    console.error(`cgct extract: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let result;
  try {
    result = await runExtraction(parsed.paths.map((path) => parseSourceSpec(path, parsed.commit)));
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    console.error(`cgct extract: ${error.message}`);
    return 1;
  }
  if (parsed.format === 'table') process.stdout.write(`${formatTable(result.byText)}\n`);
  else for (const text of result.byText) process.stdout.write(`${formatJsonLine(text)}\n`);
  process.stderr.write(`${formatSummary(result, parsed.all ? Infinity : 20)}\n`);
  if (parsed.report) {
    await writeReport(parsed.report, result.messages);
    process.stderr.write(`report: ${result.messages.length} messages written to ${parsed.report}\n`);
  }
  return result.rejectedFiles.length > 0 ? 1 : 0;
}

/** Writes every message as a JSON line, errors (the rejected files) first, streamed so that no size can exhaust memory. */
