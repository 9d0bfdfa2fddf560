/**
 * `cgct ingest SOURCE… [--allow-mass-repeal]`: loads corpus snapshots into the graph, writing only
 * what changed. A source is a folder, a git checkout (`folder@COMMIT`), or a bundle
 * (`../shared/corpus/cgct-lexlib-history.bundle`, optionally `…bundle@COMMIT`).
 * `cgct ingest --history BUNDLE… [--documents PATH…]`: builds the whole history of git sources
 * into an empty graph at once (ingest/history/run-history-build.ts).
 */
import { formatTable } from '../format-table.ts';
import { runWithGraph } from '../run-with-graph.ts';
import { parseSourceSpec } from '../../ingest/sources/read-source.ts';
import type { Driver } from 'neo4j-driver';
import { IngestRefusedError, runIngest, type SourceIngestReport } from '../../ingest/run-ingest.ts';
import { isHistoryGraph } from '../../ingest/graph/write-amendment.ts';
import { runReplay } from '../../ingest/history/run-replay.ts';
import type { SourceSpec } from '../../ingest/sources/read-source.ts';
import { listCommits } from '../../ingest/sources/list-commits.ts';
import { today } from '../../graph-schema/today.ts';
import type { Progress } from '../progress.ts';
import { runHistoryBuild } from '../../ingest/history/run-history-build.ts';
import { printHistoryReport } from '../format-history-report.ts';
import { writeReport } from '../write-report.ts';
import { isCodeSource } from '../../ingest/sources/read-code-folders.ts';
import { runCodesIngest } from '../../ingest/codes/run-codes-ingest.ts';
import { printCodesReport } from '../format-codes-report.ts';

export const describe = 'load corpus snapshots into Neo4j, writing only what changed (ingest SOURCE… [--allow-mass-repeal]), or whole histories (ingest --history BUNDLE…)';

const USAGE = [
  'Usage: cgct ingest SOURCE... [--allow-mass-repeal]',
  '       cgct ingest --history SOURCE... [--documents PATH...] [--allow-mass-repeal]',
  '  SOURCE: a folder, a git checkout (folder@COMMIT) or a git bundle (file.bundle or file.bundle@COMMIT)',
  '  --history: every commit of each git source, built at once into an empty graph',
  '  --report FILE: every message, one JSON line each (rejected files first)',
].join('\n');
const FLAGS = new Set(['--allow-mass-repeal', '--history', '--documents', '--report']);

export async function run(args: string[]): Promise<number> {
  const allowMassRepeal = args.includes('--allow-mass-repeal');
  // --report FILE: every message of the run, one JSON line each, rejected files first.
  const reportAt = args.indexOf('--report');
  const reportFile = reportAt >= 0 ? args[reportAt + 1] : undefined;
  if (reportAt >= 0 && (!reportFile || reportFile.startsWith('--'))) {
    console.error(`cgct ingest: --report needs a file name\n${USAGE}`);
    return 2;
  }
  args = args.filter((_arg, index) => reportAt < 0 || (index !== reportAt && index !== reportAt + 1));
  const documentsAt = args.indexOf('--documents');
  const documents = documentsAt < 0 ? [] : args.slice(documentsAt + 1).filter((arg) => !arg.startsWith('--'));
  let locations = (documentsAt < 0 ? args : args.slice(0, documentsAt)).filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && !FLAGS.has(arg));
  if (locations.length === 0 || unknown.length > 0 || (documents.length > 0 && !args.includes('--history'))) {
    console.error(unknown.length > 0 ? `cgct ingest: unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const started = performance.now();
  if (args.includes('--history')) {
    return runWithGraph('ingest --history', async (driver, progress) => {
      const report = await runHistoryBuild(driver, locations.map((location) => parseGitSpec(location)), {
        allowMassRepeal,
        documents,
        onProgress: (stage, done, total) => progress.update(done, total, stage),
      });
      progress.stop();
      printHistoryReport(report);
      if (reportFile) await writeReport(reportFile, report.messages);
      return 0;
    });
  }
  return runWithGraph('ingest', async (driver, progress) => {
    // A source of codes (all-codes-tip.bundle) loads the other codes beside the CGCT, on any graph.
    const codeSources = (await Promise.all(locations.map(async (location) => ((await isCodeSource(location)) ? location : undefined)))).filter((location): location is string => location !== undefined);
    for (const location of codeSources) {
      const report = await runCodesIngest(driver, location, { onProgress: (stage, done, total) => progress.update(done, total, stage) });
      progress.stop();
      printCodesReport(report, performance.now() - started);
      if (reportFile) await writeReport(reportFile, report.messages);
    }
    locations = locations.filter((location) => !codeSources.includes(location));
    if (locations.length === 0) return 0;
    if (await isHistoryGraph(driver)) return ingestOnHistory(driver, locations.map((location) => parseGitSpec(location)), allowMassRepeal, progress);
    const reports = await runIngest(driver, await Promise.all(locations.map((location) => inForceToday(parseGitSpec(location)))), {
      allowMassRepeal,
      onProgress: (stage, done, total) => progress.update(done, total, stage),
    });
    progress.stop();
    printReports(reports, performance.now() - started);
    if (reportFile) await writeReport(reportFile, reports.flatMap((report) => report.messages));
    return 0;
  });
}

/**
 * On a graph holding the code's history, a git source at a newer commit is brought in amendment by
 * amendment (what `cgct replay` does); a folder without dates cannot be placed on the timeline.
 */
async function ingestOnHistory(driver: Driver, specs: SourceSpec[], allowMassRepeal: boolean, progress: Progress): Promise<number> {
  for (const spec of specs) {
    if (!spec.location.endsWith('.bundle') && !spec.commit) {
      throw new IngestRefusedError(
        spec.location,
        'the graph holds the code\'s history, and a folder carries no dates to place its texts on it. ' +
          'Bring the history up to date with `cgct replay SOURCE` or `cgct ingest BUNDLE@COMMIT`; nothing was written.',
      );
    }
  }
  for (const spec of specs) {
    const report = await runReplay(driver, spec.location, { to: spec.commit, allowMassRepeal, onProgress: (done, total, step) => progress.update(done, total, step) });
    progress.stop();
    const changed = report.applied.reduce((sum, set) => sum + set.articles.added.length + set.articles.modified.length + set.articles.repealed.length, 0);
    console.error(`${report.source}: ${report.applied.length} amendments applied on the history (${report.alreadyApplied} already there), ${changed} articles added, modified or repealed`);
  }
  return 0;
}

/**
 * A bundle named without a commit is read at its last commit already in force: the legifrance-md
 * history ends with amendments deferred to 2038, whose texts are not the code of today.
 */
async function inForceToday(spec: SourceSpec): Promise<SourceSpec> {
  if (spec.commit || !spec.location.endsWith('.bundle')) return spec;
  const day = today();
  const commits = await listCommits(spec);
  const inForce = commits.filter((commit) => commit.date.slice(0, 10) <= day).pop();
  return inForce ? { ...spec, commit: inForce.hash } : spec;
}

/** "folder@COMMIT" works for checkouts as "file.bundle@COMMIT" does for bundles. */
function parseGitSpec(location: string): ReturnType<typeof parseSourceSpec> {
  const at = /^(.+?)@([0-9a-f]{4,40})$/i.exec(location);
  if (at && !location.endsWith('.bundle')) return { location: at[1]!, commit: at[2]! };
  return parseSourceSpec(location);
}

function printReports(reports: SourceIngestReport[], totalMs: number): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows: Array<Array<string | number>> = [['source', 'date', 'files', 'added', 'changed', 'unchanged', 'removed', 'rejected', 'refs text', 'refs link', 'refs both', 'metadata', 'resolved', 'external', 'unresolved']];
  for (const report of reports) {
    const { articles: a, references: r } = report;
    rows.push([report.snapshot.source, report.snapshot.date, report.extraction.files, a.articlesAdded, a.articlesChanged, a.articlesUnchanged, a.articlesRemoved, a.rejected, r.text, r.link, r.both, r.metadata, r.resolved, r.external, r.unresolved]);
  }
  console.error(`\n${formatTable(rows)}\n`);
  const timeRows: Array<Array<string | number>> = [['source', 'read', 'parse', 'extract', 'resolve', 'plan', 'write', 'relationships +/~/-']];
  for (const report of reports) {
    const t = report.timings;
    const c = report.articles;
    timeRows.push([report.snapshot.source, seconds(t.read), seconds(t.parse), seconds(t.extract), seconds(t.resolve), seconds(t.plan), seconds(t.write), `${c.edgesAdded}/${c.edgesChanged}/${c.edgesRemoved}`]);
  }
  console.error(`${formatTable(timeRows)}\n`);
  for (const report of reports) {
    for (const file of report.rejectedFiles.slice(0, 20)) {
      const reason = report.messages.find((message) => message.file === file && message.severity === 'error');
      console.error(`rejected: ${file}${reason ? `${reason.line ? `:${reason.line}` : ''}: ${reason.reason} [${reason.ruleId}]` : ''}`);
    }
    if (report.rejectedFiles.length > 20) console.error(`… and ${report.rejectedFiles.length - 20} more rejected files in ${report.snapshot.source} (--report FILE lists them all)`);
  }
  console.error(`done in ${seconds(totalMs)}`);
}
