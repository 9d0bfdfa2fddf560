/**
 * Resolves the references of every code's articles once every code is read: a reference to an
 * article of a loaded code that has it → that article; to a code that lacks it → an unresolved
 * target "absent du code …" with the closest numbers of that code (never the CGCT's look-alikes);
 * to the CGCT → its article when in force on the codes' date, else why not; to a law or a code
 * not loaded → the text's node, as the CGCT's own references do (ingest/graph/to-graph-records.ts).
 * Pure.
 */
import { compareArticleIds, normalizeArticleId, tocPositionOf } from '../article-id.ts';
import { familyOf, idsBetween } from '../references/resolve-references.ts';
import { createSuggestionIndex, suggestArticleIds, type SuggestionIndex } from '../references/suggest-article-ids.ts';
import { textKindOf } from '../references/text-name.ts';
import type { Reference, UnresolvedReason } from '../types.ts';
import { codeFamilyOf, codeSortKeyString } from './code-article-order.ts';
import { articleKey, CGCT_CODE, codeById, codesNamed, normalizeCodeArticleNumber, type CodeEntry } from './code-registry.ts';
import { externalArticleKey } from './text-target.ts';

/** Why a reference of another code resolves nowhere: the CGCT's reasons, and two of the codes'. */
export type CodeUnresolvedReason = UnresolvedReason | 'absent-from-code' | 'code-not-loaded';

/** The CGCT as the graph holds it, on the codes' date. */
export interface CgctLookup {
  /** Numbers in force on the codes' date. */
  inForce: Set<string>;
  /** Numbers in force only later (deferred entry into force). */
  later: Set<string>;
  /** Every number the graph has ever had. */
  ever: Set<string>;
}

/** What resolution looks up. */
export interface CodeLookup {
  /** Every loaded code's numbers. */
  numbers: Map<string, Set<string>>;
  /** The CGCT, when the graph holds it. */
  cgct?: CgctLookup;
  sorted: Map<string, Map<string, SortedFamily>>;
  /** The CGCT's numbers in force, by family, in the code's order. */
  cgctSorted: Map<string, string[]>;
  suggestions: Map<string, SuggestionIndex>;
}

/** Builds the look-up: `numbers` by code id, and the CGCT as read from the graph. */
export function createCodeLookup(numbers: Map<string, Set<string>>, cgct: CgctLookup | undefined): CodeLookup {
  return { numbers, cgct, sorted: new Map(), cgctSorted: new Map(), suggestions: new Map() };
}

/** A target of a reference: a node, created as needed, and for an unresolved one why. */
export interface CodeTarget {
  label: 'Article' | 'UnresolvedTarget' | 'LegalText' | 'ExternalArticle';
  id: string;
  /** The node's properties, for a node the resolution creates (unresolved targets, texts, external articles). */
  props?: Record<string, unknown>;
  /** For an external article: the text it belongs to. */
  partOf?: string;
  /** For an external article: its text's JORFTEXT / LEGITEXT id, when a link gave it (see Reference.textLegifranceId). */
  partOfLegifranceId?: string;
  reason?: CodeUnresolvedReason;
}

/** The targets of one reference made by an article of code `ownCode`. */
export function resolveCodeReference(lookup: CodeLookup, ownCode: string, reference: Reference): CodeTarget[] {
  const codes = codesOfReference(ownCode, reference);
  if (codes.length === 0) return [textTarget(reference)];
  // "du présent code" naming no article cites nothing; "du code de l'urbanisme" alone, the code as a text.
  if (!reference.target) return codes[0]!.id === ownCode ? [] : [textTarget({ ...reference, code: codes[0]!.id === CGCT_CODE ? CGCT_CODE : foldTitle(codes[0]!) })];
  if (codes[0]!.id === CGCT_CODE) return resolveInCgct(lookup, reference);
  const loaded = codes.filter((code) => lookup.numbers.has(code.id));
  if (loaded.length === 0) return [textTarget(reference)];
  for (const code of loaded) {
    const found = targetsIn(lookup, code.id, reference);
    if (found.length > 0) return found.map((number) => ({ label: 'Article' as const, id: articleKey(code.id, number) }));
  }
  return [absentFrom(lookup, loaded[0]!, reference)];
}

/** The codes a reference may designate, the likeliest first; empty for a law, a decree, a treaty. */
function codesOfReference(ownCode: string, reference: Reference): CodeEntry[] {
  if (reference.code === ownCode) return [codeById(ownCode)!];
  if (reference.code === CGCT_CODE) return [codeById(CGCT_CODE)!];
  // A text's name is a code's only when it is one of the registry's names ("code de l'urbanisme", "CGI"): a law's never is.
  return codeById(reference.code) ? [codeById(reference.code)!] : codesNamed(reference.code);
}

/** The numbers of `code` a reference designates: its target, or every number of its range. */
function targetsIn(lookup: CodeLookup, code: string, reference: Reference): string[] {
  const numbers = lookup.numbers.get(code)!;
  const first = normalizeCodeArticleNumber(reference.target!) ?? reference.target!;
  if (reference.kind !== 'range' || !reference.rangeEnd) return numbers.has(first) ? [first] : [];
  const last = normalizeCodeArticleNumber(reference.rangeEnd) ?? reference.rangeEnd;
  if (codeFamilyOf(first) !== codeFamilyOf(last)) return [];
  return between(code, sortedFamily(lookup, code, codeFamilyOf(first)), first, last);
}

/** A family's numbers in the code's order, with their sort keys for binary search. */
interface SortedFamily {
  numbers: string[];
  keys: string[];
}

function sortedFamily(lookup: CodeLookup, code: string, family: string): SortedFamily {
  let byFamily = lookup.sorted.get(code);
  if (!byFamily) {
    const grouped = new Map<string, Array<{ number: string; key: string }>>();
    for (const number of lookup.numbers.get(code)!) {
      const entry = { number, key: codeSortKeyString(code, number) };
      const list = grouped.get(codeFamilyOf(number));
      if (list) list.push(entry);
      else grouped.set(codeFamilyOf(number), [entry]);
    }
    byFamily = new Map();
    for (const [name, list] of grouped) {
      list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      byFamily.set(name, { numbers: list.map((entry) => entry.number), keys: list.map((entry) => entry.key) });
    }
    lookup.sorted.set(code, byFamily);
  }
  return byFamily.get(family) ?? { numbers: [], keys: [] };
}

/** The numbers between two ends, both included, by binary search on the sort keys. */
function between(code: string, sorted: SortedFamily, first: string, last: string): string[] {
  const from = firstNotBefore(sorted.keys, codeSortKeyString(code, first));
  const lastKey = codeSortKeyString(code, last);
  let to = from;
  while (to < sorted.keys.length && sorted.keys[to]! <= lastKey) to++;
  return sorted.numbers.slice(from, to);
}

function firstNotBefore(keys: string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** "absent du code …": an unresolved target keyed like the article would be, with that code's closest numbers. */
function absentFrom(lookup: CodeLookup, code: CodeEntry, reference: Reference): CodeTarget {
  const number = normalizeCodeArticleNumber(reference.target!) ?? reference.target!;
  let index = lookup.suggestions.get(code.id);
  if (!index) lookup.suggestions.set(code.id, (index = createSuggestionIndex(lookup.numbers.get(code.id)!)));
  const candidates = suggestArticleIds(index, number).map((candidate) => articleKey(code.id, candidate));
  const id = articleKey(code.id, number);
  return { label: 'UnresolvedTarget', id, reason: 'absent-from-code', props: { code: code.id, number, reason: 'absent-from-code', candidates } };
}

/** A CGCT article, on the codes' date: in force, later, repealed, or never a CGCT number. */
function resolveInCgct(lookup: CodeLookup, reference: Reference): CodeTarget[] {
  const number = normalizeArticleId(reference.target!) ?? reference.target!;
  const cgct = lookup.cgct;
  if (!cgct) return [unresolvedCgct(number, 'code-not-loaded')];
  if (reference.kind === 'range' && reference.rangeEnd) {
    const last = normalizeArticleId(reference.rangeEnd) ?? reference.rangeEnd;
    let sorted = lookup.cgctSorted.get(familyOf(number));
    if (!sorted) {
      sorted = [...cgct.inForce].filter((id) => familyOf(id) === familyOf(number)).sort(compareArticleIds);
      lookup.cgctSorted.set(familyOf(number), sorted);
    }
    const members = familyOf(number) === familyOf(last) ? idsBetween(sorted, number, last) : [];
    if (members.length > 0) return members.map((id) => ({ label: 'Article' as const, id }));
  } else if (cgct.inForce.has(number)) return [{ label: 'Article', id: number }];
  if (cgct.later.has(number)) return [unresolvedCgct(number, 'not-yet-in-force')];
  if (cgct.ever.has(number)) return [unresolvedCgct(number, 'repealed')];
  const position = tocPositionOf(number);
  const reason: UnresolvedReason = !position || position.partie < 1 || position.partie > 7 ? 'not-in-code' : 'never-existed';
  let index = lookup.suggestions.get(CGCT_CODE);
  if (!index) lookup.suggestions.set(CGCT_CODE, (index = createSuggestionIndex(cgct.ever)));
  return [unresolvedCgct(number, reason, suggestArticleIds(index, number))];
}

/** A code's title as text names are normalized ("code de l'urbanisme"): the LegalText the CGCT's references name it by. */
function foldTitle(code: CodeEntry): string {
  return code.title.charAt(0).toLowerCase() + code.title.slice(1);
}

function unresolvedCgct(number: string, reason: CodeUnresolvedReason, candidates: string[] = []): CodeTarget {
  const id = `unresolved:${CGCT_CODE}|${number}`;
  return { label: 'UnresolvedTarget', id, reason, props: { code: CGCT_CODE, number, reason, candidates } };
}

/** A law, a decree, a treaty or a code not loaded: its node, and its article's when one is named. */
function textTarget(reference: Reference): CodeTarget {
  const textId = reference.code;
  const legifranceId = reference.textLegifranceId;
  if (!reference.target) return { label: 'LegalText', id: textId, props: { kind: textKindOf(textId), title: textId, ...(legifranceId ? { legifranceId } : {}) } };
  const key = externalArticleKey(textId, reference.target);
  return {
    label: 'ExternalArticle', id: key.id, partOf: textId, ...(legifranceId ? { partOfLegifranceId: legifranceId } : {}),
    props: { textId, number: key.number, ...(key.code ? { code: key.code } : {}) },
  };
}
