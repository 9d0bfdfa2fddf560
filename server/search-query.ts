/**
 * What a search string asks for. A number in any notation, even partial ("L. 2131", "lo 1112",
 * "L.2131-1") is looked up by id prefix; anything else is words for the French full-text index.
 * Words become a Lucene query built from letters and digits only (nothing the user types can act
 * as Lucene syntax), each word also in its accent-folded form to hit `searchText`.
 */
import { normalizeArticleId } from '../ingest/article-id.ts';

/** A parsed search. */
export type SearchRequest = { kind: 'number'; prefix: string } | { kind: 'words'; lucene: string; terms: string[] } | { kind: 'empty' };

// Words the French analyzer drops anyway; dropping them here keeps "AND" clauses non-empty.
const STOP_WORDS = new Set('a au aux ce ces d dans de des du en et il ils l la le les leur leurs ou par pour qu que qui sa se ses son sur un une'.split(' '));

/** "délibération" → "deliberation". */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

/** Reads a search string. */
export function parseSearch(query: string): SearchRequest {
  const trimmed = query.trim().replace(/[-.\s]+$/, '');
  const number = normalizeArticleId(trimmed);
  if (number) return { kind: 'number', prefix: number };
  const words = (trimmed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word));
  if (words.length === 0) return { kind: 'empty' };
  const clauses = words.map((word) => {
    const folded = foldAccents(word);
    return folded === word ? word : `(${word} OR ${folded})`;
  });
  return { kind: 'words', lucene: clauses.join(' AND '), terms: words.map(foldAccents) };
}
