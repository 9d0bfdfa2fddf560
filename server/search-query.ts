/**
 * What a search string asks for. A number in any notation, even partial ("L. 2131", "lo 1112",
 * "L.2131-1") is looked up by id prefix; a citation as an article's text writes it ("art. L 2131-1
 * CGCT", "L. 2131-1 à L. 2131-5", search-reference.ts) by its articles; anything else is words
 * for the French full-text index.
 * Words become a Lucene query built from letters and digits only (nothing the user types can act
 * as Lucene syntax), each word also in its accent-folded form to hit `searchText`.
 */
import { normalizeArticleId } from '../ingest/article-id.ts';
import { articleKey, CGCT_CODE, codesNamed, normalizeCodeArticleNumber } from '../ingest/codes/code-registry.ts';
import { parseArticleKey } from './article-key.ts';
import { readReferenceQuery } from './search-reference.ts';
import type { NumberSearch } from './types.ts';

/**
 * A parsed search. A number searches the CGCT's ids by prefix and, with no code named, the same
 * number in every other code (`number`); a number with its code ("L. 300-5 du code de l'urbanisme",
 * or the `code` argument) searches that code's keys by prefix.
 */
export type SearchRequest = ({ kind: 'number' } & NumberSearch) | { kind: 'words'; lucene: string; terms: string[] } | { kind: 'empty' };

/** The number search of one key prefix, as typed ("L2131"), also in the other codes when `number` is given. */
export function searchPrefix(prefix: string, number: string | null = null): NumberSearch {
  return { keys: [prefix], prefixes: [prefix], numbers: number === null ? [] : [number], range: null };
}

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
    if (number && /\d/.test(number) && number.length <= 64 && !/\s\p{Ll}{4,}/u.test(number)) return { kind: 'number', ...searchPrefix(articleKey(inCode.id, number)) };
  } else {
    const number = normalizeArticleId(trimmed);
    if (number) return { kind: 'number', ...searchPrefix(number, inCode ? null : number) };
    const cited = readReferenceQuery(trimmed);
    // With the CGCT as `code`, a citation of another code finds nothing of the CGCT's.
    if (cited && !(inCode && cited.keys.some((key) => key.includes(':')))) return { kind: 'number', ...cited, ...(inCode ? { numbers: [] } : {}) };
    // "L. 300-5 du code de l'urbanisme", "1609 nonies C du CGI": that code's article, as an id names it.
    const named = parseArticleKey(trimmed);
    if ('key' in named && named.code.id !== CGCT_CODE) return { kind: 'number', ...searchPrefix(named.key) };
  }
  const words = (trimmed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word));
  if (words.length === 0) return { kind: 'empty' };
  const clauses = words.map((word) => {
    const folded = foldAccents(word);
    return folded === word ? word : `(${word} OR ${folded})`;
  });
  return { kind: 'words', lucene: clauses.join(' AND '), terms: words.map(foldAccents) };
}
