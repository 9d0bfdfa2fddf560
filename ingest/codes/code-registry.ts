/**
 * The 78 codes the project knows (data/codes.json): how a code is named in a URL, a GraphQL
 * argument, a reference's text or a "Liens relatifs" entry, and how one of its articles is keyed.
 *
 * An article is identified by its code and its number (L2131-1 exists in the CGCT, the code du
 * travail, the code de la santé publique…). The graph keys an article by one string: the CGCT's
 * articles keep their bare number ("L1115-1", so that every CGCT URL and query stays what it was),
 * another code's article is "<code folder>:<number>" ("code-de-lurbanisme:L300-5").
 */
import { readFileSync } from 'node:fs';

/** One code of the registry. */
export interface CodeEntry {
  /** The code's id in the graph: "CGCT" for the CGCT, else its folder. */
  id: string;
  /** The corpus's folder name ("code-de-lurbanisme"), the code's name in URLs. */
  folder: string;
  /** As Légifrance prints it ("Code de l'urbanisme"). */
  title: string;
  /** Usual short names ("CGI", "CSP"). */
  abbreviations: string[];
  /** Every lower-case name a text may use for it, its title first. */
  names: string[];
  /** Légifrance's LEGITEXT id, where the corpus's links give it. */
  legitext?: string;
}

interface CodeFileEntry { folder: string; id?: string; title: string; abbreviations?: string[]; names?: string[]; legitext?: string }

/** The CGCT's id in the graph. */
export const CGCT_CODE = 'CGCT';

function loadRegistry(): CodeEntry[] {
  const file = new URL('../../data/codes.json', import.meta.url);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { codes: CodeFileEntry[] };
  return parsed.codes.map((code) => ({
    id: code.id ?? code.folder,
    folder: code.folder,
    title: code.title,
    abbreviations: code.abbreviations ?? [],
    names: [...new Set([foldName(code.title), ...(code.names ?? []).map(foldName)])],
    ...(code.legitext ? { legitext: code.legitext } : {}),
  }));
}

/** Every code, the CGCT first. */
export const CODES: readonly CodeEntry[] = loadRegistry();

const byId = new Map(CODES.map((code) => [code.id, code]));
const byFolder = new Map(CODES.map((code) => [code.folder, code]));
// A name may designate two codes ("code rural": the code rural et de la pêche maritime, which
// took its place in 2010, then the old one): the lookups give them in the file's order.
const byName = new Map<string, CodeEntry[]>();
for (const code of CODES) {
  // The folder with spaces too: a link's path is all a link to an unnamed code gives ("code de lurbanisme").
  for (const name of [...code.names, ...code.abbreviations.map(foldName), foldName(code.folder), foldName(code.folder.replace(/-/g, ' ')), foldName(code.id)]) {
    const list = byName.get(name) ?? [];
    if (!list.includes(code)) list.push(code);
    byName.set(name, list);
  }
}

/**
 * Lower case, straight apostrophes, single spaces, no accents and no final dot: "Code de l’Urbanisme."
 * and "code de l'urbanisme" are one name; "CGI" is "cgi".
 */
export function foldName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]+$/, '')
    .toLowerCase();
}

/** The code a graph id ("CGCT", "code-de-lurbanisme") stands for. */
export function codeById(id: string): CodeEntry | undefined {
  return byId.get(id);
}

/** The code of a corpus folder ("code-general-des-impots-cgi"). */
export function codeByFolder(folder: string): CodeEntry | undefined {
  return byFolder.get(folder);
}

/**
 * Every code a name may designate, the likeliest first: its id, folder, title, another of its
 * names or an abbreviation, in any case, with or without accents ("code de l'urbanisme",
 * "Code de l’urbanisme", "code-de-lurbanisme", "CGI", "cgct"). Empty when none.
 */
export function codesNamed(name: string): CodeEntry[] {
  const folded = foldName(name);
  return byName.get(folded) ?? byName.get(folded.replace(/^(?:du |le |la )/, '')) ?? [];
}

/** The likeliest code a name designates (see codesNamed). */
export function codeNamed(name: string): CodeEntry | undefined {
  return codesNamed(name)[0];
}

/** The graph key of an article: its number for the CGCT, "<folder>:<number>" for another code. */
export function articleKey(codeId: string, number: string): string {
  return codeId === CGCT_CODE ? number : `${codeId}:${number}`;
}

/** The code and number of an article key ("code-de-lurbanisme:L300-5" → that code and "L300-5"; "L1115-1" → the CGCT's). */
export function splitArticleKey(key: string): { code: string; number: string } {
  const colon = key.indexOf(':');
  if (colon > 0 && byId.has(key.slice(0, colon))) return { code: key.slice(0, colon), number: key.slice(colon + 1) };
  return { code: CGCT_CODE, number: key };
}

const LATIN = 'bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|undecies|duodecies|terdecies|quaterdecies|quindecies|sexdecies|septdecies|octodecies|novodecies|vicies|unvicies|duovicies|tervicies|quatervicies|quinvicies|sexvicies|septvicies|octovicies|novovicies|tricies';

/**
 * Normalizes an article number of any code as its heading or a reference writes it, so that both
 * meet on one key: "L. 300-5" → "L300-5", "R.* 122-3" → "R*122-3", "R 1424-59" → "R1424-59",
 * "1609 nonies C" stays, "238 BIS" → "238 bis", "L. 5210-1-1 A" → "L5210-1-1 A". Annexes, tables
 * and other headings that are no number come back trimmed and single-spaced. Undefined when empty.
 */
export function normalizeCodeArticleNumber(raw: string): string | undefined {
  let number = raw.replace(/[\u00a0\u202f\s]+/g, ' ').trim().replace(/^art(?:icle)?\.?\s+/i, '');
  if (number === '' || number.length > 200) return undefined;
  // A letter prefix, with or without dots, stars and spaces, glued to the digits that follow.
  number = number.replace(/^(LO|L|R|D|A)\s*\.?\s*(\*{1,2})?\s*\.?\s*(?=\d)/i, (_m, prefix: string, star: string | undefined) => `${prefix.toUpperCase()}${star ?? ''}`);
  number = number.replace(/\s*-\s*(?=\d)/g, '-');
  number = number.replace(new RegExp(String.raw`\b(${LATIN})\b`, 'gi'), (word) => word.toLowerCase());
  return number;
}
