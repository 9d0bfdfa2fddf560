/**
 * `cgct export --format graphml|csv|json [--as-of DATE] [--code CODE] [--out FILE]`: the whole
 * citation graph holding on a date (default today), or one code's part of it, for Gephi, networkx
 * or a spreadsheet, on standard output or in a file; a summary line on stderr.
 */
import { writeFile } from 'node:fs/promises';
import { openDriver } from '../../neo4j/driver.ts';
import { isExplainedError } from '../../neo4j/errors.ts';
import { isCalendarDate, today } from '../../graph-schema/today.ts';
import { codesNamed } from '../../ingest/codes/code-registry.ts';
import { readCitationGraph } from '../../server/export/read-citation-graph.ts';
import { formatCitationGraph, type ExportFormat } from '../../server/export/write-graph-formats.ts';

export const describe = 'write the citation graph of a date (export --format graphml|csv|json [--as-of DATE] [--code CODE] [--out FILE])';

const USAGE = 'Usage: cgct export --format graphml|csv|json|nodes.csv|edges.csv [--as-of YYYY-MM-DD] [--code CODE] [--out FILE]';
const FORMATS: ExportFormat[] = ['graphml', 'csv', 'json', 'nodes.csv', 'edges.csv'];

export async function run(args: string[]): Promise<number> {
  const valueOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const format = valueOf('--format') as ExportFormat | undefined;
  const asOf = valueOf('--as-of') ?? today();
  const out = valueOf('--out');
  const codeName = valueOf('--code');
  const known = new Set(['--format', '--as-of', '--out', '--code']);
  const unknown = args.filter((arg, index) => arg.startsWith('--') && !known.has(arg) && !known.has(args[index - 1] ?? ''));
  if (!format || !FORMATS.includes(format) || unknown.length > 0) {
    console.error(unknown.length > 0 ? `cgct export: unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  if (!isCalendarDate(asOf)) {
    console.error(`cgct export: --as-of ${asOf}: expected a calendar date YYYY-MM-DD`);
    return 2;
  }
  // The code as GraphQL takes it: its folder ("code-de-lurbanisme"), its name or its abbreviation ("CGI").
  const code = codeName === undefined ? null : (codesNamed(codeName)[0]?.id ?? null);
  if (codeName !== undefined && !code) {
    console.error(`cgct export: --code ${codeName}: no such code (a folder of the corpus such as code-de-lurbanisme, a name or an abbreviation)`);
    return 2;
  }
  const started = performance.now();
  try {
    const driver = await openDriver();
    try {
      const graph = await readCitationGraph(driver, asOf, code);
      const text = formatCitationGraph(graph, format);
      if (out) await writeFile(out, text);
      else process.stdout.write(text);
      console.error(`cgct export: ${graph.nodes.length} nodes, ${graph.edges.length} relationships as of ${asOf}${code ? ` for ${code}` : ''}${out ? ` in ${out}` : ''} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      return 0;
    } finally {
      await driver.close();
    }
  } catch (error) {
    if (isExplainedError(error)) {
      console.error(`cgct export: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}
