/**
 * The filters of `search` (issue 13): articles in force only, one part of the code, one Partie.
 * The part and the Partie are read from the article, not from today's table of contents: an
 * article leaves the table of contents when it is repealed (ingest/history/apply-amendment.ts)
 * but keeps its number, and the CGCT's number is what places it (canonical-toc.ts: L2131-1 is
 * in "L/2", the Partie législative's Deuxième partie), so a repealed article is still counted in
 * its part. The Cypher (graph-repository.ts) and the read model apply the same rules, from here.
 */
import { tocPositionOf } from '../ingest/article-id.ts';
import { toPart } from './graph-node.ts';
import type { CodePartName } from './types.ts';

/** What a search keeps besides its query and code. */
export interface SearchFilters {
  /** Only articles in force on the date read; an article the query names exactly is kept whatever its status. */
  inForceOnly: boolean;
  /** Only this part of the code (from the article's `part`), or every part. */
  part: CodePartName | null;
  /** Only the CGCT's articles of this Partie (the first digit of the number, 1 to 7), or every one. */
  partie: number | null;
}

/** No filter but the code in force, as `search` without arguments. */
export const DEFAULT_SEARCH_FILTERS: SearchFilters = { inForceOnly: true, part: null, partie: null };

/**
 * The Cypher regular expression of the ids in one Partie: the same rule as tocPositionOf, whose
 * first digit is the Partie ("R*2334-3" is in the Deuxième partie); null for no Partie filter.
 * Another code's key ("code-du-travail:L2131-1") never matches: its Parties are not the CGCT's.
 */
export function partiePattern(partie: number | null): string | null {
  return partie === null ? null : String.raw`(?:LO|L|R\*?|D\*?)${partie}\d{3,5}-.*`;
}

/** Whether an article (its key and stored `part`) passes the part and Partie filters. */
export function isInFilteredPart(id: string, storedPart: unknown, filters: SearchFilters): boolean {
  if (filters.part !== null && toPart(storedPart) !== filters.part) return false;
  return filters.partie === null || tocPositionOf(id)?.partie === filters.partie;
}
