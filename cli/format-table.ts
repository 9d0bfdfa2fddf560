/**
 * A plain-text table for summaries at the end of long commands (ingest, replay, extract):
 * columns padded to their widest cell, numbers right-aligned.
 */

/** Formats rows (the first is the header) as an aligned table. */
export function formatTable(rows: Array<Array<string | number>>): string {
  if (rows.length === 0) return '';
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : cell)));
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const isNumeric = rows[1] ? rows[1].map((cell) => typeof cell === 'number') : [];
  const line = (row: string[]) => row.map((cell, column) => (isNumeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  const separator = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(cells[0]!), separator, ...cells.slice(1).map(line)].join('\n');
}
