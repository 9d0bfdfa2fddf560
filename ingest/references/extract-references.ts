/**
 * Finds every reference an article's (or a document's) text makes: articles of this code, of
 * other codes and of laws, whole texts named by number and date, with pinpoints and ranges.
 * Pure and look-up free: one pass of one RegExp over the text, each hit read by a small reader
 * (read-citation-list, read-text-name, read-pinpoint). Resolution comes later, once every
 * article is known (resolve-references). Quoted amending text is skipped (find-amending-quotes).
 *
 * Anaphora: "du même article", "ledit article", "dudit article", "audit article", "l'article
 * précité" repeat the last article cited when that citation named exactly one article; after a
 * list ("aux articles L. 1 et L. 2 … ledit article") they are ambiguous and left out.
 * "desdits articles", "aux mêmes articles" repeat the whole last list. "L'article précédent"
 * depends on where the citing article stands, which the text alone does not tell: left out.
 */
import type { Reference } from '../types.ts';
import { createCitationContext, rememberNamedText, resolveContainer, type CitationContext } from './citation-context.ts';
import { findAmendingQuotes, isInsideSpans } from './find-amending-quotes.ts';
import { readCitationList, skipTitle, type CitationItem } from './read-citation-list.ts';
import { readPinpointBefore } from './read-pinpoint.ts';
import { readTextNameAt } from './read-text-name.ts';
import { THIS_CODE, textKindOf } from './text-name.ts';

// The three things a reference starts with: the word "article(s)" / "art.", a prefixed number
// standing alone ("L. 4141-1 et L. 4141-2" in a table cell), or a text's name.
const HIT = new RegExp(
  String.raw`(?<keyword>(?<![\p{L}])(?:[Aa]rticles?|[Aa]rt\.|ART\.|ARTICLES?)(?![\p{L}]))` +
    String.raw`|(?<designator>(?<![\p{L}\d])(?:L\.?\s?O|L|R|D)\s?\.?\s?\*?\.?\s?\d+-\d)` +
    String.raw`|(?<name>(?<![\p{L}])(?:présent\s+code|même\s+code|[Cc]ode|livre\s+des\s+procédures\s+fiscales|CGCT|[Ll]oi|[Oo]rdonnance|[Dd]écret|[Aa]rrêté|Constitution)(?![\p{L}]))`,
  'gu',
);
const AFTER_KEYWORD = /\s+/y;
// "« Art. L. 2333-87.-Sans préjudice …»": the heading of an article quoted in an amendment
// names the article rewritten, not one this article cites.
const QUOTED_HEADING = /[«“"]\s*$/u;
const ANAPHORA_BEFORE = /(?:^|[\s'’])(?<word>même|mêmes|ledit|lesdits|dudit|desdits|audit|auxdits|présent)\s+$/u;
const ANAPHORA_AFTER = /\s+(?:précitée?s?|susvisée?s?|susmentionnée?s?)(?![\p{L}])/uy;

/** Every reference the text makes, in the order of the text; stops once past `limit` (a text to be rejected). */
export function extractReferences(text: string, limit = Infinity): Reference[] {
  const references: Reference[] = [];
  const context = createCitationContext();
  const hit = new RegExp(HIT);
  const quotes = findAmendingQuotes(text);
  for (let match = hit.exec(text); match; match = hit.exec(text)) {
    const groups = match.groups!;
    let end = match.index + match[0].length;
    if (isInsideSpans(quotes, match.index)) continue;
    if (groups.keyword) end = readAfterKeyword(text, match.index, end, context, references);
    else if (groups.designator) end = readList(text, match.index, false, undefined, context, references);
    else end = readWholeText(text, match.index, context, references) ?? end;
    hit.lastIndex = Math.max(end, match.index + 1);
    // Past `limit` the text is rejected (maxReferencesPerText): reading the rest would be wasted.
    if (references.length > limit) break;
  }
  return references;
}

function readAfterKeyword(text: string, keywordStart: number, keywordEnd: number, context: CitationContext, out: Reference[]): number {
  AFTER_KEYWORD.lastIndex = keywordEnd;
  const space = AFTER_KEYWORD.exec(text);
  const listStart = keywordEnd + (space ? space[0].length : 0);
  if (/^art\./i.test(text.slice(keywordStart, keywordEnd)) && QUOTED_HEADING.test(text.slice(Math.max(0, keywordStart - 3), keywordStart))) {
    return readCitationList(text, listStart, { afterKeyword: true }).end;
  }
  const pinpoint = readPinpointBefore(text, keywordStart);
  const end = readList(text, listStart, true, pinpoint, context, out);
  if (end > listStart) return end;
  return readAnaphora(text, keywordStart, keywordEnd, pinpoint, context, out);
}

function readList(text: string, pos: number, afterKeyword: boolean, pinpoint: string | undefined, context: CitationContext, out: Reference[]): number {
  const { items, end } = readCitationList(text, pos, { afterKeyword });
  if (items.length === 0) return pos;
  const codes = assignContainers(items, context);
  const list: Reference[] = [];
  items.forEach((item, i) => {
    const code = codes[i];
    if (!code) return;
    const last = item.last ?? item.first;
    list.push({
      target: item.first.id,
      code,
      kind: item.last ? 'range' : 'single',
      ...(item.last ? { rangeEnd: item.last.id } : {}),
      ...(pinpoint ? { pinpoint } : {}),
      start: item.first.start,
      end: last.end,
      via: 'text',
    });
  });
  out.push(...list);
  if (list.length > 0) context.lastList = list;
  const contained = items.some((item) => item.container);
  if (contained && list.length > 0) shareContainerBackwards(text, pos, list, context);
  context.uncontained = !contained && list.length > 0 ? { references: list, end } : undefined;
  return end;
}

// "dans les cas prévus au quatrième alinéa de l'article L. 3111-7 et à l'article L. 3111-8 du
// même code" (code des transports): a code closing two citations joined by "et" covers both, as
// it covers the items of one list, when the first number is of that code's shape: not a CGCT
// number ("L. 211-2 ou … L. 213-3 de ce même code"), or of the same chapter as the second. "à
// l'article L. 5217-2 et à l'article L. 2124-4 du code général de la propriété des personnes
// publiques" keeps L. 5217-2 in this code.
const JOINED = /^\s*,?\s+(?:et|ou|ainsi\s+qu['’]?)\s[^.;:()\n]{0,60}$/u;
function shareContainerBackwards(text: string, listStart: number, list: Reference[], context: CitationContext): void {
  const previous = context.uncontained;
  const { code, target } = list[0]!;
  if (!previous || code === THIS_CODE || textKindOf(code) !== 'code' || !JOINED.test(text.slice(previous.end, listStart))) return;
  for (const reference of previous.references) {
    if (reference.code === THIS_CODE && reference.target && isOfShape(reference.target, target)) reference.code = code;
  }
}

function isOfShape(id: string, neighbour: string | undefined): boolean {
  const group = /^[A-Z]+\*?(\d+)/.exec(id)?.[1];
  return !group || group.length < 4 || group === /^[A-Z]+\*?(\d+)/.exec(neighbour ?? '')?.[1];
}

// A container written after the last item of a list covers the items before it that have
// none ("aux articles L. 211-7 et L. 212-1 du code de l'environnement": both in that code);
// a prefixed number with no container anywhere is of this code; a bare number ("article 6")
// with no container cannot be placed and is left out.
function assignContainers(items: CitationItem[], context: CitationContext): Array<string | undefined> {
  const resolved = items.map((item) => (item.container ? resolveContainer(context, item.container) : undefined));
  const codes: Array<string | undefined> = new Array(items.length);
  let following: string | undefined;
  let followingKnown = false;
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i]!.container) {
      following = resolved[i];
      followingKnown = true;
    }
    codes[i] = followingKnown ? following : items[i]!.first.prefixed ? defaultCodeOf(items[i]!, context) : undefined;
  }
  return codes;
}

// Every CGCT number has a dash ("L. 2131-1"); an undashed "R. 52" is another code's, the one
// named before: "les articles suivants du code électoral : 1° L'article R. 40 …".
function defaultCodeOf(item: CitationItem, context: CitationContext): string {
  const undashed = !item.first.id.includes('-');
  return undashed && context.lastCode && context.lastCode !== THIS_CODE ? context.lastCode : THIS_CODE;
}

function readAnaphora(text: string, keywordStart: number, keywordEnd: number, pinpoint: string | undefined, context: CitationContext, out: Reference[]): number {
  const word = ANAPHORA_BEFORE.exec(text.slice(Math.max(0, keywordStart - 12), keywordStart))?.groups?.word;
  ANAPHORA_AFTER.lastIndex = keywordEnd;
  const after = ANAPHORA_AFTER.exec(text);
  if (word === 'présent') {
    // "au II du présent article": the article's own part; what follows "même article" is now this one.
    context.lastList = undefined;
    return keywordEnd;
  }
  if (!word && !after) return keywordEnd;
  const plural = /s$/i.test(text.slice(keywordStart, keywordEnd));
  const start = word ? text.lastIndexOf(word, keywordStart - 1) : keywordStart;
  const end = after ? keywordEnd + after[0].length : keywordEnd;
  const previous = context.lastList ?? [];
  const repeated = plural ? previous : previous.length === 1 && previous[0]!.kind === 'single' ? previous : [];
  for (const reference of repeated) {
    const { target, code, kind, rangeEnd } = reference;
    out.push({ target, code, kind, ...(rangeEnd ? { rangeEnd } : {}), ...(pinpoint ? { pinpoint } : {}), start, end, via: 'text' });
  }
  return end;
}

// A text named alone: "soumises au code des marchés publics", "par l'ordonnance n° 2005-649 du
// 6 juin 2005"; this code and texts named earlier ("ladite loi") add nothing new.
function readWholeText(text: string, pos: number, context: CitationContext, out: Reference[]): number | undefined {
  const name = readTextNameAt(text, pos);
  if (!name) return undefined;
  if (name.kind === 'this-code') context.lastCode = THIS_CODE;
  if (name.kind !== 'named' || !name.name) return name.end;
  rememberNamedText(context, name);
  if (name.name !== THIS_CODE) out.push({ code: name.name, kind: 'single', start: name.start, end: name.end, via: 'text' });
  return skipTitle(text, name.end);
}
