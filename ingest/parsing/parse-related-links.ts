/**
 * The "Liens relatifs à cet article" block of lexlib / lexxxit files (seed 002), in its two
 * syntaxes: lexxxit's tab-indented bold headings ("\t**Modifié par**:" then "\t  - Loi n°2014-58
 * du 27 janvier 2014 - art. 79 (V)") and lexlib's italics ("_Modifié par_:" then "  - …").
 * Each entry names a text, often an article of it, and ends with a status marker.
 */
import { normalizeArticleId } from '../article-id.ts';
import { normalizeTextName } from '../references/text-name.ts';
import type { IngestMessage, RelatedLink, RelatedLinkType, StatusMarker } from '../types.ts';

const HEADING_TYPES: Record<string, RelatedLinkType> = {
  'anciens textes': 'former-texts',
  'nouveaux textes': 'new-texts',
  'créé par': 'created-by',
  'modifié par': 'modified-by',
  'abrogé par': 'repealed-by',
  'codifié par': 'codified-by',
  'transféré par': 'transferred-by',
  cite: 'cites',
  'cité par': 'cited-by',
};
const STATUSES = new Set<string>(['V', 'VD', 'Ab', 'T', 'VT', 'M', 'MMN', 'P']);
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const HEADING = /^\s*(?:\*\*(.+?)\*\*|_(.+?)_)\s*:\s*$/;
// Each pattern here is linear on a line of 200,000 spaces: no lazy group before a `\s*` (trimmed by hand instead).
const ENTRY = /^\s*[-*+]\s+(.*)$/;
// "… - art. 79 (V)", "… (Ab)", "… () JORF 22 juillet 2003": the status is the last parenthesis,
// sometimes followed by where the text was published.
const STATUS_AT_END = /\(([A-Za-z]*)\)$/;
const PUBLICATION = /\sjorf\b/i;
// Older entries have no " - " before the article: "Loi n°83-8 1983-01-07 art. 6 al. 2 et 3".
const ARTICLE_PART = /(?<!\s)\s+(?:-\s+)?art\.?\s+(?=\S)/;
// "PILOTE_SUIVEUR: Code de la route. - art. L411-5-1 (V)": an internal label of the DILA export.
const INTERNAL_LABEL = /^[A-Z_]{4,}:\s*/;

const MAX_WARNINGS = 20;

/** What the block gives. */
export interface RelatedLinksResult {
  links: RelatedLink[];
  messages: IngestMessage[];
}

/** The kind of a heading ("Modifié par" → 'modified-by'); undefined for headings not listed. */
export function classifyRelatedHeading(heading: string): RelatedLinkType | undefined {
  return HEADING_TYPES[heading.trim().replace(/\s+/g, ' ').toLowerCase()];
}

/**
 * Parses the lines after "**Liens relatifs à cet article**"; `firstLine` is the 1-based line of
 * `lines[0]` in the file, so that every entry and message carries its line.
 */
export function parseRelatedLinks(file: string, lines: string[], firstLine: number): RelatedLinksResult {
  const links: RelatedLink[] = [];
  const messages: IngestMessage[] = [];
  let heading: string | undefined;
  let type: RelatedLinkType = 'other';
  // One warning per line of a block of a million lines would hold hundreds of megabytes: the
  // first ones are kept, the rest counted.
  let warnings = 0;
  const warn = (message: IngestMessage) => {
    if (++warnings <= MAX_WARNINGS) messages.push(message);
  };
  lines.forEach((raw, index) => {
    const line = firstLine + index;
    if (raw.trim() === '') return;
    const headingMatch = HEADING.exec(raw);
    if (headingMatch) {
      heading = (headingMatch[1] ?? headingMatch[2]!).trim();
      const known = classifyRelatedHeading(heading);
      type = known ?? 'other';
      if (!known) warn({ file, line, ruleId: 'unknown-related-heading', reason: `unknown "Liens relatifs" heading "${heading.slice(0, 80)}", kept as 'other'`, severity: 'warning' });
      return;
    }
    const entry = ENTRY.exec(raw);
    if (!entry || heading === undefined) {
      warn({ file, line, ruleId: 'unparsed-related-line', reason: `line of the "Liens relatifs" block not understood: "${raw.trim().slice(0, 80)}"`, severity: 'warning' });
      return;
    }
    const { link, unknownStatus } = parseRelatedEntry(entry[1]!.trimEnd(), type, heading, line);
    links.push(link);
    if (unknownStatus !== undefined) {
      warn({ file, line, ruleId: 'unknown-related-status', reason: `unknown status marker "(${unknownStatus.slice(0, 20)})" on "${entry[1]!.slice(0, 80)}"`, severity: 'warning' });
    }
  });
  if (warnings > MAX_WARNINGS) {
    messages.push({ file, line: firstLine, ruleId: 'too-many-messages', reason: `${warnings - MAX_WARNINGS} more warnings on the "Liens relatifs" block not shown`, severity: 'warning' });
  }
  return { links, messages };
}

/** One entry: "Code général des collectivités territoriales - art. L5711-1 (V)". */
export function parseRelatedEntry(entry: string, type: RelatedLinkType, heading: string, line: number): { link: RelatedLink; unknownStatus?: string } {
  let rest = entry.replace(INTERNAL_LABEL, '');
  const publication = rest.search(PUBLICATION);
  if (publication >= 0) rest = rest.slice(0, publication).trimEnd();
  let status: StatusMarker | undefined;
  let unknownStatus: string | undefined;
  const statusMatch = STATUS_AT_END.exec(rest);
  if (statusMatch) {
    rest = rest.slice(0, statusMatch.index).trimEnd();
    const marker = statusMatch[1]!;
    if (STATUSES.has(marker)) status = marker as StatusMarker;
    else if (marker !== '') unknownStatus = marker;
  }
  const articleMatch = ARTICLE_PART.exec(rest);
  const textTitle = (articleMatch ? rest.slice(0, articleMatch.index) : rest).trim();
  const printedArticle = articleMatch ? rest.slice(articleMatch.index + articleMatch[0].length).trim() : undefined;
  const textId = normalizeTextName(spellIsoDate(textTitle));
  const link: RelatedLink = { type, heading, textTitle, textId, line };
  if (printedArticle) link.article = normalizeArticleId(printedArticle) ?? printedArticle;
  if (status) link.status = status;
  return unknownStatus === undefined ? { link } : { link, unknownStatus };
}

/** "Loi n°96-142 1996-02-21" names the text like "Loi n°96-142 du 21 février 1996": spell the date so both normalize alike. */
function spellIsoDate(title: string): string {
  return title.replace(/\s(\d{4})-(\d{2})-(\d{2})\b/, (whole, year: string, month: string, day: string) => {
    const monthName = MONTHS[Number(month) - 1];
    return monthName ? ` du ${Number(day)} ${monthName} ${year}` : whole;
  });
}
