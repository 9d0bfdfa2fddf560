/**
 * The tables of an article's text. The plain text (Article.text, what reference spans point
 * into) writes a table as one line per row and a tab between cells ("De 3 500 à 9 999\t55" in
 * L2123-23, ingest/parsing/text-builder.ts); the sanitized HTML (Article.html) knows which cells
 * are headers and which span several columns or rows ("TAUX EN %" over "Président" and
 * "Vice-président" in R5212-1). This module lays each table of the text on its HTML grid, so
 * the page shows the source's grid with the text's own characters, references included. Pure.
 */

/** A cell of the HTML's table, as much as laying out the text needs. */
export interface CellShape {
  /** A <th>. */
  header: boolean;
  /** Its colspan (1 when none). */
  colSpan: number;
  /** Its rowspan (1 when none). */
  rowSpan: number;
  /** Its characters without any white space, to check that the text's cell is the same one. */
  letters: string;
}

/** A table of the HTML: its rows of cells, as the source wrote them. */
export type TableShape = CellShape[][];

/** A cell of the table to show. */
export interface TableCell {
  /** A header cell. */
  header: boolean;
  /** Columns it spans. */
  colSpan: number;
  /** Rows it spans. */
  rowSpan: number;
  /** Where its text lies in the article's text, [start, end); none for a cell the text left out (empty). */
  range?: [number, number];
}

/** A table to show: rows of cells. */
export type TableLayout = TableCell[][];

// Browsers cap colspan at 1,000 and rowspan at 65,534; no article needs more than a few.
const MAX_SPAN = 50;

/** A span as the page may use it: a whole number from 1 to 50. */
export function clampSpan(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), MAX_SPAN) : 1;
}

const WHITE_SPACE = /\s+/g;

// The tags that make a grid, and every other tag (skipped: only their text counts).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function readSpan(attributes: string, name: 'colspan' | 'rowspan'): number {
  const match = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  return match ? clampSpan(Number(match[1])) : 1;
}

/** A cell being read: its shape, and where its HTML starts. */
interface OpenCell {
  shape: CellShape;
  from: number;
}

/** Ends the open cell at `until`: its letters are its HTML's text, tags and white space left out. */
function closeCell(html: string, table: TableShape | undefined, open: OpenCell | null, until: number): null {
  if (!open || !table) return null;
  open.shape.letters = decodeEntities(html.slice(open.from, until).replace(/<[^>]*>/g, '')).replace(WHITE_SPACE, '');
  if (!table.length) table.push([]);
  table[table.length - 1]!.push(open.shape);
  return null;
}

/**
 * The grid of each table of the sanitized HTML, outer tables only (a table in a cell is read
 * flat, as the ingest does). Read by scanning its tags as text: nothing of the HTML is ever
 * parsed into a document, so nothing in it can load or run, whatever the graph holds.
 */
export function readTableShapes(html: string | undefined): TableShape[] {
  if (!html || !/<table/i.test(html)) return [];
  const tables: TableShape[] = [];
  let depth = 0;
  let open: OpenCell | null = null;
  for (const match of html.matchAll(TAG)) {
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    const table = tables[tables.length - 1];
    if (name === 'table') {
      if (!closing && ++depth === 1) tables.push([]);
      if (closing && depth > 0 && --depth === 0) open = closeCell(html, table, open, match.index);
      continue;
    }
    if (depth !== 1 || !table || (name !== 'tr' && name !== 'td' && name !== 'th')) continue;
    open = closeCell(html, table, open, match.index);
    if (closing) continue;
    if (name === 'tr') table.push([]);
    else open = { shape: { header: name === 'th', colSpan: readSpan(match[3] ?? '', 'colspan'), rowSpan: readSpan(match[3] ?? '', 'rowspan'), letters: '' }, from: match.index + match[0].length };
  }
  return tables;
}

/** The lines of a paragraph of the text, each cut at its tabs into cell ranges. */
export function splitTableLines(text: string, start: number, end: number): [number, number][][] {
  const lines: [number, number][][] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text[i] !== '\n') continue;
    const cells: [number, number][] = [];
    let cellStart = lineStart;
    for (let k = lineStart; k <= i; k++) {
      if (k < i && text[k] !== '\t') continue;
      cells.push([cellStart, k]);
      cellStart = k + 1;
    }
    lines.push(cells);
    lineStart = i + 1;
  }
  return lines;
}

/** True when the paragraph [start, end) holds a tab: only a table writes one (white space collapses elsewhere). */
export function isTableParagraph(text: string, start: number, end: number): boolean {
  const tab = text.indexOf('\t', start);
  return tab >= 0 && tab < end;
}

/**
 * Lays the paragraph [start, end) on an HTML table, or answers null when they are not the same
 * table. The text leaves out a row whose cells are all empty and the empty cells that end a row;
 * every other cell must hold the same characters (white space aside) as its HTML cell.
 */
export function layTableOnShape(text: string, start: number, end: number, shape: TableShape): TableLayout | null {
  const lines = splitTableLines(text, start, end);
  const layout: TableLayout = [];
  let line = 0;
  for (const row of shape) {
    const last = lastFilledCell(row);
    if (last < 0) {
      layout.push(row.map((cell) => toTableCell(cell)));
      continue;
    }
    const cells = lines[line++];
    if (!cells || cells.length !== last + 1) return null;
    for (let k = 0; k <= last; k++) {
      if (text.slice(cells[k]![0], cells[k]![1]).replace(WHITE_SPACE, '') !== row[k]!.letters) return null;
    }
    layout.push(row.map((cell, k) => toTableCell(cell, cells[k])));
  }
  return line === lines.length ? layout : null;
}

/** The paragraph [start, end) as a plain grid: every line a row, every cell a data cell. */
export function layPlainTable(text: string, start: number, end: number): TableLayout {
  return splitTableLines(text, start, end).map((cells) => cells.map((range) => ({ header: false, colSpan: 1, rowSpan: 1, range })));
}

function lastFilledCell(row: CellShape[]): number {
  for (let k = row.length - 1; k >= 0; k--) if (row[k]!.letters) return k;
  return -1;
}

function toTableCell(cell: CellShape, range?: [number, number]): TableCell {
  const laid: TableCell = { header: cell.header, colSpan: clampSpan(cell.colSpan), rowSpan: clampSpan(cell.rowSpan) };
  if (range) laid.range = range;
  return laid;
}
