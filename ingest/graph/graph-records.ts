/**
 * The plain rows the ingest writes to Neo4j (see graph-schema/README.md): nodes keyed by label
 * and id, and relationships carrying, for each source corpus, the evidence that source gave.
 * Keeping evidence per source is what lets `cgct ingest lexlib` add to what legifrance-md said
 * without erasing it, and a re-ingest of one source replace exactly that source's facts.
 */

/** Labels of the nodes the ingest writes. */
export type NodeLabel = 'Code' | 'Section' | 'Article' | 'LegalText' | 'ExternalArticle' | 'UnresolvedTarget' | 'Document';

/** Types of the relationships the ingest writes. */
export type RelationshipType =
  | 'CONTAINS' | 'CITES' | 'MENTIONS' | 'PART_OF'
  | 'CREATED_BY' | 'MODIFIED_BY' | 'REPEALED_BY' | 'CODIFIED_BY' | 'TRANSFERRED_BY'
  | 'FORMER_TEXT' | 'NEW_TEXT' | 'RELATED_TO';

/** A node to write: its properties as one source gives them. */
export interface NodeRow {
  label: NodeLabel;
  id: string;
  /** Properties (scalars or lists of scalars only: Neo4j properties). */
  props: Record<string, string | number | boolean | string[] | number[] | null>;
}

/** What one source says about one relationship. */
export interface Evidence {
  /** How it was found: "text", "link", "metadata", "toc". */
  via: string[];
  /** Pinpoints inside the target ("I et III"). */
  pinpoints: string[];
  /** Flattened [start, end, …] offsets in the citing article's text. */
  spans: number[];
  /** Occurrences. */
  count: number;
  /** The article a lying link pointed to. */
  hrefDisagrees?: string;
  /** Found by expanding a range. */
  viaRange?: boolean;
  /** For metadata relationships: the article of the text ("79"), the status marker, the heading as printed. */
  article?: string;
  status?: string;
  heading?: string;
}

/** A relationship to write, with one source's evidence. */
export interface EdgeRow {
  type: RelationshipType;
  fromLabel: NodeLabel;
  from: string;
  toLabel: NodeLabel;
  to: string;
  /** Tells apart two relationships of one type between the same nodes ("art. 79" and "art. 80" of one law); "" for most. */
  key: string;
  evidence: Evidence;
}

/** Everything one source snapshot gives, deduplicated. */
export interface GraphRecords {
  /** The corpus label ("legifrance-md", "lexlib", "etalab", or the folder's name). */
  source: string;
  /** The date the snapshot is valid from (YYYY-MM-DD). */
  date: string;
  nodes: NodeRow[];
  edges: EdgeRow[];
}

/** The identity of a node across rows and the graph. */
export function nodeKeyOf(label: NodeLabel, id: string): string {
  return `${label}:${id}`;
}

// Rows are reused from one amendment to the next in a replay: their keys are computed once.
const edgeKeys = new WeakMap<object, string>();

/** The identity of a relationship across rows and the graph. */
export function edgeKeyOf(edge: Pick<EdgeRow, 'type' | 'fromLabel' | 'from' | 'toLabel' | 'to' | 'key'>): string {
  let key = edgeKeys.get(edge);
  if (key === undefined) edgeKeys.set(edge, (key = `${edge.type}|${edge.fromLabel}:${edge.from}|${edge.toLabel}:${edge.to}|${edge.key}`));
  return key;
}
