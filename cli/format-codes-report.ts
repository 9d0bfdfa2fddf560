/**
 * The summary a codes ingest prints (`cgct ingest all-codes-tip.bundle`, `npm start` after the
 * CGCT's history): one row per code, totals, the time per stage and the first rejected files.
 */
import type { CodesIngestReport } from '../ingest/codes/run-codes-ingest.ts';
import { formatTable } from './format-table.ts';

/** Prints the report on stderr. */
export function printCodesReport(report: CodesIngestReport, totalMs: number): void {
  const rows: Array<Array<string | number>> = [['code', 'files', 'articles', 'rejected', 'written', 'citations', 'resolved', 'unresolved', 'other texts']];
  const total = { files: 0, articles: 0, rejected: 0, written: 0, citations: 0, resolved: 0, unresolved: 0, external: 0 };
  for (const code of report.codes) {
    rows.push([code.code, code.files, code.articles, code.rejected, code.written, code.citations, code.resolved, code.unresolved, code.external]);
    for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += code[key];
  }
  rows.push([`${report.codes.length} codes`, total.files, total.articles, total.rejected, total.written, total.citations, total.resolved, total.unresolved, total.external]);
  console.error(`\n${formatTable(rows)}\n`);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.error(`${report.location}: texts in force on ${report.date ?? 'an unknown date (a folder carries none)'}; read ${seconds(report.timings.read)}, parse and extract ${seconds(report.timings.parse)}, resolve ${seconds(report.timings.resolve)}, write ${seconds(report.timings.write)}; done in ${seconds(totalMs)}`);
  if (report.skippedFolders.length > 0) console.error(`left alone: ${report.skippedFolders.join(', ')} (the CGCT comes from its own history; other folders are no known code)`);
  if (report.absentFromCodes > 0) console.error(`${report.absentFromCodes} articles the CGCT cites are absent from their code: shown as "absent du code"`);
  const unchanged = report.codes.filter((code) => code.written === 0 && !code.citationsWritten).length;
  if (unchanged > 0) console.error(`${unchanged} codes unchanged since their last load: nothing written for them`);
  for (const file of report.rejectedFiles.slice(0, 20)) {
    const reason = report.messages.find((message) => message.file === file && message.severity === 'error');
    console.error(`rejected: ${file}${reason ? `${reason.line ? `:${reason.line}` : ''}: ${reason.reason} [${reason.ruleId}]` : ''}`);
  }
  if (report.rejectedFiles.length > 20) console.error(`… and ${report.rejectedFiles.length - 20} more rejected files (--report FILE lists them all)`);
}
