/**
 * `cgct replay SOURCE [--from COMMIT] [--to COMMIT] [--include-deferred] [--allow-mass-repeal] [--json]`:
 * applies a corpus history amendment by amendment, with a progress bar and a summary; `--json`
 * prints each amendment's change set as one JSON line on stdout.
 */
import { formatTable } from '../format-table.ts';
import { runWithGraph } from '../run-with-graph.ts';
import { runReplay, type ReplayReport } from '../../ingest/history/run-replay.ts';

export const describe = 'apply a corpus history amendment by amendment (replay SOURCE [--from C] [--to C] [--include-deferred] [--json])';

const USAGE = 'Usage: cgct replay SOURCE [--from COMMIT] [--to COMMIT] [--include-deferred] [--allow-mass-repeal] [--json]';
const FLAGS = new Set(['--include-deferred', '--allow-mass-repeal', '--json']);

export async function run(args: string[]): Promise<number> {
  const valueOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const positional = args.filter((arg, index) => !arg.startsWith('--') && !['--from', '--to'].includes(args[index - 1] ?? ''));
  const unknown = args.filter((arg) => arg.startsWith('--') && !FLAGS.has(arg) && arg !== '--from' && arg !== '--to');
  if (positional.length !== 1 || unknown.length > 0) {
    console.error(unknown.length ? `cgct replay: unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const started = performance.now();
  return runWithGraph('replay', async (driver, progress) => {
    const report = await runReplay(driver, positional[0]!, {
      from: valueOf('--from'),
      to: valueOf('--to'),
      includeDeferred: args.includes('--include-deferred'),
      allowMassRepeal: args.includes('--allow-mass-repeal'),
      onProgress: (done, total, step) => progress.update(done, total, step),
    });
    progress.stop();
    if (args.includes('--json')) for (const changeSet of report.applied) console.log(JSON.stringify(changeSet));
    printSummary(report, performance.now() - started);
    return 0;
  });
}

function printSummary(report: ReplayReport, ms: number): void {
  const sum = (pick: (changeSet: ReplayReport['applied'][number]) => number) => report.applied.reduce((total, changeSet) => total + pick(changeSet), 0);
  const times = report.applied.map((changeSet) => changeSet.ms).sort((a, b) => a - b);
  const rows: Array<Array<string | number>> = [
    ['source', 'commits', 'already applied', 'applied now', 'articles +', 'articles ~', 'articles -', 'citations +', 'citations -', 'ms/amendment (median)', 'ms (max)'],
    [report.source, report.commits, report.alreadyApplied, report.applied.length, sum((c) => c.articles.added.length), sum((c) => c.articles.modified.length), sum((c) => c.articles.repealed.length),
      sum((c) => c.references.gained.length), sum((c) => c.references.lost.length), Math.round(times[Math.floor(times.length / 2)] ?? 0), Math.round(times[times.length - 1] ?? 0)],
  ];
  console.error(`\n${formatTable(rows)}`);
  if (report.outOfOrder.length) console.error(`${report.outOfOrder.length} commits dated before their predecessor were applied at the predecessor's date.`);
  console.error(`done in ${(ms / 1000).toFixed(1)} s`);
}
