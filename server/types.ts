/**
 * Plain JS shapes returned by the graph repository (no Neo4j Integer, Node or Date inside) and
 * served as the GraphQL types of graph-schema/schema.graphql. Enum values are the SDL's names.
 */

/** CodePart of the SDL. */
export type CodePartName = 'LEGISLATIVE' | 'REGULATORY' | 'ANNEX';
/** ArticleStatus of the SDL. */
export type ArticleStatusName = 'IN_FORCE' | 'REPEALED' | 'DEFERRED' | 'UNKNOWN';
/** NodeKind of the SDL. */
export type NodeKindName = 'ARTICLE' | 'EXTERNAL_ARTICLE' | 'LEGAL_TEXT' | 'UNRESOLVED' | 'DOCUMENT';
/** Provenance of the SDL. */
export type ProvenanceName = 'TEXT' | 'LINK' | 'METADATA';
/** Direction of the SDL. */
export type DirectionName = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** The relationship types an article has with other nodes (LinkType of the SDL). */
export const LINK_TYPES = [
  'CITES',
  'CREATED_BY',
  'MODIFIED_BY',
  'REPEALED_BY',
  'CODIFIED_BY',
  'TRANSFERRED_BY',
  'FORMER_TEXT',
  'NEW_TEXT',
  'RELATED_TO',
  'MENTIONS',
] as const;
/** LinkType of the SDL. */
export type LinkTypeName = (typeof LINK_TYPES)[number];

/** A node as drawn by Cytoscape (GraphNode). */
export interface GraphNode {
  /** The node's `id` property, unique across labels. */
  id: string;
  /** Short label to draw. */
  label: string;
  /** What the node is. */
  kind: NodeKindName;
  /** Articles only. */
  part: CodePartName | null;
  /** Articles only: the Partie (1 to 7) its number places it in. */
  partie: number | null;
  /** Articles only. */
  status: ArticleStatusName | null;
  /** Tooltip: a text's title, an article's first words. */
  title: string | null;
  /** Legal texts and their articles: the text's Légifrance page, or a Légifrance search for it (server/legal-text-url.ts); absent for the rest. */
  url?: string | null;
  /** Articles only: the code's id ("CGCT", "code-de-lurbanisme"). */
  code?: string;
}

/** One in-force interval of an article (Period): half-open, `to` null while open. */
export interface PeriodRecord {
  from: string;
  to: string | null;
}

/** What explains an article's life, whatever the date (ArticleLife; also on Article). */
export interface ArticleLifeRecord {
  /** Normalized number. */
  id: string;
  /** Number as printed. */
  number: string;
  part: CodePartName;
  /** As of the date read (today for ArticleLife). */
  status: ArticleStatusName;
  sources: string[];
  /** Place in the code order (graph `sortKey`). */
  sortKey: string;
  /** Start of its first in-force period. */
  inForceFrom: string | null;
  /** End of its last period, when closed. */
  repealedOn: string | null;
  /** The amending text that repealed it. */
  repealedBy: string | null;
  periods: PeriodRecord[];
  /** Another code's article, which carries no history: the date its text stands as of (null for the CGCT). */
  snapshotDate: string | null;
}

/** An article, the version shown being the one in force at `asOf` (default today). */
export interface ArticleRecord extends ArticleLifeRecord {
  text: string;
  html: string;
  validFrom: string | null;
  validTo: string | null;
  /** False when the text shown is an older version than the one the citations' spans were read in. */
  spansApply: boolean;
  /** Its Légifrance id (LEGIARTI…), when a source gave it. */
  legiarti: string | null;
}

/** An article in a list (ArticleSummary). */
export interface ArticleSummary {
  id: string;
  number: string;
  status: ArticleStatusName;
  excerpt: string;
}

/** One citation made by an article (Reference). */
export interface ReferenceRecord {
  target: GraphNode;
  code: string;
  pinpoints: string[];
  spans: number[];
  via: ProvenanceName[];
  sources: string[];
  resolution: 'RESOLVED' | 'EXTERNAL' | 'UNRESOLVED';
  reason: string | null;
  candidates: string[];
  hrefDisagrees: string | null;
  viaRange: boolean;
  /** The citation's own interval (null validFrom: since always; null validTo: open). */
  validFrom: string | null;
  validTo: string | null;
  /** Unresolved CGCT targets: when the number was in force, and its repeal. */
  inForceFrom: string | null;
  repealedOn: string | null;
  repealedBy: string | null;
  /** Unresolved CGCT targets: the article of that number, when the graph holds one. */
  article: string | null;
}

/** Relationships of one type and direction (LinkGroup). */
export interface LinkGroup {
  type: LinkTypeName;
  count: number;
  nodes: GraphNode[];
}

/** One heading of "Liens relatifs" (RelatedLinkGroup). */
export interface RelatedLinkGroup {
  type: LinkTypeName;
  heading: string;
  entries: Array<{ text: GraphNode; article: string | null; status: string | null }>;
}

/** An amending text as a version names it (Amendment without its change set). */
export interface AmendmentRecord {
  /** The corpus commit hash. */
  id: string;
  title: string;
  date: string | null;
  source: string | null;
}

/** An amendment with its change set, as `changes` lists it. */
export interface ChangeRecord extends AmendmentRecord {
  added: string[];
  modified: string[];
  repealed: string[];
  /** "L1115-1>L2131-1" strings. */
  citationsGained: string[];
  citationsLost: string[];
}

/** One version of an article (ArticleVersion). */
export interface ArticleVersionRecord {
  validFrom: string | null;
  validTo: string | null;
  text: string;
  html: string;
  status: ArticleStatusName;
  /** The corpus the text came from. */
  source: string | null;
  amendments: AmendmentRecord[];
  /** The amendments' titles joined by " ; ", null when none. */
  amendedBy: string | null;
  /** The laws or decrees "Liens relatifs" names as having made this version (ENACTED_BY). */
  enactedBy: Array<{ text: GraphNode; heading: string | null; article: string | null; status: string | null; source: string | null }>;
}

/** An article renumbered, seen from the other number (Renumbering). */
export interface RenumberingRecord {
  article: ArticleSummary;
  date: string | null;
  evidence: string | null;
}

/** A section of the table of contents, without its children (resolved on demand). */
export interface SectionRecord {
  id: string;
  kind: string;
  title: string;
  /** Another code's id; absent (or null) for the CGCT's sections. */
  code?: string | null;
}

/** An edge ready for Cytoscape (GraphEdge). */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: LinkTypeName;
  via: ProvenanceName[];
  pinpoints: string[];
}

/** Nodes and edges; every edge's ends are among the nodes. */
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Neighborhood of the SDL. */
export interface Neighborhood extends Subgraph {
  center: string;
  truncated: boolean;
}

/** Path of the SDL. */
export interface PathRecord extends Subgraph {
  length: number;
}

/** One article found by the impact walk (server/graph-repository.ts getImpact). */
export interface ImpactWalkStep {
  /** The dependent article. */
  article: ArticleSummary;
  /** Its sortKey, for code order within a distance. */
  sortKey: string;
  /** 1: cites the root; 2: cites a dependant at 1; … */
  distance: number;
  /** The article it cites on the way (the root, or a dependant one step nearer). */
  viaId: string;
  /** The words of its text that make that citation ("l'article L. 2131-1"), null when not found in the text. */
  citation: string | null;
  /** How that citation was found. */
  provenance: ProvenanceName[];
  /** The section directly holding it in the table of contents, null outside it. */
  section: SectionRecord | null;
}

/** Everything the impact walk found, before paging. */
export interface ImpactWalk {
  /** The root's summary (the `via` of the dependants at distance 1). */
  root: ArticleSummary;
  /** Every dependant, nearest first, then in code order. */
  steps: ImpactWalkStep[];
  /** False when articles beyond maxDepth still depend on the root. */
  complete: boolean;
}

/** A dependant as the SDL's Dependant. */
export interface DependantRecord {
  article: ArticleSummary;
  distance: number;
  via: ArticleSummary;
  citation: string | null;
  provenance: ProvenanceName[];
  section: SectionRecord | null;
}

/** Impact of the SDL. */
export interface ImpactRecord {
  root: string;
  directCount: number;
  totalCount: number;
  dependants: DependantRecord[];
  truncated: boolean;
  complete: boolean;
  countsByDistance: Array<{ distance: number; count: number }>;
  byCode: Array<{ codeId: string; count: number }>;
  bySection: Array<{ codeId: string; section: SectionRecord | null; count: number }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A search by article number: the keys asked for rank first, in their order, then every other
 * article found, the CGCT's first, each code in its order.
 */
export interface NumberSearch {
  /** Keys ranked first, in this order ("2131-1" → L2131-1, LO2131-1, R2131-1, …). */
  keys: string[];
  /** Key prefixes searched ("L. 2131" → "L2131"). */
  prefixes: string[];
  /** Number prefixes searched in every other code too ("L2131-1" typed with no code named), else none. */
  numbers: string[];
  /** A range "L. 2131-1 à L. 2131-5": the `sortKey`s of its ends, inclusive, in one code, else null. */
  range: { code: string; from: string; to: string } | null;
}

/** One search hit, before highlighting. */
export interface SearchHit {
  article: ArticleSummary;
  score: number;
  /** The article's full text, to cut highlights from. */
  text: string;
}

/** One unresolved target with what cites it. */
export interface UnresolvedRecord {
  id: string;
  number: string;
  code: string;
  reason: string;
  candidates: string[];
  citedBy: GraphNode[];
  inForceFrom: string | null;
  repealedOn: string | null;
  repealedBy: string | null;
}

/** Counts of the graph (Stats without mostCited). */
export interface StatsRecord {
  articles: number;
  articlesInForce: number;
  sections: number;
  citations: number;
  externalTargets: number;
  unresolvedTargets: number;
  documents: number;
}
