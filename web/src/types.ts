/** The shapes the browser reads from the GraphQL API (graph-schema/schema.graphql), as plain data. */

export type LinkType =
  | 'CITES' | 'CREATED_BY' | 'MODIFIED_BY' | 'REPEALED_BY' | 'CODIFIED_BY' | 'TRANSFERRED_BY'
  | 'FORMER_TEXT' | 'NEW_TEXT' | 'RELATED_TO' | 'MENTIONS';
export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';
export type ArticleStatus = 'IN_FORCE' | 'REPEALED' | 'DEFERRED' | 'UNKNOWN';
export type NodeKind = 'ARTICLE' | 'EXTERNAL_ARTICLE' | 'LEGAL_TEXT' | 'UNRESOLVED' | 'DOCUMENT';
export type Resolution = 'RESOLVED' | 'EXTERNAL' | 'UNRESOLVED';
/** How a citation was found: in the text, in a link of the source, in Légifrance's metadata. */
export type Provenance = 'TEXT' | 'LINK' | 'METADATA';

/** A node of the graph as the API sends it. */
export interface GraphNode {
  /** Unique id: an article's number or e.g. "code de l'environnement|L211-7". */
  id: string;
  /** Short label to draw. */
  label: string;
  /** What the node is. */
  kind: NodeKind;
  /** For articles: the Partie (1 to 7), to colour it. */
  partie?: number | null;
  /** For articles: in force, repealed, … */
  status?: ArticleStatus | null;
  /** A longer title or the first words, for a tooltip. */
  title?: string | null;
  /** For articles: the code's id ("CGCT", "code-de-lurbanisme"). */
  code?: string | null;
  /** Laws, decrees, other codes and their articles: the text's Légifrance page, or a Légifrance search (asked for in the article's lists only). */
  url?: string | null;
}

/** An edge of the graph as the API sends it. */
export interface GraphEdge {
  /** Unique id. */
  id: string;
  /** Id of the node it leaves. */
  source: string;
  /** Id of the node it reaches. */
  target: string;
  /** Relationship type. */
  type: LinkType;
  /** For citations: how it was found (absent when not asked for). */
  via?: Provenance[];
}

/** Nodes and edges, as `neighborhood` and `path` return them. */
export interface GraphPayload {
  /** The nodes. */
  nodes: GraphNode[];
  /** The edges; the API promises both ends are among the nodes, the browser checks anyway. */
  edges: GraphEdge[];
}

/** The graph around an article. */
export interface Neighborhood extends GraphPayload {
  /** The article at the centre. */
  center: string;
  /** True when the server's limit cut nodes out. */
  truncated: boolean;
}

/** An article in a list. */
export interface ArticleSummary {
  /** Normalized number. */
  id: string;
  /** Number as printed. */
  number: string;
  /** In force, repealed, … */
  status: ArticleStatus;
  /** First words. */
  excerpt: string;
}

/** A section of the table of contents (as much as the breadcrumb needs). */
export interface SectionCrumb {
  /** Section id. */
  id: string;
  /** partie, livre, titre, … */
  kind: string;
  /** Its title. */
  title: string;
}

/** One citation made by an article. */
export interface Reference {
  /** What it points to. */
  target: GraphNode;
  /** "CGCT" or the other text's name. */
  code: string;
  /** Parts of the target cited ("I et III"). */
  pinpoints: string[];
  /** Offsets [start, end, start, end, …] into the article's text. */
  spans: number[];
  /** RESOLVED, EXTERNAL or UNRESOLVED. */
  resolution: Resolution;
  /** Why it did not resolve. */
  reason?: string | null;
  /** Closest existing articles when unresolved. */
  candidates: string[];
  /** A repealed or not-yet-in-force number: when it came (or comes) into force. */
  inForceFrom?: string | null;
  /** A repealed number: the day it was repealed. */
  repealedOn?: string | null;
  /** A repealed number: the amending text. */
  repealedBy?: string | null;
  /** A repealed or not-yet-in-force number: the id of the article of that number. */
  article?: string | null;
  /** How it was found (absent when not asked for). */
  via?: Provenance[];
  /** When the source's link named another article than its text: that article ("L4131-1"). */
  hrefDisagrees?: string | null;
  /** True for a member of a range "L. 2243-2 à L. 2243-4" (every member shares the range's span). */
  viaRange?: boolean;
}

/** A section of the table of contents page, with everything below it. */
export interface TocSection {
  /** Section id, a path ("L/2/1/3/1"). */
  id: string;
  /** partie, livre, titre, chapitre, section… */
  kind: string;
  /** The heading as printed. */
  title: string;
  /** Articles in force on the date read, in it and below. */
  articleCount: number;
  /** The articles directly in it, in order. */
  articles: Pick<ArticleSummary, 'id' | 'number' | 'status'>[];
  /**
   * Its subsections, in order. Below the deepest level asked for (api.ts, TOC_DEPTH) only their
   * ids come: `TocSectionBeyond`.
   */
  sections: Array<TocSection | TocSectionBeyond>;
}

/** A subsection deeper than the table of contents asked for: only its id. */
export interface TocSectionBeyond {
  id: string;
  title?: undefined;
}

/** Relationships of one type and direction. */
export interface LinkGroup {
  /** Relationship type. */
  type: LinkType;
  /** Full number of relationships. */
  count: number;
  /** The nodes at the other end (at most 200). */
  nodes: GraphNode[];
}

/** One heading of "Liens relatifs à cet article". */
export interface RelatedLinkGroup {
  /** Relationship type. */
  type: LinkType;
  /** The heading as printed. */
  heading: string;
  /** Its entries. */
  entries: { text: GraphNode; article?: string | null; status?: string | null }[];
}

/** An amending text (a law, ordinance or decree applied on a date). */
export interface Amendment {
  /** The corpus commit that applied it. */
  id: string;
  /** "LOI n° 2014-58 du 27 janvier 2014 - art. 3". */
  title: string;
  /** The day it took effect. */
  date?: string | null;
  /** The corpus whose history holds it. */
  source?: string | null;
}

/** One version of an article. */
export interface ArticleVersion {
  /** Start of validity. */
  validFrom?: string | null;
  /** End of validity. */
  validTo?: string | null;
  /** Its text. */
  text: string;
  /** The status the source gave it. */
  status?: ArticleStatus | null;
  /** The corpus its text was read from. */
  source?: string | null;
  /** The amending texts that made it, in order. */
  amendments: Amendment[];
  /** The amending texts' titles joined, when known. */
  amendedBy?: string | null;
  /** The laws or decrees "Liens relatifs" names as having made it. */
  enactedBy?: Enactment[];
}

/** A law or decree named as having made a version ("Modifié par : Loi … - art. 14 (V)"). */
export interface Enactment {
  /** The text. */
  text: GraphNode;
  /** "Modifié par", "Créé par". */
  heading?: string | null;
  /** The article of that text. */
  article?: string | null;
  /** V, VD, Ab… */
  status?: string | null;
}

/** A half-open interval in force: `to` excluded, null while open. */
export interface Period {
  /** First day. */
  from: string;
  /** The day it ended (excluded); null: open. */
  to?: string | null;
}

/** An article's text moved from one number to another. */
export interface Renumbering {
  /** The article at the other number. */
  article: ArticleSummary;
  /** The day the text took its new number. */
  date?: string | null;
  /** git-rename or metadata. */
  evidence?: string | null;
}

/** What explains an article's life, whatever the date (ArticleLife of the API). */
/** The code an article belongs to. */
export interface ArticleCode {
  /** "CGCT", or the code's folder ("code-de-lurbanisme"). */
  id: string;
  folder: string;
  /** "Code de l'urbanisme". */
  title: string;
  /** The code's page on legifrance.gouv.fr, when known. */
  legifranceUrl?: string | null;
}

export interface ArticleLife {
  /** The graph key: "L1115-1" for the CGCT, "code-de-lurbanisme:L300-5" for another code. */
  id: string;
  /** Its code (absent from old answers: the CGCT). */
  code?: ArticleCode;
  /** Another code's article, with no history here: the date its text stands as of. */
  snapshotDate?: string | null;
  /** Number as printed. */
  number: string;
  /** Today's status (ArticleLife), or at the date read (Article). */
  status: ArticleStatus;
  /** The corpora it was read from. */
  sources: string[];
  /** Start of its first period in force. */
  inForceFrom?: string | null;
  /** The day it left the code. */
  repealedOn?: string | null;
  /** The amending text that repealed it. */
  repealedBy?: string | null;
  /** Its periods in force, oldest first. */
  periods: Period[];
  /** Every known version, newest first. */
  versions: ArticleVersion[];
  /** The numbers its text had before. */
  formerNumbers: Renumbering[];
  /** The numbers its text moved to. */
  renumberedAs: Renumbering[];
}

/** An article, as the reading view shows it. */
export interface Article extends ArticleLife {
  /** Plain text; paragraphs separated by a blank line. */
  text: string;
  /** Sanitized HTML of the source (its tables' headers and spans); absent when not asked for. */
  html?: string;
  /** Its Légifrance id ("LEGIARTI000006389099"), when a source gave it. */
  legiarti?: string | null;
  /** Place in the table of contents. */
  breadcrumb: SectionCrumb[];
  /** Article before it. */
  previous?: ArticleSummary | null;
  /** Article after it. */
  next?: ArticleSummary | null;
  /** Start of validity of this version. */
  validFrom?: string | null;
  /** End of validity (null: still valid). */
  validTo?: string | null;
  /** What it cites, in text order. */
  references: Reference[];
  /** Outgoing relationships by type. */
  outgoing: LinkGroup[];
  /** Incoming relationships by type. */
  incoming: LinkGroup[];
  /** Légifrance's metadata, by heading. */
  relatedLinks: RelatedLinkGroup[];
}

/** One search result. */
export interface SearchHit {
  /** The article found. */
  node: ArticleSummary;
  /** Relevance: 2 for an article the query named exactly ("L2131-1", "art. L 2131-1 CGCT"). */
  score: number;
  /** Fragments with <mark>…</mark> around matched words, HTML-escaped otherwise. */
  highlights: string[];
}

/** A page of search results. */
export interface SearchResults {
  /** The hits, best first. */
  hits: SearchHit[];
  /** Number of matches. */
  totalCount: number;
  /** False when words matched more than 1,000 articles and the count stopped there. */
  totalCountIsExact: boolean;
  /** "Vouliez-vous dire": existing articles close to a number that names none. */
  suggestions: ArticleSummary[];
  /** Where the next page starts, when there is one. */
  nextCursor?: string;
}

/** One unresolved target (graph-schema/schema.graphql, UnresolvedEdge). */
export interface UnresolvedTarget {
  /** The target as written, normalized: "L115-1". */
  number: string;
  /** The code the reference named ("CGCT" for this code). */
  code: string;
  /** not-in-code, repealed, not-yet-in-force or never-existed. */
  reason: string;
  /** When the number did exist: the day it came into force. */
  inForceFrom?: string | null;
  /** When it was repealed: the day. */
  repealedOn?: string | null;
  /** When it was repealed: the amending text. */
  repealedBy?: string | null;
  /** Closest existing article ids. */
  candidates: string[];
  /** Articles and documents citing it. */
  citedBy: GraphNode[];
}

/** A page of unresolved targets. */
export interface UnresolvedPage {
  /** The targets, most cited first. */
  targets: UnresolvedTarget[];
  /** Number of unresolved targets in the whole graph. */
  totalCount: number;
  /** Where the next page starts, when there is one. */
  nextCursor?: string;
}
