/**
 * Names of European texts: the treaties ("article 88 du traité instituant la Communauté
 * européenne", "articles 107 et 108 du traité sur le fonctionnement de l'Union européenne"), EU
 * regulations ("règlement (UE) n° 651/2014 de la Commission du 17 juin 2014") and directives
 * ("directive 2005/36/CE du Parlement européen et du Conseil du 7 septembre 2005"). A treaty is a
 * text like a law: its articles are references, code = its normalized name.
 *
 * A treaty is only one of these named ones: "le traité de concession" is a contract.
 */
import { normalizeTextName } from './text-name.ts';

const UNION = String.raw`l['’]\s*[Uu]nion\s+européenne`;
const TREATY_EC = String.raw`[Tt]raité\s+instituant\s+la\s+[Cc]ommunauté\s+(?:économique\s+)?européenne`;
const TFEU = String.raw`[Tt]raité\s+sur\s+le\s+fonctionnement\s+de\s+${UNION}|TFUE`;
const TEU = String.raw`[Tt]raité\s+sur\s+${UNION}`;
// "des traités sur l'Union européenne et sur le fonctionnement de l'Union européenne": both.
const BOTH_TREATIES = String.raw`[Tt]raités\s+sur\s+${UNION}\s+et\s+sur\s+le\s+fonctionnement\s+de\s+${UNION}`;
const DATE = String.raw`(?:1er|\d{1,2})\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+\d{4}`;
const AUTHOR = String.raw`(?:\s+(?:de\s+la\s+Commission|du\s+Conseil|du\s+Parlement\s+européen\s+et\s+du\s+Conseil))?`;
// The date may follow a comma ("du Parlement européen et du Conseil, du 19 novembre 2008"), the
// institution's initials a space ("directive 2004/18/ CE"), and a regulation may lack them
// ("règlement n° 1407/2013 de la Commission du 18 décembre 2013"): the number's slash tells.
const DATED = String.raw`(?:,?\s+du\s+${DATE})?`;
const REGULATION = String.raw`[Rr]èglement\s+(?:\((?:UE|CE|CEE|Euratom)\)\s+(?:n\s?[°º]\s*)?|n\s?[°º]\s*)\d+/\d+(?:/\p{Lu}+)?${AUTHOR}${DATED}`;
const DIRECTIVE = String.raw`[Dd]irective\s+(?:\((?:UE|CE)\)\s+)?(?:n\s?[°º]\s*)?\d+/\d+(?:/\s?(?:CEE|CE|UE))?${AUTHOR}${DATED}`;

/** Source of a RegExp matching a European text's name. */
export const EUROPEAN_TEXT_SOURCE = `(?:${BOTH_TREATIES}|${TREATY_EC}|${TFEU}|${TEU}|${REGULATION}|${DIRECTIVE})(?![\\p{L}\\d])`;

/** The normalized names and kind of a European text's name as matched; "traités sur … et sur …" names two. */
export function readEuropeanTextName(raw: string): { name: string; otherNames?: string[]; textKind: 'traite' | 'droit-ue' } {
  const tfeu = "traité sur le fonctionnement de l'union européenne";
  if (/^traités/i.test(raw)) return { name: "traité sur l'union européenne", otherNames: [tfeu], textKind: 'traite' };
  if (raw === 'TFUE') return { name: tfeu, textKind: 'traite' };
  const name = normalizeTextName(raw.replace(/\/\s+/g, '/').replace(/,\s+du\s+/g, ' du '));
  return { name, textKind: name.startsWith('traité') ? 'traite' : 'droit-ue' };
}
