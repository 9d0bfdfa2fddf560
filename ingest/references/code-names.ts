/**
 * The names of the French codes an article of the CGCT cites, as the body of an article writes
 * them ("du code de l'environnement", "du code rural et de la pêche maritime").
 *
 * A code's name cannot be cut at the first "et": "code de la construction et de l'habitation",
 * "code monétaire et financier" hold one. So known names are matched first, longest first;
 * an unknown "code de la X" / "code des X" / "code du X" falls back to its first noun.
 */

// Drawn from the "Cite" entries of the lexlib corpus and the bodies of the four corpora.
const KNOWN_CODE_NAMES = [
  "code de l'action sociale et des familles",
  "code de l'artisanat",
  "code de l'aviation civile",
  "code de l'éducation",
  "code de l'énergie",
  "code de l'entrée et du séjour des étrangers et du droit d'asile",
  "code de l'environnement",
  "code de l'expropriation pour cause d'utilité publique",
  "code de l'organisation judiciaire",
  "code de l'urbanisme",
  'code de commerce',
  'code de justice administrative',
  'code de justice militaire',
  'code de la commande publique',
  'code de la consommation',
  'code de la construction et de l\'habitation',
  'code de la défense',
  'code de la famille et de l\'aide sociale',
  'code de la mutualité',
  'code de la propriété intellectuelle',
  'code de la recherche',
  'code de la route',
  'code de la santé publique',
  'code de la sécurité intérieure',
  'code de la sécurité sociale',
  'code de la voirie routière',
  'code de procédure civile',
  'code de procédure pénale',
  'code des assurances',
  'code des communes de la Nouvelle-Calédonie',
  'code des communes',
  'code des douanes de Mayotte',
  'code des douanes',
  'code des impositions sur les biens et services',
  'code des juridictions financières',
  'code des marchés publics',
  'code des pensions civiles et militaires de retraite',
  'code des pensions militaires d\'invalidité et des victimes de guerre',
  'code des ports maritimes',
  'code des postes et des communications électroniques',
  'code des procédures civiles d\'exécution',
  'code des relations entre le public et l\'administration',
  'code des transports',
  'code du cinéma et de l\'image animée',
  'code du domaine de l\'Etat',
  'code du domaine public fluvial et de la navigation intérieure',
  'code du patrimoine',
  'code du service national',
  'code du sport',
  'code du tourisme',
  'code du travail applicable à Mayotte',
  'code du travail',
  'code électoral',
  'code forestier',
  'code général de la fonction publique',
  'code général de la propriété des personnes publiques',
  'code général des collectivités territoriales',
  'code général des impôts',
  'code minier',
  'code monétaire et financier',
  'code pénal',
  'code civil',
  'code rural et de la pêche maritime',
  'code rural',
];

/** Escapes a literal for a RegExp, letting any run of spaces and either apostrophe match. */
function toLoosePattern(name: string): string {
  return name
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['’]\\s*")
    .replace(/ /g, '\\s+')
    .replace(/^code/, '[Cc]ode')
    .replace(/Etat/, '[EÉ]tat');
}

const KNOWN = [...KNOWN_CODE_NAMES].sort((a, b) => b.length - a.length).map(toLoosePattern).join('|');

// An unknown code: "code de l'X", "code des X", "code du X", "code X" (one word, lower case).
const FALLBACK = String.raw`[Cc]ode\s+(?:(?:de\s+la|de\s+l['’]|des|du|d['’])\s*)?(?!et\b|ou\b|de\b|du\b|des\b|en\b|à\b|qui\b|que\b|est\b|sont\b|a\b|pour\b|le\b|la\b|les\b|et\b)[a-zéèêàâîôûç][\p{Ll}-]+`;

/** Source of a RegExp matching a code's name (without a leading preposition). */
// The "livre des procédures fiscales" is a code in all but name ("article L. 80 A du livre des procédures fiscales").
export const CODE_NAME_SOURCE = String.raw`(?:${KNOWN}|livre\s+des\s+procédures\s+fiscales|${FALLBACK})(?![\p{L}])`;

/** True when a fallback match looks like a real code name rather than "code postal" or "code source". */
export function isPlausibleCodeName(name: string): boolean {
  return !/^code\s+(?:postal|source|d['’]accès|de\s+bonne|de\s+conduite|couleur|barre|barres|secret|confidentiel|informatique|d['’]identification|de\s+déontologie)\b/i.test(name);
}
