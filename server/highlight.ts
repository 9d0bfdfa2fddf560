/**
 * Highlights for search results: fragments of the article's text around the matched words, the
 * words wrapped in <mark>…</mark> and everything else HTML-escaped (the client may insert them
 * as HTML). Matching mirrors the French analyzer loosely: accents ignored, and a word matches when
 * it shares the query word's stem ("conventions" marks "convention", "délibérations").
 */
import { foldAccents } from './search-query.ts';

const MAX_FRAGMENTS = 3;
const CONTEXT = 70;

/** Escapes the five characters that matter in HTML text and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// A crude stem: drop the last two letters of long words (plural, feminine, -ion/-ions alike).
function stemOf(term: string): string {
  return term.length >= 6 ? term.slice(0, term.length - 2) : term;
}

/** Fragments of `text` with the words matching `terms` (accent-folded, lower case) marked. */
export function highlight(text: string, terms: string[]): string[] {
  const stems = terms.map(stemOf);
  const matches: Array<[number, number]> = [];
  for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = foldAccents(word[0].toLowerCase());
    if (stems.some((stem, i) => (stem === terms[i] ? folded === stem : folded.startsWith(stem)))) matches.push([word.index, word.index + word[0].length]);
  }
  const fragments: Array<{ start: number; end: number; marks: Array<[number, number]> }> = [];
  for (const match of matches) {
    const last = fragments[fragments.length - 1];
    if (last && match[0] - CONTEXT <= last.end) {
      last.end = Math.min(text.length, match[1] + CONTEXT);
      last.marks.push(match);
    } else if (fragments.length < MAX_FRAGMENTS) {
      fragments.push({ start: Math.max(0, match[0] - CONTEXT), end: Math.min(text.length, match[1] + CONTEXT), marks: [match] });
    }
  }
  return fragments.map(({ start, end, marks }) => {
    // Widen to whole words so a fragment never starts or ends inside one.
    while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) start--;
    while (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) end++;
    let html = start > 0 ? '…' : '';
    let at = start;
    for (const [from, to] of marks) {
      html += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
      at = to;
    }
    html += escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
    return html.replace(/\s+/g, ' ');
  });
}
