/**
 * Cuts an article's text into paragraphs and, inside them, plain runs and reference runs, from
 * the `spans` offsets of its references. Pure: the reading view turns the segments into DOM.
 * Paragraphs are separated by a blank line (Article.text); a span is [start, end) in that text.
 */
import type { Reference } from './types.ts';

/** A run of text, plain or a reference designator ("L. 2131-1"). */
export interface TextSegment {
  /** The characters of the text. */
  text: string;
  /** The reference it designates, when it is one. */
  reference?: Reference;
}

interface Span {
  start: number;
  end: number;
  reference: Reference;
}

function collectSpans(text: string, references: readonly Reference[]): Span[] {
  const spans: Span[] = [];
  for (const reference of references) {
    for (let i = 0; i + 1 < reference.spans.length; i += 2) {
      const start = reference.spans[i]!;
      const end = reference.spans[i + 1]!;
      // Every designator holds a digit ("L. 2131-1", "article 1er"); a span that does not is
      // stale (offsets into another version of the text) and would mislabel ordinary words.
      if (start >= 0 && end > start && end <= text.length && /\d/.test(text.slice(start, end))) spans.push({ start, end, reference });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping spans (one anchor grouping "L. 4141-1 et L. 4141-2") keep the first, longest one.
  const kept: Span[] = [];
  for (const span of spans) if (!kept.length || span.start >= kept[kept.length - 1]!.end) kept.push(span);
  return kept;
}

/** Splits the text into paragraphs of segments, references where their spans say. */
export function segmentArticleText(text: string, references: readonly Reference[]): TextSegment[][] {
  const spans = collectSpans(text, references);
  const paragraphs: TextSegment[][] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let paragraphStart = 0;
  let spanIndex = 0;
  const bounds: [number, number][] = [];
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    bounds.push([paragraphStart, match.index]);
    paragraphStart = match.index + match[0].length;
  }
  bounds.push([paragraphStart, text.length]);
  for (const [start, end] of bounds) {
    const segments: TextSegment[] = [];
    let cursor = start;
    while (spanIndex < spans.length && spans[spanIndex]!.start < end) {
      const span = spans[spanIndex]!;
      // A span running past the paragraph's end is cut there; its tail cannot be a designator.
      const spanStart = Math.max(span.start, cursor);
      const spanEnd = Math.min(span.end, end);
      if (spanStart > cursor) segments.push({ text: text.slice(cursor, spanStart) });
      if (spanEnd > spanStart) segments.push({ text: text.slice(spanStart, spanEnd), reference: span.reference });
      cursor = Math.max(cursor, spanEnd);
      spanIndex++;
    }
    if (cursor < end) segments.push({ text: text.slice(cursor, end) });
    if (segments.length) paragraphs.push(segments);
  }
  return paragraphs;
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
