/**
 * What a text has named so far, to read "du même code" (the last code named), "de la loi
 * précitée" / "de ladite loi" (the last law named), "du même article" (the last article cited)
 * and "l'article L. 300-5 précité" (the code that article was cited in).
 */
import { codesNamed } from '../codes/code-registry.ts';
import type { Reference } from '../types.ts';
import type { TextNameMatch } from './read-text-name.ts';
import { THIS_CODE } from './text-name.ts';

/** The state of one pass over one text. */
export interface CitationContext {
  /** The code the citing article belongs to: "CGCT" or another code's id ("code-de-lurbanisme"). */
  ownCode: string;
  /** The last code named, the own code for "du présent code". */
  lastCode?: string;
  /** The last text of each kind named ("loi" → "loi n° 2015-991 du 7 août 2015"). */
  lastTextOfKind: Map<string, string>;
  /** Every law, ordinance or decree named, in order, to pick "la loi du 2 mars 1982 précitée". */
  namedTexts: string[];
  /** The references of the last citation list, for "du même article" and "desdits articles"; undefined after "du présent article". */
  lastList?: Reference[];
  /** The last list when it named no container (so it was given this code), and where it ended. */
  uncontained?: { references: Reference[]; end: number };
  /** The text each article number was last cited in ("L300-5" → "code de l'urbanisme"), for "l'article L. 300-5 précité". */
  codeOfTarget: Map<string, string>;
}

/** A fresh context for a new text of `ownCode`. */
export function createCitationContext(ownCode: string = THIS_CODE): CitationContext {
  return { ownCode, lastTextOfKind: new Map(), namedTexts: [], codeOfTarget: new Map() };
}

/**
 * The normalized name of the text a container designates, remembering it for later anaphora;
 * undefined when it cannot be known ("de la présente loi", or "de ladite loi" with no law before).
 */
export function resolveContainer(context: CitationContext, container: TextNameMatch): string | undefined {
  switch (container.kind) {
    case 'this-code':
      context.lastCode = context.ownCode;
      return context.ownCode;
    case 'same-code':
      // "du même code" with no code named before: drafters then mean this code.
      return context.lastCode ?? context.ownCode;
    case 'self-text':
      return undefined;
    case 'aforementioned':
      return resolveAforementioned(context, container);
    case 'named':
      rememberNamedText(context, container);
      return codeIdOf(context, container.name!);
  }
}

// An article of another code naming its own code in full ("article L. 300-1 du code de
// l'urbanisme", in that code) cites its own code, under the own code's id like "du présent code".
function codeIdOf(context: CitationContext, name: string): string {
  if (context.ownCode === THIS_CODE || name === THIS_CODE) return name;
  return codesNamed(name)[0]?.id === context.ownCode ? context.ownCode : name;
}

/** Records a text named in full, as container or as a whole mention. */
export function rememberNamedText(context: CitationContext, container: TextNameMatch): void {
  if (!container.name) return;
  if (container.textKind === 'code') {
    context.lastCode = codeIdOf(context, container.name);
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
