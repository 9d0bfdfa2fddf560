/**
 * The read model's shapes: the nodes and relationships the hot queries walk, as loaded from Neo4j
 * (server/read-model/load-read-model.ts). Property values are kept as Neo4j stores them (null when
 * absent), so that the rows built from them are those the repository's Cypher returns.
 */

/** One version of an article (what `article(asOf)` shows). */
export interface ModelVersion {
  validFrom: string | null;
  validTo: string | null;
  text: string | null;
  html: string | null;
  contentHash: string | null;
  status: string | null;
  source: string | null;
  /** Its MADE_BY amendments in commit order: id, title, date, source. */
  amendments: Array<{ id: unknown; title: unknown; date: unknown; source: unknown }>;
  /** Its ENACTED_BY texts: the text's node (index into ReadModelData.nodes), heading, article, status, source. */
  enactedBy: Array<{ text: number; heading: unknown; article: unknown; status: unknown; source: unknown }>;
}

/** A node an article can be linked to (an :Article, :ExternalArticle, :LegalText, :UnresolvedTarget or :Document). */
export interface ModelNode {
  /** Its position in ReadModelData.nodes. */
  index: number;
  id: string;
  labels: string[];
  isArticle: boolean;
  isLegalText: boolean;
  isUnresolved: boolean;
  number: string | null;
  status: string | null;
  part: string | null;
  title: string | null;
  textId: string | null;
  reason: string | null;
  /** left(text, 160) and left(text, 240), as Cypher cuts them. */
  excerpt160: string | null;
  excerpt240: string | null;
  periods: string[] | null;
  sortKey: string | null;
  code: string | null;
  candidates: string[] | null;
  inForceFrom: string | null;
  repealedOn: string | null;
  repealedBy: string | null;
  /** Another code's article: the date its text stands as of. */
  snapshotDate: string | null;
  /** A legal text's JORFTEXT / LEGITEXT id; an external article's text's. */
  legifranceId: string | null;
  /** An article's Légifrance id (LEGIARTI…), when a source gave it. */
  legiarti: string | null;
  /** Articles only (else empty or null). */
  text: string | null;
  html: string | null;
  validFrom: string | null;
  validTo: string | null;
  sources: string[] | null;
  contentHash: string | null;
  /** [date, title] of its REPEALED_IN amendments. */
  repealedIn: Array<[string | null, string | null]>;
  versions: ModelVersion[];
  /** Indexes into ReadModelData.relationships. */
  outgoing: number[];
  incoming: number[];
  /** RENUMBERED_AS towards it (its former numbers) and from it (its new numbers). */
  renumberedFrom: ModelRenumbering[];
  renumberedTo: ModelRenumbering[];
  /** Its nodeFields row by status, made on first use. */
  rows: Map<string | null, Record<string, unknown>>;
}

/** A RENUMBERED_AS seen from one end: the article at the other end. */
export interface ModelRenumbering {
  article: ModelNode;
  date: string | null;
  evidence: string | null;
}

/** A relationship of one of the link types (CITES, the "Liens relatifs" ones, MENTIONS). */
export interface ModelRelationship {
  from: number;
  to: number;
  type: string;
  via: string[] | null;
  sources: string[] | null;
  pinpoints: string[] | null;
  spans: number[] | null;
  hrefDisagrees: string | null;
  viaRange: boolean | null;
  validFrom: string | null;
  validTo: string | null;
  reason: string | null;
  /** Its neighbourhood edge row, made on first use. */
  row?: unknown[];
}

/** The whole model, at one graph revision. */
export interface ReadModelData {
  revision: string;
  nodes: ModelNode[];
  relationships: ModelRelationship[];
  /** Article nodes by id. */
  articles: Map<string, ModelNode>;
  /** Article nodes sorted by id (search by number: a prefix is a range). */
  articlesById: ModelNode[];
  /** Article nodes with a sortKey, in code order (previous / next). */
  articlesBySortKey: ModelNode[];
  /** The ids of the other codes whose articles the model holds (their keys start with "<code>:"). */
  otherCodes: string[];
}
