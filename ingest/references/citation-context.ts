/**
 * What a text has named so far, to read "du même code" (the last code named), "de la loi
 * précitée" / "de ladite loi" (the last law named) and "du même article" (the last article cited).
 */
import type { Reference } from '../types.ts';
import type { TextNameMatch } from './read-text-name.ts';
import { THIS_CODE } from './text-name.ts';

/** The state of one pass over one text. */
export interface CitationContext {
  /** The last code named, "CGCT" for "du présent code". */
  lastCode?: string;
  /** The last text of each kind named ("loi" → "loi n° 2015-991 du 7 août 2015"). */
  lastTextOfKind: Map<string, string>;
  /** Every law, ordinance or decree named, in order, to pick "la loi du 2 mars 1982 précitée". */
  namedTexts: string[];
  /** The references of the last citation list, for "du même article" and "desdits articles"; undefined after "du présent article". */
  lastList?: Reference[];
  /** The last list when it named no container (so it was given this code), and where it ended. */
  uncontained?: { references: Reference[]; end: number };
}

/** A fresh context for a new text. */
export function createCitationContext(): CitationContext {
  return { lastTextOfKind: new Map(), namedTexts: [] };
}

/**
 * The normalized name of the text a container designates, remembering it for later anaphora;
 * undefined when it cannot be known ("de la présente loi", or "de ladite loi" with no law before).
 */
export function resolveContainer(context: CitationContext, container: TextNameMatch): string | undefined {
  switch (container.kind) {
    case 'this-code':
      context.lastCode = THIS_CODE;
      return THIS_CODE;
    case 'same-code':
      // "du même code" with no code named before: drafters then mean this code.
      return context.lastCode ?? THIS_CODE;
    case 'self-text':
      return undefined;
    case 'aforementioned':
      return resolveAforementioned(context, container);
    case 'named':
      rememberNamedText(context, container);
      return container.name;
  }
}

/** Records a text named in full, as container or as a whole mention. */
export function rememberNamedText(context: CitationContext, container: TextNameMatch): void {
  if (!container.name) return;
  if (container.textKind === 'code') {
    context.lastCode = container.name;
    return;
  }
  context.lastTextOfKind.set(container.textKind, container.name);
  context.namedTexts.push(container.name);
}

// "de la loi du 2 mars 1982 précitée": the law named earlier with that date ("loi n° 82-213
// du 2 mars 1982"); "de la loi précitée": the last law named.
function resolveAforementioned(context: CitationContext, container: TextNameMatch): string | undefined {
  if (container.dateHint) {
    const suffix = ` du ${container.dateHint}`;
    const earlier = [...context.namedTexts].reverse().find((name) => name.endsWith(suffix) && name.startsWith(container.name!.split(' ')[0]!));
    return earlier ?? container.name;
  }
  return context.lastTextOfKind.get(container.textKind);
}
