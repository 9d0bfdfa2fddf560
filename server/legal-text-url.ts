/**
 * The Légifrance page of a legal text (pure: built, never fetched — this server has no internet).
 *
 * With the text's id, as a link of the source gave it (ingest/references/classify-href.ts), its
 * own page, in the URL forms legifrance.gouv.fr uses since its 2020 redesign (the old
 * "affichTexte.do?cidTexte=…" of the corpus are those pages' former addresses):
 * - JORFTEXT: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000000320434, the text as published
 *   in the Journal officiel, which every JORFTEXT has (a /loda/ page exists only for the texts
 *   Légifrance consolidates; the JO page links to it when there is one);
 * - LEGITEXT of a code: https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074220;
 * - LEGITEXT of another text (a consolidated law or decree): https://www.legifrance.gouv.fr/loda/id/LEGITEXT….
 * A code named without a link is known by its name (data/codes.json gives the 78 codes' LEGITEXT).
 *
 * Otherwise a search of Légifrance (https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=…,
 * the form of its own search box) for the text's nature, number and date, "Loi n° 83-8 du 7
 * janvier 1983": the number finds the text, the rest of a long title ("… portant nouvelle
 * organisation territoriale de la République") would only narrow the search wrongly when worded
 * otherwise. A text without a number ("arrêté du 20 mai 2020 relatif …") is searched by its title.
 */
import { CODES, codesNamed } from '../ingest/codes/code-registry.ts';
import { textKindOf } from '../ingest/references/text-name.ts';

const SITE = 'https://www.legifrance.gouv.fr';
const TEXT_ID = /^(JORF|LEGI)TEXT\d{12}$/;
// "loi n° 2015-991 du 7 août 2015 portant …", "décret-loi du 30 octobre 1935 …" (names as text-name.ts normalizes them).
const NUMBERED = /^(loi organique|loi constitutionnelle|loi|ordonnance|décret-loi|décret|arrêté)\s+n°\s*([\w./-]+?)(?:\s+du\s+(\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}))?(?=\s|,|$)/u;
// A code's LEGITEXT read as a text's name (a link to a section of the CGCT, "affichCode.do?cidTexte=LEGITEXT000006070633&idSectionTA=…").
const CODE_LEGITEXTS = new Set(CODES.flatMap((code) => (code.legitext ? [code.legitext] : [])));
// A search query past this is a title gone wrong, not a name.
const MAX_QUERY = 200;

/** What the URL is built from: a LegalText node's id (its normalized name) and, when a link gave it, its Légifrance id. */
export interface LegalTextUrlInput {
  /** The normalized name ("loi n° 83-8 du 7 janvier 1983", "code de l'environnement"); a text known only by its id has that id as its name. */
  id: string;
  /** Its title as first printed, when the node has one. */
  title?: string | null;
  /** JORFTEXT… / LEGITEXT…, when a link to it gave it. */
  legifranceId?: string | null;
}

/** The Légifrance page of a text, or a search of Légifrance for it when its id is unknown; null for a name too empty to search. */
export function buildLegalTextUrl(text: LegalTextUrlInput): string | null {
  const isCode = textKindOf(text.id) === 'code' || textKindOf(text.id) === 'this-code';
  const legifranceId = text.legifranceId && TEXT_ID.test(text.legifranceId) ? text.legifranceId : TEXT_ID.test(text.id) ? text.id : undefined;
  if (legifranceId) return pageOf(legifranceId, isCode);
  if (isCode) {
    const legitext = codesNamed(text.id)[0]?.legitext;
    if (legitext) return pageOf(legitext, true);
  }
  const query = searchQueryOf(text.id);
  return query ? `${SITE}/search/all?tab_selection=all&searchField=ALL&query=${encodeURIComponent(query)}` : null;
}

/** True for a search link (labelled as a search, not as the text's page). */
export function isLegifranceSearchUrl(url: string): boolean {
  return url.startsWith(`${SITE}/search/`);
}

function pageOf(id: string, isCode: boolean): string {
  if (id.startsWith('JORF')) return `${SITE}/jorf/id/${id}`;
  return isCode || CODE_LEGITEXTS.has(id) ? `${SITE}/codes/texte_lc/${id}` : `${SITE}/loda/id/${id}`;
}

/** "loi n° 83-8 du 7 janvier 1983 relative …" → "Loi n° 83-8 du 7 janvier 1983"; a name without a number as it is. */
export function searchQueryOf(name: string): string | null {
  const clean = name.replace(/\s+/g, ' ').trim();
  const numbered = NUMBERED.exec(clean);
  const query = numbered ? `${numbered[1]} n° ${numbered[2]}${numbered[3] ? ` du ${numbered[3]}` : ''}` : clean.slice(0, MAX_QUERY).trim();
  return query === '' ? null : query.charAt(0).toUpperCase() + query.slice(1);
}
