/**
 * What a search string asks for. A number in any notation, even partial ("L. 2131", "lo 1112",
 * "L.2131-1") is looked up by id prefix; anything else is words for the French full-text index.
 * Words become a Lucene query built from letters and digits only (nothing the user types can act
 * as Lucene syntax), each word also in its accent-folded form to hit `searchText`.
 */
import { normalizeArticleId } from '../ingest/article-id.ts';
import { articleKey, CGCT_CODE, codesNamed, normalizeCodeArticleNumber } from '../ingest/codes/code-registry.ts';
import { parseArticleKey } from './article-key.ts';

/**
 * A parsed search. A number searches the CGCT's ids by prefix and, with no code named, the same
 * number in every other code (`number`); a number with its code ("L. 300-5 du code de l'urbanisme",
 * or the `code` argument) searches that code's keys by prefix.
 */
export type SearchRequest = { kind: 'number'; prefix: string; number?: string } | { kind: 'words'; lucene: string; terms: string[] } | { kind: 'empty' };

// Words the French analyzer drops anyway; dropping them here keeps "AND" clauses non-empty.
const STOP_WORDS = new Set('a au aux ce ces d dans de des du en et il ils l la le les leur leurs ou par pour qu que qui sa se ses son sur un une'.split(' '));

/** "délibération" → "deliberation". */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

/** Reads a search string. */
export function parseSearch(query: string, code?: string | null): SearchRequest {
  const trimmed = query.trim().replace(/[-.\s]+$/, '');
  const inCode = code ? codesNamed(code)[0] : undefined;
  if (inCode && inCode.id !== CGCT_CODE) {
    const number = normalizeCodeArticleNumber(trimmed);
    if (number && /\d/.test(number) && number.length <= 64 && !/\s\p{Ll}{4,}/u.test(number)) return { kind: 'number', prefix: articleKey(inCode.id, number) };
  } else {
    const number = normalizeArticleId(trimmed);
    if (number) return { kind: 'number', prefix: number, ...(inCode ? {} : { number }) };
    // "L. 300-5 du code de l'urbanisme": that code's article.
    const named = parseArticleKey(trimmed);
    if ('key' in named && named.code.id !== CGCT_CODE) return { kind: 'number', prefix: named.key };
  }
  const words = (trimmed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word));
  if (words.length === 0) return { kind: 'empty' };
  const clauses = words.map((word) => {
    const folded = foldAccents(word);
    return folded === word ? word : `(${word} OR ${folded})`;
  });
  return { kind: 'words', lucene: clauses.join(' AND '), terms: words.map(foldAccents) };
}
