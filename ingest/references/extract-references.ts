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
 *
 * The citing article's own code (`ownCode`) is what "du présent code", "du même code" with no
 * code named before, and a number with no text named designate: the CGCT unless told. A CGCT
 * article's bare "article 6" is a law's, left out without its law; another code's is its own
 * ("l'article 2044", in the code civil). The notes ending an article (find-notes) are read like
 * its body, but for its own number (`ownNumber`), which a note names as the article it is about.
 */
import { normalizeArticleId } from '../article-id.ts';
import { normalizeCodeArticleNumber, splitArticleKey } from '../codes/code-registry.ts';
import type { Reference } from '../types.ts';
import { createCitationContext, resolveContainer, type CitationContext } from './citation-context.ts';
import { findAmendingQuotes, isInsideSpans } from './find-amending-quotes.ts';
import { findNoteStart } from './find-notes.ts';
import { maskHtmlTags } from './mask-html-tags.ts';
import { readCitationList, skipTitle, splitSubdivision, type CitationItem } from './read-citation-list.ts';
import { readPinpointBefore } from './read-pinpoint.ts';
import { readTextNameAt, type TextNameMatch } from './read-text-name.ts';
import { THIS_CODE, textKindOf } from './text-name.ts';

/** Options of extractReferences. */
export interface ExtractReferencesOptions {
  /** Stop once more than this many references are found (a text to be rejected); no limit when absent. */
  limit?: number;
  /** The code the text belongs to: "CGCT" (the default) or another code's id, its folder ("code-de-lurbanisme"). */
  ownCode?: string;
  /** The citing article's own number ("L2333-6", "1240", or its key "code-civil:1240"), so that its notes naming it cite nothing. */
  ownNumber?: string;
}

// The three things a reference starts with: the word "article(s)" / "art.", a prefixed number
// standing alone ("L. 4141-1 et L. 4141-2" in a table cell), or a text's name.
const HIT = new RegExp(
  String.raw`(?<keyword>(?<![\p{L}])(?:[Aa]rticles?|[Aa]rt\.|ART\.|ARTICLES?)(?![\p{L}]))` +
    String.raw`|(?<designator>(?<![\p{L}\d])(?:L\.?\s?O|L|R|D|A)\s?\.?\s?\*?\.?\s?\d+-\d)` +
    String.raw`|(?<name>(?<![\p{L}])(?:présent\s+code|même\s+code|[Cc]ode|livre\s+des\s+procédures\s+fiscales|CGCT|[Ll]oi|[Oo]rdonnance|[Dd]écret|[Aa]rrêté|Constitution|[Tt]raités?|TFUE|[Rr]èglement|[Dd]irective)(?![\p{L}]))`,
  'gu',
);
const AFTER_KEYWORD = /\s+/y;
// "« Art. L. 2333-87.-Sans préjudice …»": the heading of an article quoted in an amendment
// names the article rewritten, not one this article cites.
const QUOTED_HEADING = /[«“"]\s*$/u;
const QUOTED_ARTICLE_HEADING = /^\d+(?:er)?\s*:/u;
const ANAPHORA_BEFORE = /(?:^|[\s'’])(?<word>même|mêmes|ledit|lesdits|dudit|desdits|audit|auxdits|présent)\s+$/u;
const ANAPHORA_AFTER = /\s+(?:précitée?s?|susvisée?s?|susmentionnée?s?)(?![\p{L}])/uy;

/**
 * Every reference the text makes, in the order of the text; stops once past `limit` (a text to
 * be rejected). A number as second argument is the limit, as before options.
 */
export function extractReferences(source: string, options: ExtractReferencesOptions | number = {}): Reference[] {
  const { limit = Infinity, ownCode = THIS_CODE, ownNumber } = typeof options === 'number' ? { limit: options } : options;
  const text = maskHtmlTags(source);
  const references: Reference[] = [];
  const context = createCitationContext(ownCode);
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
  return ownNumber === undefined ? references : dropSelfMentionsInNotes(references, text, ownCode, ownNumber);
}

function dropSelfMentionsInNotes(references: Reference[], text: string, ownCode: string, ownNumber: string): Reference[] {
  // The article's graph key ("code-de-lurbanisme:L300-5") is taken for its number too.
  const number = splitArticleKey(ownNumber).number;
  const own = normalizeArticleId(number) ?? normalizeCodeArticleNumber(number);
  const noteStart = findNoteStart(text);
  return references.filter((reference) => !(reference.start >= noteStart && reference.code === ownCode && reference.kind === 'single' && reference.target === own));
}

function readAfterKeyword(text: string, keywordStart: number, keywordEnd: number, context: CitationContext, out: Reference[]): number {
  AFTER_KEYWORD.lastIndex = keywordEnd;
  const space = AFTER_KEYWORD.exec(text);
  const listStart = keywordEnd + (space ? space[0].length : 0);
  if (/^art\./i.test(text.slice(keywordStart, keywordEnd)) && QUOTED_HEADING.test(text.slice(Math.max(0, keywordStart - 3), keywordStart))) {
    return readCitationList(text, listStart, { afterKeyword: true }).end;
  }
  // "Conseil d'Etat, décision n° 400420 …, Art. 1 : Sont annulés …": a note quoting the
  // article of a text the grammar cannot name, not an article of the own code.
  if (/^art\.$/i.test(text.slice(keywordStart, keywordEnd)) && QUOTED_ARTICLE_HEADING.test(text.slice(listStart, listStart + 12))) return listStart;
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
    const itemPinpoint = joinPinpoints(pinpoint, item.subdivision);
    list.push({
      target: numberIn(code, item.first.id),
      code,
      kind: item.last ? 'range' : 'single',
      ...(item.last ? { rangeEnd: numberIn(code, item.last.id) } : {}),
      ...(itemPinpoint ? { pinpoint: itemPinpoint } : {}),
      start: item.first.start,
      end: last.end,
      via: 'text',
    });
  });
  out.push(...list);
  for (const reference of list) context.codeOfTarget.set(reference.target!, reference.code);
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
  if (!previous || code === context.ownCode || textKindOf(code) !== 'code' || !JOINED.test(text.slice(previous.end, listStart))) return;
  for (const reference of previous.references) {
    if (reference.code === context.ownCode && reference.target && isOfShape(reference.target, target)) reference.code = code;
  }
}

// Another code's numbers are keyed as its registry writes them ("238 BIS" → "238 bis"); the
// CGCT's and laws' stay as read.
function numberIn(code: string, id: string): string {
  return code !== THIS_CODE && textKindOf(code) === 'code' ? (normalizeCodeArticleNumber(id) ?? id) : id;
}

// "au 1° de l'article 42 II de la loi": the item of the law article's paragraph.
function joinPinpoints(before: string | undefined, subdivision: string | undefined): string | undefined {
  return before && subdivision ? `${before} du ${subdivision}` : (before ?? subdivision);
}

function isOfShape(id: string, neighbour: string | undefined): boolean {
  const group = /^[A-Z]+\*?(\d+)/.exec(id)?.[1];
  return !group || group.length < 4 || group === /^[A-Z]+\*?(\d+)/.exec(neighbour ?? '')?.[1];
}

// A container written after the last item of a list covers the items before it that have
// none ("aux articles L. 211-7 et L. 212-1 du code de l'environnement": both in that code), and
// so does a text this grammar cannot name ("des articles 107 et 108 du traité"), which leaves
// them out. "L'article L. 300-5 précité" is of the text it was cited in before. A prefixed
// number with no container anywhere is of the own code; a bare number ("article 6") too in
// another code, but not in the CGCT, where it cannot be placed and is left out.
function assignContainers(items: CitationItem[], context: CitationContext): Array<string | undefined> {
  const resolved = items.map((item) => (item.container ? resolveContainer(context, item.container) : undefined));
  const codes: Array<string | undefined> = new Array(items.length);
  let following: string | undefined;
  let followingKnown = false;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.container || item.unknownContainer) {
      following = resolved[i];
      followingKnown = true;
    }
    if (followingKnown) codes[i] = following;
    else codes[i] = (item.aforementioned ? context.codeOfTarget.get(item.first.id) : undefined) ?? defaultCodeOf(item, context);
  }
  return codes;
}

// Every CGCT number has a dash ("L. 2131-1"); an undashed "R. 52" is another code's, the one
// named before: "les articles suivants du code électoral : 1° L'article R. 40 …".
function defaultCodeOf(item: CitationItem, context: CitationContext): string | undefined {
  const { ownCode, lastCode } = context;
  if (!item.first.prefixed) return ownCode === THIS_CODE ? undefined : ownCode;
  const undashed = !item.first.id.includes('-');
  return undashed && ownCode === THIS_CODE && lastCode && lastCode !== ownCode ? lastCode : ownCode;
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
// 6 juin 2005"; the own code and texts named earlier ("ladite loi") add nothing new.
function readWholeText(text: string, pos: number, context: CitationContext, out: Reference[]): number | undefined {
  const name = readTextNameAt(text, pos);
  if (!name) return undefined;
  if (name.kind === 'this-code') context.lastCode = context.ownCode;
  if (name.kind !== 'named' || !name.name) return name.end;
  const code = resolveContainer(context, name)!;
  const noteHeading = readNoteHeading(text, name, code, out);
  if (noteHeading !== undefined) return noteHeading;
  if (code !== context.ownCode) out.push({ code, kind: 'single', start: name.start, end: name.end, via: 'text' });
  for (const other of name.otherNames ?? []) out.push({ code: other, kind: 'single', start: name.start, end: name.end, via: 'text' });
  return skipTitle(text, name.end);
}

// Older notes open on the amending text and its article: "Loi 2007-128 du 31 janvier 2007 art.
// 3 II : Le présent article entre en vigueur …", "par loi 2002-92 2002-01-22 art. 56 I entrent", "Décret n° 2014-17 du 8 janvier 2014 article 4
// : …", "Loi n° 2012-1510 du 29 décembre 2012, article 37 II D : …". The article is cited, not
// the whole text.
const NOTE_ARTICLE = /\s*,?\s+(?:art\.?|article)\s+/uy;
const NOTE_COLON = /\s*:/uy;
function readNoteHeading(text: string, name: TextNameMatch, code: string, out: Reference[]): number | undefined {
  if (name.textKind === 'code') return undefined;
  // "Loi n° 2013-1278 du 29 décembre 2013 de finances pour 2014, art. 17 III :": after the title.
  const nameEnd = skipTitle(text, name.end);
  NOTE_ARTICLE.lastIndex = nameEnd;
  const lead = NOTE_ARTICLE.exec(text);
  if (!lead) return undefined;
  const { items, end } = readCitationList(text, nameEnd + lead[0].length, { afterKeyword: true });
  NOTE_COLON.lastIndex = end;
  // "art." right after a text's name is its article; the full word, only before the note's colon.
  const abbreviated = /art\.?\s+$/.test(lead[0]);
  if (items.length === 0 || items.some((item) => item.container || item.first.prefixed) || !(abbreviated || NOTE_COLON.test(text))) return undefined;
  for (const item of items) {
    splitSubdivision(item);
    const last = item.last ?? item.first;
    out.push({
      target: item.first.id,
      code,
      kind: item.last ? 'range' : 'single',
      ...(item.last ? { rangeEnd: item.last.id } : {}),
      ...(item.subdivision ? { pinpoint: item.subdivision } : {}),
      start: item.first.start,
      end: last.end,
      via: 'text',
    });
  }
  return end;
}
