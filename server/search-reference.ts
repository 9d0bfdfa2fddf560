/**
 * A search typed as a lawyer cites: read with the ingest's own reference grammar
 * (extractReferences), so the search box understands every form an article's text does:
 * "art. L 2131-1 CGCT", "article L. 2131-1 du CGCT", "article L. 300-5 du code de l'urbanisme",
 * "L. 2131-1 à L. 2131-5". A bare number ("2131-1", as lawyers say it aloud) is the CGCT's
 * L, LO, R then D article of that number, L first.
 */
import { articleSortKeyString } from '../ingest/article-id.ts';
import { codeSortKeyString } from '../ingest/codes/code-article-order.ts';
import { articleKey, CGCT_CODE, codesNamed, foldName, normalizeCodeArticleNumber, type CodeEntry } from '../ingest/codes/code-registry.ts';
import { extractReferences } from '../ingest/references/extract-references.ts';
import type { NumberSearch } from './types.ts';

// "2131-1": a number without its letter, in the order a lawyer expects (legislative first).
const BARE_NUMBER = /^\d{1,6}(?:-\d{1,6}){1,7}$/;
const BARE_PREFIXES = ['L', 'LO', 'R', 'R*', 'D', 'D*'];
// Words a citation carries besides its numbers and its code's name ("art. L 2131-1 du CGCT").
const CITATION_WORDS = new Set('art article articles du de des la le l au aux a et ou present code cgct'.split(' '));
// The query names the CGCT itself: its articles only, not the same number in every other code.
const NAMES_CGCT = /\bCGCT\b|collectivités\s+territoriales|présent\s+code/iu;

/**
 * The keys a bare number may be ("2131-1" → L2131-1, LO2131-1, R2131-1, R*2131-1, D2131-1,
 * D*2131-1), and last the number itself (one CGCT article is printed without its prefix: "4425-34").
 */
export function bareNumberKeys(query: string): string[] | undefined {
  return BARE_NUMBER.test(query) ? [...BARE_PREFIXES.map((prefix) => `${prefix}${query}`), query] : undefined;
}

/**
 * The articles a query cites, when it is nothing but citations (every word left is "article",
 * "du", a code's name…); undefined for words that merely contain a citation, which stay a
 * full-text search ("contrôle de légalité").
 */
export function readReferenceQuery(query: string): NumberSearch | undefined {
  const bare = bareNumberKeys(query);
  if (bare) return { keys: bare, prefixes: bare, numbers: bare, range: null };
  const references = extractReferences(query, { ownCode: CGCT_CODE }).filter((reference) => reference.target);
  if (references.length === 0) return undefined;
  const search: NumberSearch = { keys: [], prefixes: [], numbers: [], range: null };
  const allowed = new Set(CITATION_WORDS);
  let rest = query;
  for (const reference of [...references].reverse()) rest = rest.slice(0, reference.start) + ' ' + rest.slice(reference.end);
  for (const reference of references) {
    const code = reference.code === CGCT_CODE ? codesNamed(CGCT_CODE)[0] : codesNamed(reference.code)[0];
    if (!code) return undefined;
    for (const word of wordsOf(`${reference.code} ${code.title} ${code.abbreviations.join(' ')}`)) allowed.add(word);
    const first = keyOf(code, reference.target!);
    if (!first) return undefined;
    search.keys.push(first.key);
    if (reference.kind === 'range' && reference.rangeEnd && !search.range) {
      const last = keyOf(code, reference.rangeEnd);
      if (last) search.range = { code: code.id, from: first.sortKey, to: last.sortKey };
    } else {
      search.prefixes.push(first.key);
    }
  }
  if (!wordsOf(rest).every((word) => allowed.has(word))) return undefined;
  // One CGCT number and no code named: also that number in every other code, as a number alone.
  if (references.length === 1 && references[0]!.code === CGCT_CODE && !search.range && !NAMES_CGCT.test(query)) search.numbers = [search.keys[0]!];
  return search;
}

function keyOf(code: CodeEntry, target: string): { key: string; sortKey: string } | undefined {
  if (code.id === CGCT_CODE) return { key: target, sortKey: articleSortKeyString(target) };
  const number = normalizeCodeArticleNumber(target);
  return number ? { key: articleKey(code.id, number), sortKey: codeSortKeyString(code.id, number) } : undefined;
}

function wordsOf(text: string): string[] {
  return (foldName(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => /\p{L}/u.test(word));
}
