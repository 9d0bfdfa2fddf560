/**
 * The names of the French codes an article cites, as the body of an article writes them ("du
 * code de l'environnement", "du code rural et de la pêche maritime", "du CGI").
 *
 * A code's name cannot be cut at the first "et": "code de la construction et de l'habitation",
 * "code monétaire et financier" hold one. So known names are matched first, longest first;
 * an unknown "code de la X" / "code des X" / "code du X" falls back to its first noun.
 */
import { CODES, codesNamed, foldName } from '../codes/code-registry.ts';

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

// Every title and name of the registry (data/codes.json) is known too: the 78 codes the project
// ingests ("code de la Légion d'honneur, de la Médaille militaire et de l'ordre national du
// Mérite"). Its folded names have lost their accents; only the titles and the names starting
// with "code" are written as a text writes them.
const REGISTRY_NAMES = CODES.flatMap((code) => [code.title, ...code.names.filter((name) => /^code\b/.test(name) && /[éèêàç]/.test(name))]);

/**
 * A RegExp source for a lower-case name: any run of spaces and either apostrophe match, and a
 * word's first letter in either case, an accented capital also unaccented ("l'Etat", "l'État").
 */
function toLoosePattern(name: string): string {
  let pattern = '';
  let wordStart = true;
  for (const char of name) {
    if (char === ' ') pattern += String.raw`\s+`;
    else if (char === "'") pattern += String.raw`['’]\s*`;
    else if (wordStart && /\p{Ll}/u.test(char)) pattern += `[${[...new Set([char, char.toUpperCase(), char.toUpperCase().normalize('NFD')[0]!])].join('')}]`;
    else pattern += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    wordStart = /[\s'(-]/.test(char);
  }
  return pattern;
}

const KNOWN = [...new Set([...KNOWN_CODE_NAMES, ...REGISTRY_NAMES].map((name) => name.toLowerCase()))]
  .sort((a, b) => b.length - a.length)
  .map(toLoosePattern)
  .join('|');

// An unknown code: "code de l'X", "code des X", "code du X", "code X" (one word, lower case).
const FALLBACK = String.raw`[Cc]ode\s+(?:(?:de\s+la|de\s+l['’]|des|du|d['’])\s*)?(?!et\b|ou\b|de\b|du\b|des\b|en\b|à\b|qui\b|que\b|est\b|sont\b|a\b|pour\b|le\b|la\b|les\b|et\b)[a-zéèêàâîôûç][\p{Ll}-]+`;

/** Source of a RegExp matching a code's name (without a leading preposition). */
// The "livre des procédures fiscales" is a code in all but name ("article L. 80 A du livre des procédures fiscales").
export const CODE_NAME_SOURCE = String.raw`(?:${KNOWN}|livre\s+des\s+procédures\s+fiscales|${FALLBACK})(?![\p{L}])`;

/** True when a fallback match looks like a real code name rather than "code postal" or "code source". */
export function isPlausibleCodeName(name: string): boolean {
  // A code of the registry is one, "code de déontologie des architectes" included.
  if (codesNamed(name).length > 0) return true;
  return !/^code\s+(?:postal|source|d['’]accès|de\s+bonne|de\s+conduite|couleur|barre|barres|secret|confidentiel|informatique|d['’]identification|de\s+déontologie|européen)\b/i.test(name);
}

/**
 * A code's name with the accents of its registry title when the text left them out: "code de
 * l'Education" is "code de l'éducation", "code du domaine de l'Etat" "code du domaine de l'état",
 * one text whichever way it is written. Other names stay as written ("code forestier").
 */
export function withRegistryAccents(name: string): string {
  const code = codesNamed(name)[0];
  if (!code || foldName(code.title) !== foldName(name) || code.title.toLowerCase() === name) return name;
  return code.title.replace(/[\u2019]/g, "'").toLowerCase();
}
