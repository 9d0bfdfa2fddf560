/**
 * Cuts an article's text into paragraphs and, inside them, plain runs and reference runs, from
 * the `spans` offsets of its references. Pure: the reading view turns the segments into DOM.
 * Paragraphs are separated by a blank line (Article.text); a span is [start, end) in that text.
 * A table is a paragraph of its own, a row per line and a tab between cells (text-tables.ts).
 */
import { isTableParagraph, layPlainTable, layTableOnShape, type TableCell, type TableShape } from './text-tables.ts';
import type { Reference } from './types.ts';

/** A run of text, plain or a reference designator ("L. 2131-1"). */
export interface TextSegment {
  /** The characters of the text. */
  text: string;
  /** The reference it designates, when it is one. */
  reference?: Reference;
  /**
   * A range of several articles ("L. 2243-2 à L. 2243-4"): every article it designates, in code
   * order, the first being `reference`; absent for a single designator.
   */
  members?: Reference[];
}

interface Span {
  start: number;
  end: number;
  reference: Reference;
  /** The range's articles, `reference` first. */
  members: Reference[];
}

function isResolvedArticle(reference: Reference): boolean {
  return reference.resolution === 'RESOLVED' && reference.target.kind === 'ARTICLE';
}

/** An article reached by expanding a range: each member carries the range's whole span. */
function isRangeMember(reference: Reference): boolean {
  return reference.viaRange === true && isResolvedArticle(reference);
}

function collectSpans(text: string, references: readonly Reference[]): Span[] {
  const spans: Span[] = [];
  for (const reference of references) {
    for (let i = 0; i + 1 < reference.spans.length; i += 2) {
      const start = reference.spans[i]!;
      const end = reference.spans[i + 1]!;
      // Every designator holds a digit ("L. 2131-1", "article 1er"); a span that does not is
      // stale (offsets into another version of the text) and would mislabel ordinary words.
      if (start >= 0 && end > start && end <= text.length && /\d/.test(text.slice(start, end))) spans.push({ start, end, reference, members: [reference] });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping spans (one anchor grouping "L. 4141-1 et L. 4141-2") keep the first, longest one;
  // the members of one range (the same span, in code order: the API's order) gather on the first,
  // also when the source linked the range to its first article (legifrance-md: "<a href=…l300-1.md>
  // L. 300-1 à L. 300-5 du</a>", that citation then read from the link and the text alike).
  const kept: Span[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) kept.push(span);
    else if (span.start === last.start && span.end <= last.end && isRangeMember(span.reference) && isResolvedArticle(last.reference)
      && !last.members.some((member) => member.target.id === span.reference.target.id)) last.members.push(span.reference);
  }
  return kept;
}

/**
 * [start, end) of each paragraph. The blank line may hold spaces and be followed by more blank
 * lines or spaces, never by a tab: a table row that opens with an empty cell starts with its tab.
 */
function findParagraphs(text: string): [number, number][] {
  const separator = /\n[ \t]*\n[\n ]*/g;
  let paragraphStart = 0;
  const bounds: [number, number][] = [];
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    bounds.push([paragraphStart, match.index]);
    paragraphStart = match.index + match[0].length;
  }
  bounds.push([paragraphStart, text.length]);
  return bounds;
}

/** A cell of a table block: its shape and its runs of text. */
export interface SegmentedCell extends Omit<TableCell, 'range'> {
  /** Its runs, references where their spans say (none for an empty cell). */
  segments: TextSegment[];
}

/** A paragraph, or a table: what the reading view shows one after the other. */
export type TextBlock =
  | { kind: 'paragraph'; segments: TextSegment[] }
  | { kind: 'table'; rows: SegmentedCell[][] };

/**
 * The runs of [start, end): plain text, and the references that start in it, cut at its end (a
 * span running into the next paragraph or cell: its tail cannot be a designator).
 */
function segmentRange(text: string, spans: readonly Span[], start: number, end: number): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = start;
  for (const span of spans) {
    if (span.start < start || span.start >= end) continue;
    const spanStart = Math.max(span.start, cursor);
    const spanEnd = Math.min(span.end, end);
    if (spanStart > cursor) segments.push({ text: text.slice(cursor, spanStart) });
    segments.push({ text: text.slice(spanStart, spanEnd), reference: span.reference, ...(span.members.length > 1 ? { members: span.members } : {}) });
    cursor = spanEnd;
  }
  if (cursor < end) segments.push({ text: text.slice(cursor, end) });
  return segments;
}

// The text and the HTML come from one source, so the next table of the HTML is the one; a few
// more are tried past one that matches nothing, and no more, so that a text and an HTML that do
// not belong together cost a few tries per paragraph, never paragraphs × tables.
const TABLE_LOOKAHEAD = 4;

/**
 * Splits the text into paragraphs and tables. Each table of the HTML (`tables`, in the order of
 * the source) is laid on the paragraph that holds the same cells, so its headers and spans show;
 * a paragraph with tabs that matches none is shown as a plain grid.
 */
export function segmentArticleBlocks(text: string, references: readonly Reference[], tables: readonly TableShape[] = []): TextBlock[] {
  const spans = collectSpans(text, references);
  const blocks: TextBlock[] = [];
  let nextTable = 0;
  for (const [start, end] of findParagraphs(text)) {
    if (end <= start) continue;
    let layout = null;
    for (let k = nextTable; k < Math.min(tables.length, nextTable + TABLE_LOOKAHEAD) && !layout; k++) {
      layout = layTableOnShape(text, start, end, tables[k]!);
      if (layout) nextTable = k + 1;
    }
    if (!layout && isTableParagraph(text, start, end)) layout = layPlainTable(text, start, end);
    if (!layout) {
      blocks.push({ kind: 'paragraph', segments: segmentRange(text, spans, start, end) });
      continue;
    }
    blocks.push({
      kind: 'table',
      rows: layout.map((row) => row.map(({ range, ...cell }) => ({ ...cell, segments: range ? segmentRange(text, spans, range[0], range[1]) : [] }))),
    });
  }
  return blocks;
}

/**
 * Splits a search highlight ("… la <mark>commune</mark> &amp; …") into runs, marked or not, with
 * entities decoded. Nothing but <mark> becomes markup: any other tag stays visible text.
 */
export function parseHighlight(fragment: string): { text: string; marked: boolean }[] {
  const runs: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of fragment.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) marked = true;
    else if (/^<\/mark>$/i.test(part)) marked = false;
    else if (part) runs.push({ text: decodeEntities(part), marked });
  }
  return runs;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
