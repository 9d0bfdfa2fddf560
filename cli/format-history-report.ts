/**
 * The summary table a history build prints (`cgct ingest --history`, `npm start` on an empty
 * graph): per source what was read, then the graph written, the time per stage and the rate.
 */
import type { HistoryBuildReport } from '../ingest/history/run-history-build.ts';
import { formatTable } from './format-table.ts';

/** Prints the report on stderr; warnings are counted, errors listed (at most 20). */
export function printHistoryReport(report: HistoryBuildReport): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  if (report.outcome === 'already-built') {
    console.error(`The graph already holds the history of ${report.sources.map((source) => `${source.source}@${source.tip.slice(0, 8)}`).join(' and ')}: nothing to do.`);
    return;
  }
  const sources: Array<Array<string | number>> = [['source', 'commits', 'tip', 'file versions', 'article numbers']];
  for (const source of report.sources) sources.push([source.source, source.commits, source.tip.slice(0, 8), source.fileVersions, source.articles]);
  console.error(`\n${formatTable(sources)}\n`);
  const graph: Array<Array<string | number>> = [
    ['articles', 'in force today', 'versions', 'citation intervals', 'amendments', 'renumberings', 'nodes', 'relationships'],
    [report.articles, report.inForce, report.versions, report.citationIntervals, report.amendments, report.renumberings, report.nodes, report.relationships],
  ];
  console.error(`${formatTable(graph)}\n`);
  const t = report.timings;
  const rows = report.nodes + report.relationships;
  const stages: Array<Array<string | number>> = [
    ['read', 'parse', 'timelines', 'resolve', 'rows', 'write', 'total', 'rows written/s', 'peak memory'],
    [seconds(t.read), seconds(t.parse), seconds(t.timeline), seconds(t.resolve), seconds(t.rows), seconds(t.write), seconds(t.total), Math.round(rows / (t.write / 1000)), `${report.peakRssMb} MB`],
  ];
  console.error(`${formatTable(stages)}\n`);
  const errors = report.messages.filter((message) => message.severity === 'error');
  const warnings = report.messages.length - errors.length;
  for (const message of errors.slice(0, 20)) console.error(`rejected: ${message.file}${message.line ? `:${message.line}` : ''} [${message.ruleId}] ${message.reason}`);
  if (errors.length > 20) console.error(`… and ${errors.length - 20} more rejected file versions`);
  if (warnings > 0) {
    const byRule = new Map<string, number>();
    for (const message of report.messages) if (message.severity === 'warning') byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
    console.error(`warnings: ${[...byRule].map(([rule, count]) => `${count} ${rule}`).join(', ')}`);
  }
}
