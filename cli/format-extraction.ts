/**
 * How `cgct extract` prints: one JSON object per line per article or document (for `jq` and
 * for diffing two runs), or a table for people; and the summary on stderr (counts per format,
 * rejected files with their reasons, unresolved references with theirs).
 */
import type { ExtractionResult, TextReferences } from '../ingest/references/run-extraction.ts';
import type { IngestMessage, ResolvedReference } from '../ingest/types.ts';

const REFERENCE_FIELDS = ['target', 'code', 'kind', 'rangeEnd', 'pinpoint', 'start', 'end', 'via', 'resolution', 'targets', 'reason', 'candidates', 'hrefDisagrees'] as const;
// Always printed, null when absent, so that `jq '.references[].pinpoint'` finds the key on every line.
const ALWAYS = new Set<string>(['target', 'code', 'kind', 'pinpoint', 'start', 'end', 'via', 'resolution']);

/** The JSON record of one article or document. */
export function formatJsonLine(text: TextReferences): string {
  return JSON.stringify({ id: text.id, file: text.file, references: text.references.map(pickReferenceFields) });
}

function pickReferenceFields(reference: ResolvedReference): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of REFERENCE_FIELDS) {
    const value = reference[field];
    // A range's targets say which articles it expands to; for a single article they repeat `target`.
    if (field === 'targets' && reference.kind !== 'range') continue;
    if (value !== undefined) picked[field] = value;
    else if (ALWAYS.has(field)) picked[field] = null;
  }
  return picked;
}

/** A human table: one row per reference, the citing article on its first row. */
export function formatTable(texts: TextReferences[]): string {
  const rows: string[][] = [['from', 'target', 'code', 'pinpoint', 'via', 'resolution']];
  for (const text of texts) {
    if (text.references.length === 0) rows.push([text.id, '—', '', '', '', '']);
    text.references.forEach((reference, index) => {
      const target = reference.kind === 'range' ? `${reference.target ?? ''} à ${reference.rangeEnd ?? ''}` : (reference.target ?? '(text)');
      const resolution = reference.resolution === 'unresolved' ? `unresolved: ${reference.reason ?? ''}${reference.candidates?.length ? ` (did you mean ${reference.candidates.join(', ')}?)` : ''}` : reference.resolution;
      const via = reference.hrefDisagrees ? `${reference.via} (href says ${reference.hrefDisagrees})` : reference.via;
      rows.push([index === 0 ? text.id : '', target, reference.code, reference.pinpoint ?? '', via, resolution]);
    });
  }
  // A loop, not Math.max(...spread): a spread of 500,000 rows overflows the call stack.
  const widths = rows[0]!.map((_, column) => rows.reduce((width, row) => Math.max(width, Math.min(40, row[column]!.length)), 0));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd()).join('\n');
}

/** The summary for stderr; `limit` caps the lists of rejected files and unresolved references. */
export function formatSummary(result: ExtractionResult, limit: number): string {
  const { counts, timings } = result;
  const lines = [
    `files: ${counts.files} (${Object.entries(counts.byFormat).map(([format, count]) => `${format} ${count}`).join(', ') || 'none parsed'}; skipped ${counts.skipped}, rejected ${counts.rejected}, older versions set aside ${counts.supersededVersions})`,
    `articles: ${counts.articles}, documents: ${counts.documents}, references: ${counts.references}, unresolved: ${counts.unresolved}`,
    `time: read ${ms(timings.read)}, parse ${ms(timings.parse)}, extract ${ms(timings.extract)}, resolve ${ms(timings.resolve)}`,
  ];
  const errors = result.messages.filter((message) => message.severity === 'error');
  const warnings = result.messages.length - errors.length;
  if (errors.length > 0) {
    // A file may break several rules: say both counts, so that they match the "rejected" above.
    const files = new Set(result.rejectedFiles).size;
    lines.push(files === errors.length ? `rejected files (${files}):` : `rejected files (${files} files, ${errors.length} errors):`);
    appendCapped(lines, errors, limit, formatMessage);
  }
  if (warnings > 0) {
    const byRule = countBy(result.messages.filter((message) => message.severity === 'warning').map((message) => message.ruleId));
    lines.push(`warnings: ${warnings} (${Object.entries(byRule).map(([rule, count]) => `${rule} ${count}`).join(', ')})`);
  }
  const unresolved = result.byText.flatMap((text) => text.references.filter((reference) => reference.resolution === 'unresolved').map((reference) => ({ text, reference })));
  if (unresolved.length > 0) {
    const byReason = countBy(unresolved.map(({ reference }) => reference.reason ?? 'unknown'));
    lines.push(`unresolved references (${Object.entries(byReason).map(([reason, count]) => `${reason} ${count}`).join(', ')}):`);
    appendCapped(lines, unresolved, limit, ({ text, reference }) => `  ${text.id} → ${reference.target ?? '(no article)'} [${reference.reason ?? ''}]${reference.candidates?.length ? ` did you mean ${reference.candidates.join(', ')}?` : ''}`);
  }
  return lines.join('\n');
}

/** `file:line [rule] reason`, the form every rejected file is listed in. */
export function formatMessage(message: IngestMessage): string {
  return `  ${message.file}${message.line ? `:${message.line}` : ''} [${message.ruleId}] ${message.reason}`;
}

/**
 * Appends the first `limit` items, formatted, one push each: `lines.push(...spread)` of 500,000
 * lines threw RangeError (issue 15), and formatting only what is printed keeps the memory flat.
 */
function appendCapped<T>(lines: string[], items: T[], limit: number, format: (item: T) => string): void {
  const shown = Math.min(items.length, limit);
  for (let i = 0; i < shown; i++) lines.push(format(items[i]!));
  if (items.length > shown) lines.push(`  … and ${items.length - shown} more (--all or --report FILE lists them all)`);
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
