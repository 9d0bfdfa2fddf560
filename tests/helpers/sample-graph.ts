/**
 * A small graph that follows graph-schema/README.md exactly, for the server's and the browser's
 * tests. `loadSampleGraph(driver)` writes it with ONE parameterized Cypher statement (run it on
 * an empty graph: it CREATEs). Everything below is made up but shaped like the real code.
 *
 * What it holds (ids are the graph's `id` properties):
 * - Table of contents: `:Code {id:'CGCT'}` → "Partie législative" → Première … Quatrième partie →
 *   Livre → Titre → Chapitre; "Partie réglementaire" → one chapter holding R2131-1.
 * - Articles L1112-1, L1115-1, L2131-1, L2131-2, L2131-6, L3131-1, L3131-2, L3132-1, L4131-1
 *   (repealed), L4141-1, L4141-2, L4142-1, R2131-1.
 * - L1115-1 (`SAMPLE_TEXT_L1115_1`) cites, in text order: L2131-1, L2131-2, L3131-1, L3131-2,
 *   L4141-1 (its link pointed to L4131-1: `hrefDisagrees: 'L4131-1'`), L4141-2, L2131-6
 *   (pinpoint "deuxième alinéa"), L3132-1, L4142-1, then "L. 211-7 du code de l'environnement"
 *   (an `:ExternalArticle` PART_OF the `:LegalText` "code de l'environnement"), then "L. 1115-9"
 *   (an `:UnresolvedTarget` 'unresolved:CGCT|L1115-9', candidates L1115-1), then two
 *   metadata-only citations (no spans): L1112-1 and the law "loi n° 92-125 du 6 février 1992".
 *   It is MODIFIED_BY "loi n° 2014-58 du 27 janvier 2014" (article 3, status V; the same law
 *   also modifies L2131-1, article 5) and has two
 *   versions (2007-02-02 → 2014-01-29, 2014-01-29 → null), the newest MADE_BY an `:Amendment`.
 * - A chain for path and impact: L4142-1 → L3132-1 → L2131-6 → L2131-1, and L2131-2 → L2131-1.
 *   So impact(L2131-1) = L1115-1, L2131-2, L2131-6 at distance 1, L3132-1 at 2, L4142-1 at 3.
 * - "Cité par" from another code: `code électoral|L52-1` CITES L2131-1 (via metadata).
 * - A citation no longer in force: L2131-1 → L3131-2 valid 2004-01-01 → 2010-01-01 (seen only
 *   with `asOf` inside that interval).
 * - `:Document {id:'doc:guide-du-maire.md'}` MENTIONS L1115-1 and the typo target
 *   'unresolved:CGCT|L115-1' (candidates L1115-1).
 *
 * History (graph-schema/README.md, "Time"); every article has `periods` and `inForceFrom`:
 * - Renumbering: L1114-1 (in force 1996-02-24 → 2004-07-30, outside the table of contents)
 *   RENUMBERED_AS L1115-1 on 2004-07-30 (evidence git-rename). L1115-1 has three versions:
 *   2004-07-30 (the text of L1114-1), 2007-02-02 (`SAMPLE_OLD_TEXT_L1115_1`), 2014-01-29 (made
 *   by two amendments of that day, in order: the law 2014-58, then the ordinance 2014-60).
 * - Repeal: L4131-1 in force 1996-02-24 → 2009-03-12, REPEALED_IN the amendment of the law
 *   2009-257 (`SAMPLE_REPEALED_BY`; the article itself has no `repealedBy`).
 * - L1115-1's 2014 version is ENACTED_BY the law 2014-58 (article 3, V, as lexlib names it). L4141-2 cites it in text: the `:Article` until 2009-03-12, then
 *   'unresolved:CGCT|L4131-1' with `r.reason: 'repealed'` (the node still says 'not-in-code',
 *   as an ingest before the history build wrote it: the relationship's reason wins; the dates
 *   come from the article L4131-1).
 * - Deferred: the law 2024-5 takes effect on 2038-01-01 (`SAMPLE_DEFERRED_DATE`): it adds
 *   L2131-7 (status deferred, outside the table of contents) and gives L2131-2 a new version
 *   (`SAMPLE_DEFERRED_TEXT_L2131_2`). L2131-2's citation of L2131-1 ends on 2038-01-01 (current
 *   today), its citation of L2131-7 starts then (not current today). L2131-6 cites "L. 2131-7"
 *   until then as 'unresolved:CGCT|L2131-7' with `r.reason: 'not-yet-in-force'` (the node has
 *   `inForceFrom`).
 * - L1112-2: repealed, as a lexlib file says, with no version and no dates at all (`periods: []`).
 * - Amendments (ids, dates): 'c0ffee01' 2004-07-30 (renumbering; its `modified` list names
 *   'L9999-9', which is no article), 'c0ffee02' 2009-03-12 (repeal), 'a1b2c3d4' and 'a1b2c3d5'
 *   2014-01-29, 'd3f3e4e5' 2038-01-01; each with its change-set lists.
 */
import type { Driver } from 'neo4j-driver';
import { articleSortKeyString, partOfArticle } from '../../ingest/article-id.ts';
import { BUMP_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';
import { clearGraph, openTestDriver } from './neo4j.ts';

/** The text of L1115-1; reference spans point into it. */
export const SAMPLE_TEXT_L1115_1 = [
  "Dans le respect des engagements internationaux de la France, les collectivités territoriales et leurs groupements peuvent conclure des conventions avec des autorités locales étrangères pour mener des actions de coopération ou d'aide au développement.",
  "Ces conventions sont transmises au représentant de l'État dans les conditions fixées aux articles L. 2131-1, L. 2131-2, L. 3131-1, L. 3131-2, L. 4141-1 et L. 4141-2. Elles entrent en vigueur dès leur transmission.",
  "Le représentant de l'État peut les déférer au tribunal administratif dans les conditions prévues au deuxième alinéa de l'article L. 2131-6 et aux articles L. 3132-1 et L. 4142-1.",
  "Les délibérations relatives à ces conventions respectent l'article L. 211-7 du code de l'environnement et les conditions fixées à l'article L. 1115-9.",
].join('\n\n');

/** The older version of L1115-1, valid from 2007-02-02 to 2014-01-29. */
export const SAMPLE_OLD_TEXT_L1115_1 =
  'Les collectivités territoriales et leurs groupements peuvent, dans les limites de leurs compétences, conclure des conventions avec des autorités locales étrangères.';

/** The text of L1114-1, which became L1115-1 on 2004-07-30 (L1115-1's first version). */
export const SAMPLE_TEXT_L1114_1 =
  'Les collectivités territoriales peuvent conclure des conventions avec des collectivités territoriales étrangères et leurs groupements.';

/** The day the law 2024-5 takes effect: L2131-2's next version, L2131-7's start. */
export const SAMPLE_DEFERRED_DATE = '2038-01-01';

/** L2131-2's deferred version, in force from 2038-01-01. */
export const SAMPLE_DEFERRED_TEXT_L2131_2 =
  "Sont soumis aux dispositions de l'article L. 2131-7 les actes suivants : les délibérations du conseil municipal, y compris celles prises par voie électronique.";

/** The amending text that repealed L4131-1 on 2009-03-12. */
export const SAMPLE_REPEALED_BY = 'LOI n° 2009-257 du 5 mars 2009 - art. 12';

/** Ids of the CGCT articles L1115-1 cites in its text, in text order. */
export const SAMPLE_TEXT_CITATIONS = ['L2131-1', 'L2131-2', 'L3131-1', 'L3131-2', 'L4141-1', 'L4141-2', 'L2131-6', 'L3132-1', 'L4142-1'];

// Paths of the table of contents; every section id is its parent's id plus a slug.
const P1 = 'partie-legislative/premiere-partie/livre-ier/titre-ier';
const P2 = 'partie-legislative/deuxieme-partie/livre-ier/titre-iii';
const P3 = 'partie-legislative/troisieme-partie/livre-ier/titre-iii';
const P4 = 'partie-legislative/quatrieme-partie/livre-ier';

interface SectionRow { id: string; parent: string | null; order: number; kind: string; title: string }
const SECTIONS: SectionRow[] = [
  { id: 'partie-legislative', parent: null, order: 1, kind: 'partie', title: 'Partie législative' },
  { id: 'partie-legislative/premiere-partie', parent: 'partie-legislative', order: 1, kind: 'partie', title: 'Première partie : Dispositions générales' },
  { id: 'partie-legislative/premiere-partie/livre-ier', parent: 'partie-legislative/premiere-partie', order: 1, kind: 'livre', title: 'Livre Ier : Principes généraux de la décentralisation' },
  { id: P1, parent: 'partie-legislative/premiere-partie/livre-ier', order: 1, kind: 'titre', title: 'Titre Ier : Principes généraux' },
  { id: `${P1}/chapitre-ii`, parent: P1, order: 1, kind: 'chapitre', title: 'Chapitre II : Participation des électeurs aux décisions locales' },
  { id: `${P1}/chapitre-v`, parent: P1, order: 2, kind: 'chapitre', title: 'Chapitre V : Action extérieure des collectivités territoriales' },
  { id: 'partie-legislative/deuxieme-partie', parent: 'partie-legislative', order: 2, kind: 'partie', title: 'Deuxième partie : La commune' },
  { id: 'partie-legislative/deuxieme-partie/livre-ier', parent: 'partie-legislative/deuxieme-partie', order: 1, kind: 'livre', title: "Livre Ier : Organisation de la commune" },
  { id: P2, parent: 'partie-legislative/deuxieme-partie/livre-ier', order: 1, kind: 'titre', title: 'Titre III : Actes des autorités communales' },
  { id: `${P2}/chapitre-ier`, parent: P2, order: 1, kind: 'chapitre', title: 'Chapitre Ier : Contrôle de légalité' },
  { id: 'partie-legislative/troisieme-partie', parent: 'partie-legislative', order: 3, kind: 'partie', title: 'Troisième partie : Le département' },
  { id: 'partie-legislative/troisieme-partie/livre-ier', parent: 'partie-legislative/troisieme-partie', order: 1, kind: 'livre', title: 'Livre Ier : Organisation du département' },
  { id: P3, parent: 'partie-legislative/troisieme-partie/livre-ier', order: 1, kind: 'titre', title: 'Titre III : Actes des autorités départementales' },
  { id: `${P3}/chapitre-ier`, parent: P3, order: 1, kind: 'chapitre', title: 'Chapitre Ier : Publicité et entrée en vigueur' },
  { id: `${P3}/chapitre-ii`, parent: P3, order: 2, kind: 'chapitre', title: 'Chapitre II : Contrôle de légalité' },
  { id: 'partie-legislative/quatrieme-partie', parent: 'partie-legislative', order: 4, kind: 'partie', title: 'Quatrième partie : La région' },
  { id: P4, parent: 'partie-legislative/quatrieme-partie', order: 1, kind: 'livre', title: 'Livre Ier : Organisation de la région' },
  { id: `${P4}/titre-iii`, parent: P4, order: 1, kind: 'titre', title: 'Titre III : Le conseil régional' },
  { id: `${P4}/titre-iii/chapitre-ier`, parent: `${P4}/titre-iii`, order: 1, kind: 'chapitre', title: 'Chapitre Ier : Composition' },
  { id: `${P4}/titre-iv`, parent: P4, order: 2, kind: 'titre', title: 'Titre IV : Actes des autorités régionales' },
  { id: `${P4}/titre-iv/chapitre-ier`, parent: `${P4}/titre-iv`, order: 1, kind: 'chapitre', title: 'Chapitre Ier : Publicité et entrée en vigueur' },
  { id: `${P4}/titre-iv/chapitre-ii`, parent: `${P4}/titre-iv`, order: 2, kind: 'chapitre', title: 'Chapitre II : Contrôle de légalité' },
  { id: 'partie-reglementaire', parent: null, order: 2, kind: 'partie', title: 'Partie réglementaire' },
  { id: 'partie-reglementaire/deuxieme-partie', parent: 'partie-reglementaire', order: 1, kind: 'partie', title: 'Deuxième partie : La commune' },
];

interface ArticleSeed {
  id: string;
  number: string;
  /** Null: outside the table of contents (repealed long ago, or not yet in force). */
  section: string | null;
  order: number;
  text: string;
  status?: string;
  /** In-force periods "from/to" (default: one open period from 2004-01-01). */
  periods?: string[];
  /** The current version's dates (default: the last period's). */
  validFrom?: string;
  validTo?: string | null;
}
const ARTICLES: ArticleSeed[] = [
  { id: 'L1112-1', number: 'L. 1112-1', section: `${P1}/chapitre-ii`, order: 1, text: "Les électeurs de la collectivité territoriale peuvent être consultés sur les décisions que les autorités de cette collectivité envisagent de prendre." },
  { id: 'L1115-1', number: 'L. 1115-1', section: `${P1}/chapitre-v`, order: 1, text: SAMPLE_TEXT_L1115_1, periods: ['2004-07-30/'], validFrom: '2014-01-29' },
  { id: 'L2131-1', number: 'L. 2131-1', section: `${P2}/chapitre-ier`, order: 1, text: "Les actes pris par les autorités communales sont exécutoires de plein droit dès qu'il a été procédé à leur publication ou affichage ainsi qu'à leur transmission au représentant de l'État dans le département." },
  { id: 'L2131-2', number: 'L. 2131-2', section: `${P2}/chapitre-ier`, order: 2, text: "Sont soumis aux dispositions de l'article L. 2131-1 les actes suivants : les délibérations du conseil municipal ou les décisions prises par délégation du conseil municipal." },
  { id: 'L2131-6', number: 'L. 2131-6', section: `${P2}/chapitre-ier`, order: 3, text: "Le représentant de l'État dans le département défère au tribunal administratif les actes mentionnés à l'article L. 2131-2 qu'il estime contraires à la légalité dans les deux mois suivant leur transmission, dans les conditions de l'article L. 2131-1 et, le moment venu, de l'article L. 2131-7." },
  { id: 'L3131-1', number: 'L. 3131-1', section: `${P3}/chapitre-ier`, order: 1, text: "Les actes pris par les autorités départementales sont exécutoires de plein droit dès qu'il a été procédé à leur publication et à leur transmission au représentant de l'État." },
  { id: 'L3131-2', number: 'L. 3131-2', section: `${P3}/chapitre-ier`, order: 2, text: "Sont soumis aux dispositions de l'article L. 3131-1 les délibérations du conseil départemental." },
  { id: 'L3132-1', number: 'L. 3132-1', section: `${P3}/chapitre-ii`, order: 1, text: "Le représentant de l'État dans le département défère au tribunal administratif les actes qu'il estime contraires à la légalité, selon les règles de l'article L. 2131-6." },
  { id: 'L4131-1', number: 'L. 4131-1', section: `${P4}/titre-iii/chapitre-ier`, order: 1, text: 'Les régions sont administrées par un conseil régional élu au suffrage universel direct.', status: 'repealed', periods: ['1996-02-24/2009-03-12'], validFrom: '1996-02-24', validTo: '2009-03-12' },
  { id: 'L4141-1', number: 'L. 4141-1', section: `${P4}/titre-iv/chapitre-ier`, order: 1, text: "Les actes pris par les autorités régionales sont exécutoires de plein droit dès leur publication et leur transmission au représentant de l'État dans la région." },
  { id: 'L4141-2', number: 'L. 4141-2', section: `${P4}/titre-iv/chapitre-ier`, order: 2, text: "Sont soumis aux dispositions de l'article L. 4141-1 les délibérations du conseil régional et les actes du conseil mentionné à l'article L. 4131-1." },
  { id: 'L4142-1', number: 'L. 4142-1', section: `${P4}/titre-iv/chapitre-ii`, order: 1, text: "Le représentant de l'État dans la région défère au tribunal administratif les actes qu'il estime contraires à la légalité, comme le prévoit l'article L. 3132-1." },
  { id: 'R2131-1', number: 'R. 2131-1', section: 'partie-reglementaire/deuxieme-partie', order: 1, text: "La transmission des actes au représentant de l'État peut s'effectuer par voie électronique." },
  { id: 'L1114-1', number: 'L. 1114-1', section: null, order: 0, text: SAMPLE_TEXT_L1114_1, status: 'repealed', periods: ['1996-02-24/2004-07-30'], validFrom: '1996-02-24', validTo: '2004-07-30' },
  // A file of lexlib's that says "abrogé" and no more: no version, no dates (validFrom is the snapshot's day).
  { id: 'L1112-2', number: 'L. 1112-2', section: null, order: 0, text: 'Article abrogé.', status: 'repealed', periods: [], validFrom: '2020-10-28' },
  { id: 'L2131-7', number: 'L. 2131-7', section: null, order: 0, text: "Les actes transmis par voie électronique sont réputés reçus à la date de l'accusé de réception.", status: 'deferred', periods: [`${SAMPLE_DEFERRED_DATE}/`] },
];


function textOf(id: string): string {
  return ARTICLES.find((a) => a.id === id)!.text;
}

// Folds accents as the ingest does for `searchText`, so that "deliberation" finds "délibération".
function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

// Offsets [start, end] of a designator that occurs once in a text.
function spanOf(text: string, designator: string): number[] {
  const start = text.indexOf(designator);
  if (start < 0 || text.indexOf(designator, start + 1) >= 0) throw new Error(`"${designator}" must occur exactly once`);
  return [start, start + designator.length];
}

// Escapes text for the sanitized `html` property (<p> per paragraph, as the ingest writes it).
function toHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split('\n\n').map((p) => `<p>${escape(p)}</p>`).join('');
}

interface CitesRow { from: string; to: string; props: Record<string, unknown> }

function buildCitations(): CitesRow[] {
  const t = SAMPLE_TEXT_L1115_1;
  const fromText = (to: string, designator: string, extra: Record<string, unknown> = {}): CitesRow => ({
    from: 'L1115-1',
    to,
    props: { via: ['text'], sources: ['legifrance-md'], pinpoints: [], spans: spanOf(t, designator), count: 1, viaRange: false, ...extra },
  });
  const inText = (from: string, to: string, designator: string): CitesRow => ({
    from,
    to,
    props: { via: ['text'], sources: ['legifrance-md'], pinpoints: [], spans: spanOf(ARTICLES.find((a) => a.id === from)!.text, designator), count: 1, viaRange: false },
  });
  return [
    fromText('L2131-1', 'L. 2131-1', { via: ['text', 'link'], sources: ['legifrance-md', 'lexlib'] }),
    fromText('L2131-2', 'L. 2131-2'),
    fromText('L3131-1', 'L. 3131-1'),
    fromText('L3131-2', 'L. 3131-2'),
    // The source's link said l4131-1.md while the text says L. 4141-1 (seed 000): the text wins.
    fromText('L4141-1', 'L. 4141-1', { via: ['text', 'link'], hrefDisagrees: 'L4131-1' }),
    fromText('L4141-2', 'L. 4141-2'),
    fromText('L2131-6', 'L. 2131-6', { pinpoints: ['deuxième alinéa'] }),
    fromText('L3132-1', 'L. 3132-1'),
    fromText('L4142-1', 'L. 4142-1'),
    fromText("code de l'environnement|L211-7", 'L. 211-7'),
    fromText('unresolved:CGCT|L1115-9', 'L. 1115-9'),
    { from: 'L1115-1', to: 'L1112-1', props: { via: ['metadata'], sources: ['legifrance-md'], pinpoints: [], spans: [], count: 0, viaRange: false } },
    { from: 'L1115-1', to: 'loi n° 92-125 du 6 février 1992', props: { via: ['metadata'], sources: ['legifrance-md'], pinpoints: [], spans: [], count: 0, viaRange: false } },
    // Current today, though it ends on 2038-01-01 when L2131-2's deferred version cites L2131-7 instead.
    { ...inText('L2131-2', 'L2131-1', 'L. 2131-1'), props: { ...inText('L2131-2', 'L2131-1', 'L. 2131-1').props, validFrom: '2004-01-01', validTo: SAMPLE_DEFERRED_DATE } },
    { from: 'L2131-2', to: 'L2131-7', props: { via: ['text'], sources: ['legifrance-md'], pinpoints: [], spans: spanOf(SAMPLE_DEFERRED_TEXT_L2131_2, 'L. 2131-7'), count: 1, viaRange: false, validFrom: SAMPLE_DEFERRED_DATE, validTo: null } },
    // "L. 2131-7" before it exists: the unresolved target, with the relationship's reason.
    { ...inText('L2131-6', 'unresolved:CGCT|L2131-7', 'L. 2131-7'), props: { ...inText('L2131-6', 'unresolved:CGCT|L2131-7', 'L. 2131-7').props, validFrom: '2024-01-03', validTo: SAMPLE_DEFERRED_DATE, reason: 'not-yet-in-force' } },
    { ...inText('L2131-6', 'L2131-7', 'L. 2131-7'), props: { ...inText('L2131-6', 'L2131-7', 'L. 2131-7').props, validFrom: SAMPLE_DEFERRED_DATE } },
    // "L. 4131-1": the article while it was in force, then its unresolved target.
    { ...inText('L4141-2', 'L4131-1', 'L. 4131-1'), props: { ...inText('L4141-2', 'L4131-1', 'L. 4131-1').props, validFrom: '2004-01-01', validTo: '2009-03-12' } },
    { ...inText('L4141-2', 'unresolved:CGCT|L4131-1', 'L. 4131-1'), props: { ...inText('L4141-2', 'unresolved:CGCT|L4131-1', 'L. 4131-1').props, validFrom: '2009-03-12', reason: 'repealed' } },
    inText('L2131-6', 'L2131-2', 'L. 2131-2'),
    inText('L2131-6', 'L2131-1', 'L. 2131-1'),
    inText('L3131-2', 'L3131-1', 'L. 3131-1'),
    inText('L3132-1', 'L2131-6', 'L. 2131-6'),
    inText('L4141-2', 'L4141-1', 'L. 4141-1'),
    inText('L4142-1', 'L3132-1', 'L. 3132-1'),
    // "Cité par" in the metadata of L2131-1: an article of another code cites it.
    { from: 'code électoral|L52-1', to: 'L2131-1', props: { via: ['metadata'], sources: ['legifrance-md'], pinpoints: [], spans: [], count: 0, viaRange: false } },
    // A citation of an earlier version, no longer in force.
    { from: 'L2131-1', to: 'L3131-2', props: { via: ['text'], sources: ['etalab'], pinpoints: [], spans: [], count: 1, viaRange: false, validFrom: '2004-01-01', validTo: '2010-01-01' } },
  ];
}

/** The statement's parameters: every row of the sample graph. */
export function buildSampleGraphParameters() {
  return {
    sections: SECTIONS.map(({ parent, order, ...props }) => ({ parent, order, props: { ...props, inferred: false, depth: props.id.split('/').length } })),
    articles: ARTICLES.map(({ section, order, status, periods = ['2004-01-01/'], validFrom, validTo, ...seed }) => ({
      section,
      order,
      props: {
        ...seed,
        part: partOfArticle(seed.id),
        status: status ?? 'in-force',
        periods,
        inForceFrom: periods[0]?.split('/')[0] ?? null,
        repealedOn: periods.at(-1)?.split('/')[1] || null,
        // The repealing text is read through REPEALED_IN (L4131-1): the article need not carry it.
        repealedBy: null,
        html: toHtml(seed.text),
        searchText: foldAccents(seed.text),
        sortKey: articleSortKeyString(seed.id),
        legiarti: `LEGIARTI0000${seed.id.replace(/\D/g, '').padStart(8, '0')}`,
        sources: ['legifrance-md'],
        contentHash: `hash-${seed.id}`,
        validFrom: validFrom ?? periods.at(-1)?.split('/')[0] ?? null,
        validTo: validTo ?? null,
        sourceFile: `${seed.id.toLowerCase()}.md`,
      },
    })),
    legalTexts: [
      { id: "code de l'environnement", kind: 'code', title: "Code de l'environnement" },
      { id: 'code électoral', kind: 'code', title: 'Code électoral' },
      { id: 'loi n° 92-125 du 6 février 1992', kind: 'loi', title: 'Loi n° 92-125 du 6 février 1992' },
      // Its id as a link's cidTexte gave it: its Légifrance page; the other texts have none (a search).
      { id: 'loi n° 2014-58 du 27 janvier 2014', kind: 'loi', title: 'LOI n°2014-58 du 27 janvier 2014', legifranceId: 'JORFTEXT000028526298' },
    ],
    externalArticles: [
      { id: "code de l'environnement|L211-7", textId: "code de l'environnement", number: 'L211-7' },
      { id: 'code électoral|L52-1', textId: 'code électoral', number: 'L52-1' },
    ],
    unresolved: [
      { id: 'unresolved:CGCT|L1115-9', code: 'CGCT', number: 'L1115-9', reason: 'never-existed', candidates: ['L1115-1'] },
      { id: 'unresolved:CGCT|L115-1', code: 'CGCT', number: 'L115-1', reason: 'not-in-code', candidates: ['L1115-1'] },
      { id: 'unresolved:CGCT|L4131-1', code: 'CGCT', number: 'L4131-1', reason: 'not-in-code', candidates: ['L4141-1'] },
      { id: 'unresolved:CGCT|L2131-7', code: 'CGCT', number: 'L2131-7', reason: 'not-yet-in-force', candidates: ['L2131-6'], inForceFrom: SAMPLE_DEFERRED_DATE },
    ],
    citations: buildCitations(),
    amendments: [
      { id: 'c0ffee01', title: 'LOI n° 2004-809 du 13 août 2004 - art. 139', date: '2004-07-30', source: 'legifrance-md', applied: true,
        added: ['L1115-1'], modified: ['L9999-9'], repealed: ['L1114-1'], citationsGained: [], citationsLost: [] },
      { id: 'c0ffee02', title: SAMPLE_REPEALED_BY, date: '2009-03-12', source: 'legifrance-md', applied: true,
        added: [], modified: [], repealed: ['L4131-1'], citationsGained: [], citationsLost: [] },
      { id: 'a1b2c3d4', title: 'Loi n° 2014-58 du 27 janvier 2014', date: '2014-01-29', source: 'etalab', applied: true,
        added: [], modified: ['L1115-1', 'L2131-1'], repealed: [], citationsGained: ['L1115-1>L4142-1', 'L1115-1>L1115-9'], citationsLost: [] },
      { id: 'a1b2c3d5', title: 'Ordonnance n° 2014-60 du 27 janvier 2014', date: '2014-01-29', source: 'etalab', applied: true,
        added: [], modified: ['L1115-1'], repealed: [], citationsGained: [], citationsLost: [] },
      { id: 'd3f3e4e5', title: 'LOI n° 2024-5 du 3 janvier 2024 - art. 12 (VD)', date: SAMPLE_DEFERRED_DATE, source: 'legifrance-md', applied: true,
        added: ['L2131-7'], modified: ['L2131-2'], repealed: [], citationsGained: ['L2131-2>L2131-7', 'L2131-6>L2131-7'], citationsLost: ['L2131-2>L2131-1'] },
    ],
    // status and source (provenance) as the history build writes them on each version.
    versions: [
      { articleId: 'L1114-1', validFrom: '1996-02-24', validTo: '2004-07-30', text: SAMPLE_TEXT_L1114_1, status: 'repealed', source: 'etalab', amendments: [] },
      { articleId: 'L1115-1', validFrom: '2004-07-30', validTo: '2007-02-02', text: SAMPLE_TEXT_L1114_1, status: 'in-force', source: 'etalab', amendments: ['c0ffee01'] },
      { articleId: 'L1115-1', validFrom: '2007-02-02', validTo: '2014-01-29', text: SAMPLE_OLD_TEXT_L1115_1, status: 'in-force', source: 'legifrance-md', amendments: [] },
      { articleId: 'L1115-1', validFrom: '2014-01-29', validTo: null, text: SAMPLE_TEXT_L1115_1, status: 'in-force', source: 'legifrance-md', amendments: ['a1b2c3d4', 'a1b2c3d5'] },
      { articleId: 'L4131-1', validFrom: '1996-02-24', validTo: '2009-03-12', text: textOf('L4131-1'), status: 'repealed', source: 'legifrance-md', amendments: [] },
      { articleId: 'L2131-2', validFrom: '2004-01-01', validTo: SAMPLE_DEFERRED_DATE, text: textOf('L2131-2'), status: 'in-force', source: 'legifrance-md', amendments: [] },
      { articleId: 'L2131-2', validFrom: SAMPLE_DEFERRED_DATE, validTo: null, text: SAMPLE_DEFERRED_TEXT_L2131_2, status: 'deferred', source: 'legifrance-md', amendments: ['d3f3e4e5'] },
      { articleId: 'L2131-7', validFrom: SAMPLE_DEFERRED_DATE, validTo: null, text: textOf('L2131-7'), status: 'deferred', source: 'legifrance-md', amendments: ['d3f3e4e5'] },
    ].map((v) => ({
      ...v,
      id: `${v.articleId}@${v.validFrom}`,
      html: toHtml(v.text),
      // The version whose text is the article's has the article's hash: citation spans apply to it.
      contentHash: v.text === textOf(v.articleId) ? `hash-${v.articleId}` : `hash-${v.articleId}@${v.validFrom}`,
    })),
    renumbering: [{ from: 'L1114-1', to: 'L1115-1', props: { date: '2004-07-30', source: 'etalab', evidence: 'git-rename' } }],
    // lexlib's "Liens relatifs" of L1115-1's 2014 version name the law that made it.
    enactments: [{ version: 'L1115-1@2014-01-29', text: 'loi n° 2014-58 du 27 janvier 2014', props: { heading: 'Modifié par', article: '3', status: 'V', source: 'lexlib' } }],
    repeals: [{ article: 'L4131-1', amendment: 'c0ffee02', date: '2009-03-12' }],
    metadataLinks: [
      { from: 'L1115-1', type: 'MODIFIED_BY', to: 'loi n° 2014-58 du 27 janvier 2014', props: { article: '3', status: 'V', heading: 'Modifié par', sources: ['legifrance-md'] } },
      { from: 'L2131-1', type: 'MODIFIED_BY', to: 'loi n° 2014-58 du 27 janvier 2014', props: { article: '5', status: 'V', heading: 'Modifié par', sources: ['legifrance-md'] } },
    ],
    document: { id: 'doc:guide-du-maire.md', title: 'Guide du maire : la coopération décentralisée', sourceFile: 'guide-du-maire.md' },
    mentions: [
      { to: 'L1115-1', props: { spans: [120, 129], pinpoints: [], count: 1 } },
      { to: 'unresolved:CGCT|L115-1', props: { spans: [410, 418], pinpoints: [], count: 1 } },
    ],
  };
}

// One statement: each CALL writes one kind of row; later CALLs see the nodes of earlier ones.
// Relationship types cannot be parameters, hence one CALL per metadata type used here.
const SAMPLE_GRAPH_CYPHER = `
CREATE (code:Code {id: 'CGCT', title: 'Code général des collectivités territoriales'})
WITH code
CALL (code) {
  UNWIND $sections AS row
  CREATE (s:Section) SET s = row.props
  WITH s, row
  OPTIONAL MATCH (parent:Section {id: row.parent})
  WITH s, row, coalesce(parent, code) AS container
  CREATE (container)-[:CONTAINS {order: row.order}]->(s)
}
CALL {
  UNWIND $articles AS row
  CREATE (a:Article) SET a = row.props
  WITH a, row WHERE row.section IS NOT NULL
  MATCH (s:Section {id: row.section})
  CREATE (s)-[:CONTAINS {order: row.order}]->(a)
}
CALL {
  UNWIND $legalTexts AS row
  CREATE (t:LegalText) SET t = row
}
CALL {
  UNWIND $externalArticles AS row
  MATCH (t:LegalText {id: row.textId})
  CREATE (e:ExternalArticle)-[:PART_OF]->(t)
  SET e = row
}
CALL {
  UNWIND $unresolved AS row
  CREATE (u:UnresolvedTarget) SET u = row
}
CALL {
  UNWIND $citations AS row
  MATCH (from {id: row.from}) WHERE from:Article OR from:ExternalArticle
  MATCH (to {id: row.to}) WHERE to:Article OR to:ExternalArticle OR to:LegalText OR to:UnresolvedTarget
  CREATE (from)-[r:CITES]->(to)
  SET r = row.props
}
CALL {
  UNWIND $amendments AS row
  CREATE (m:Amendment) SET m = row
}
CALL {
  UNWIND $versions AS row
  MATCH (a:Article {id: row.articleId})
  CREATE (a)-[:HAS_VERSION]->(v:ArticleVersion)
  SET v = row {.id, .articleId, .validFrom, .validTo, .text, .html, .contentHash, .status, .source}
  WITH v, row
  UNWIND range(0, size(row.amendments) - 1) AS i
  MATCH (m:Amendment {id: row.amendments[i]})
  CREATE (v)-[:MADE_BY {order: i}]->(m)
}
CALL {
  UNWIND $renumbering AS row
  MATCH (old:Article {id: row.from}), (new:Article {id: row.to})
  CREATE (old)-[r:RENUMBERED_AS]->(new) SET r = row.props
}
CALL {
  UNWIND $enactments AS row
  MATCH (v:ArticleVersion {id: row.version}), (t:LegalText {id: row.text})
  CREATE (v)-[r:ENACTED_BY]->(t) SET r = row.props
}
CALL {
  UNWIND $repeals AS row
  MATCH (a:Article {id: row.article}), (m:Amendment {id: row.amendment})
  CREATE (a)-[:REPEALED_IN {date: row.date}]->(m)
}
CALL {
  UNWIND $metadataLinks AS row
  WITH row WHERE row.type = 'MODIFIED_BY'
  MATCH (a:Article {id: row.from}), (t:LegalText {id: row.to})
  CREATE (a)-[r:MODIFIED_BY]->(t)
  SET r = row.props
}
CALL {
  CREATE (d:Document) SET d = $document
  WITH d
  UNWIND $mentions AS row
  MATCH (to {id: row.to}) WHERE to:Article OR to:UnresolvedTarget
  CREATE (d)-[r:MENTIONS]->(to)
  SET r = row.props
}
RETURN count(*) AS done`;

/** Writes the sample graph into an empty database (the caller clears it first). */
export async function loadSampleGraph(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(SAMPLE_GRAPH_CYPHER, buildSampleGraphParameters());
      await tx.run(BUMP_GRAPH_REVISION);
    });
  } finally {
    await session.close();
  }
}

/** Empties the tests' Neo4j and loads the sample graph into it, with a driver of its own. */
export async function resetToSampleGraph(): Promise<void> {
  const driver = await openTestDriver();
  try {
    await clearGraph(driver);
    await loadSampleGraph(driver);
  } finally {
    await driver.close();
  }
}
