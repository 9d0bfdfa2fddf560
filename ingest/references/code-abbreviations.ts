/**
 * The usual short names of the codes ("article 1519 du CGI", "L. 1411-1 du CSP", "article 1240
 * du C. civ."), from the registry (data/codes.json). A reference carries the code's name as if
 * written in full ("code général des impôts"), so that "CGI" and the full name are one text.
 *
 * Matched as written only (capitals, dots), and only where a text's name is expected (after an
 * article number): alone, "CCP" or "CPI" may stand for anything.
 */
import { CGCT_CODE, CODES } from '../codes/code-registry.ts';
import { normalizeTextName } from './text-name.ts';

const squeeze = (abbreviation: string): string => abbreviation.replace(/\s+/g, '');

const NAME_OF_ABBREVIATION = new Map<string, string>();
for (const code of CODES) {
  if (code.id === CGCT_CODE) continue;
  for (const abbreviation of code.abbreviations) NAME_OF_ABBREVIATION.set(squeeze(abbreviation), normalizeTextName(code.title));
}

/** Source of a RegExp matching an abbreviation, longest first, spaces optional after its dots ("C. civ.", "C.civ."). */
export const CODE_ABBREVIATION_SOURCE = `(?:${[...NAME_OF_ABBREVIATION.keys()]
  .sort((a, b) => b.length - a.length)
  .map((abbreviation) => abbreviation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.(?=.)/g, String.raw`\.\s*`))
  .join('|')})(?![\\p{L}\\d])`;

/** The normalized name of the code an abbreviation stands for ("CGI" → "code général des impôts"). */
export function nameOfAbbreviation(abbreviation: string): string {
  return NAME_OF_ABBREVIATION.get(squeeze(abbreviation)) ?? normalizeTextName(abbreviation);
}
