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
}

/** An article, the version shown being the current one or the one valid at `asOf`. */
export interface ArticleRecord {
  /** Normalized number. */
  id: string;
  /** Number as printed. */
  number: string;
  part: CodePartName;
  status: ArticleStatusName;
  text: string;
  html: string;
  validFrom: string | null;
  validTo: string | null;
  sources: string[];
  /** Place in the code order (graph `sortKey`). */
  sortKey: string;
  /** False when the text shown is an older version than the one the citations' spans were read in. */
  spansApply: boolean;
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

/** One version of an article (ArticleVersion). */
export interface ArticleVersionRecord {
  validFrom: string | null;
  validTo: string | null;
  text: string;
  amendedBy: string | null;
}

/** A section of the table of contents, without its children (resolved on demand). */
export interface SectionRecord {
  id: string;
  kind: string;
  title: string;
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

/** Impact of the SDL. */
export interface ImpactRecord {
  root: string;
  directCount: number;
  totalCount: number;
  dependants: Array<{ article: ArticleSummary; distance: number }>;
  truncated: boolean;
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
