/**
 * The amendments of a period as they touched one section of the code (`changes(section: …)`,
 * issue 14's « Ce qui a changé », filtered by section): each change set cut down to the section's
 * articles, the amendments that touched none of them left out.
 *
 * Which articles are the section's: those its table of contents holds, at any depth, whatever
 * their status; and, because a repealed article has left the table of contents, a CGCT article
 * placed by its number (L2131-1 is in "L/2/1/3/1", Partie législative > 2e partie > Livre Ier >
 * Titre III > Chapitre Ier: the canonical ids the ingest gives sections, see
 * ingest/parsing/canonical-toc.ts). Below the chapter a number says nothing: a repealed article
 * is then found in its chapter, not in its former section.
 */
import { canonicalizeToc } from '../ingest/parsing/canonical-toc.ts';
import { inferTocFromNumber } from '../ingest/parsing/toc-from-number.ts';
import { splitArticleKey } from '../ingest/codes/code-registry.ts';
import type { ChangeRecord } from './types.ts';

/** Runs one read statement and returns its rows in plain JS (the repository's `query`). */
export type RunQuery = (cypher: string, params?: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

const SECTION_ARTICLES = `
MATCH (s:Section {id: $section})
OPTIONAL MATCH (s)-[:CONTAINS*]->(a:Article)
RETURN s.id AS id, s.code AS code, collect(DISTINCT a.id) AS articles`;

const AMENDMENTS_IN_RANGE = `
MATCH (m:Amendment) WHERE m.date >= $since AND m.date <= $until
RETURN m {.id, .title, .date, .source, .added, .modified, .repealed, .citationsGained, .citationsLost} AS m
ORDER BY m.date, m.id`;

/** Whether a CGCT article's number places it in the section (the canonical chain above it names it). */
function placedByNumber(articleId: string, sectionId: string): boolean {
  const { code, number } = splitArticleKey(articleId);
  if (code !== 'CGCT') return false;
  try {
    return canonicalizeToc(number, inferTocFromNumber(number)).some((section) => section.id === sectionId);
  } catch {
    // A key that is no number of the code's grammar ("Rubrique 2"): placed by the table of contents only.
    return false;
  }
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const optional = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** The page of the section's changes, or null when no section has that id. */
export async function readChangesInSection(query: RunQuery, section: string, since: string, until: string, skip: number, limit: number): Promise<{ total: number; changes: ChangeRecord[] } | null> {
  const [found] = await query(SECTION_ARTICLES, { section });
  if (!found) return null;
  const held = new Set(strings(found.articles));
  const verdicts = new Map<string, boolean>();
  const inSection = (id: string) => {
    if (held.has(id)) return true;
    if (!verdicts.has(id)) verdicts.set(id, found.code === null && placedByNumber(id, section));
    return verdicts.get(id)!;
  };
  const citingInSection = (pair: string) => inSection(pair.slice(0, Math.max(0, pair.indexOf('>'))));
  const touched: ChangeRecord[] = [];
  for (const row of await query(AMENDMENTS_IN_RANGE, { since, until })) {
    const m = row.m as Record<string, unknown>;
    const change: ChangeRecord = {
      id: String(m.id),
      title: optional(m.title) ?? String(m.id),
      date: optional(m.date),
      source: optional(m.source),
      added: strings(m.added).filter(inSection),
      modified: strings(m.modified).filter(inSection),
      repealed: strings(m.repealed).filter(inSection),
      citationsGained: strings(m.citationsGained).filter(citingInSection),
      citationsLost: strings(m.citationsLost).filter(citingInSection),
    };
    if (change.added.length + change.modified.length + change.repealed.length + change.citationsGained.length + change.citationsLost.length > 0) touched.push(change);
  }
  return { total: touched.length, changes: touched.slice(skip, skip + limit) };
}
