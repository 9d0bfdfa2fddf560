/**
 * The one place where the browser turns API graphs into Cytoscape elements. Cytoscape throws on
 * an edge whose source or target is not in the graph, so every edge is checked here and dangling
 * ones are dropped (and counted) whatever the API promised. Pure: no DOM, no Cytoscape import.
 */
import { CODE_COLORS, KIND_STYLES } from './graph-style.ts';
import type { GraphEdge, GraphNode, GraphPayload } from './types.ts';

/** A Cytoscape element definition (structurally what `cytoscape.ElementDefinition` accepts). */
export interface GraphElement {
  /** 'nodes' or 'edges'. */
  group: 'nodes' | 'edges';
  /** Cytoscape data; `id` always, `source`/`target` for edges. */
  data: Record<string, string | number | boolean>;
  /** Space-separated classes the stylesheet keys on. */
  classes: string;
}

/** What to mark while building. */
export interface BuildElementsOptions {
  /** The article at the centre. */
  center?: string;
  /** Ids of nodes and edges on the highlighted path. */
  highlighted?: ReadonlySet<string>;
  /** Ids of the nodes whose neighbourhood was merged in. */
  expanded?: ReadonlySet<string>;
}

// Long labels (a document's title) would cover their neighbours; the tooltip keeps the whole title.
const MAX_LABEL = 24;

/** A label short enough to draw. */
export function shortenLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label;
}

/** The elements, and how many edges were dropped for a missing end. */
export interface BuiltElements {
  elements: GraphElement[];
  droppedEdges: number;
}

/**
 * Another code's colour: one of CODE_COLORS chosen by its id, the same on every page, so that the
 * articles of one code look alike (their label names the code: "L300-5 C. urb.").
 */
export function codeColor(code: string | null | undefined): string {
  if (!code || code === 'CGCT') return KIND_STYLES.ARTICLE.color;
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CODE_COLORS[hash % CODE_COLORS.length]!;
}

/** The Cytoscape classes of a node: its kind, its Partie, its status. */
export function classesOfNode(node: GraphNode): string[] {
  const classes = [`kind-${node.kind.toLowerCase().replace(/_/g, '-')}`];
  if (node.kind === 'ARTICLE' && node.partie && node.partie >= 1 && node.partie <= 7) classes.push(`partie-${node.partie}`);
  if (node.kind === 'ARTICLE' && node.code && node.code !== 'CGCT') classes.push('other-code');
  if (node.status === 'REPEALED') classes.push('repealed');
  return classes;
}

/**
 * True for a citation known only from Légifrance's metadata (its "Cite" list), which the text
 * does not make: drawn dashed, so the graph does not pass it off as the text's.
 */
export function isMetadataOnlyCitation(edge: GraphEdge): boolean {
  return edge.type === 'CITES' && !!edge.via?.length && edge.via.every((via) => via === 'METADATA');
}

/** The Cytoscape classes of an edge: its type, and whether it comes from the metadata alone. */
export function classesOfEdge(edge: GraphEdge): string[] {
  const classes = [`type-${edge.type.toLowerCase().replace(/_/g, '-')}`];
  if (isMetadataOnlyCitation(edge)) classes.push('metadata-only');
  return classes;
}

/** Builds Cytoscape elements: nodes once each, then only the edges whose two ends are present. */
export function buildElements(payload: GraphPayload, options: BuildElementsOptions = {}): BuiltElements {
  const elements: GraphElement[] = [];
  const nodeIds = new Set<string>();
  for (const node of payload.nodes) {
    if (nodeIds.has(node.id)) continue;
    nodeIds.add(node.id);
    const classes = classesOfNode(node);
    if (node.id === options.center) classes.push('center');
    if (options.expanded?.has(node.id)) classes.push('expanded');
    if (options.highlighted?.has(node.id)) classes.push('highlighted');
    elements.push({
      group: 'nodes',
      data: { id: node.id, label: shortenLabel(node.label), kind: node.kind, title: node.title || node.label, partie: node.partie ?? 0, codeColor: codeColor(node.code) },
      classes: classes.join(' '),
    });
  }
  let droppedEdges = 0;
  const edgeIds = new Set<string>();
  for (const edge of payload.edges) {
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) {
      droppedEdges++;
      continue;
    }
    const key = keyOfEdge(edge);
    if (edgeIds.has(edge.id) || edgeIds.has(key)) continue;
    edgeIds.add(edge.id).add(key);
    const classes = classesOfEdge(edge);
    if (options.highlighted?.has(edge.id) || options.highlighted?.has(key)) classes.push('highlighted');
    elements.push({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type }, classes: classes.join(' ') });
  }
  return { elements, droppedEdges };
}

/**
 * What makes two edges the same relationship whatever id each query gave it: its ends and type.
 */
export function keyOfEdge(edge: GraphEdge): string {
  return `${edge.source}|${edge.type}|${edge.target}`;
}

/** Merges graphs (a node's expanded neighbourhood into the current one): union by id, first wins. */
export function mergeGraphs(...payloads: GraphPayload[]): GraphPayload {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const payload of payloads) {
    for (const node of payload.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    for (const edge of payload.edges) if (!edges.has(keyOfEdge(edge))) edges.set(keyOfEdge(edge), edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
