/**
 * The citation graph in the formats tools read: GraphML (Gephi, yEd, networkx, graphology), CSV
 * (two files' worth in one: a nodes table then an edges table, or either alone) and JSON.
 */
import type { CitationGraph, ExportEdge, ExportNode } from './read-citation-graph.ts';

/** The formats `cgct export` writes. */
export type ExportFormat = 'graphml' | 'csv' | 'json' | 'nodes.csv' | 'edges.csv';

const NODE_KEYS: Array<keyof ExportNode> = ['kind', 'code', 'number', 'status', 'section', 'label'];
const EDGE_KEYS: Array<keyof ExportEdge> = ['type', 'provenance', 'validFrom', 'validTo'];

/** Serializes the graph. */
export function formatCitationGraph(graph: CitationGraph, format: ExportFormat): string {
  switch (format) {
    case 'graphml':
      return toGraphml(graph);
    case 'json':
      return `${JSON.stringify({ asOf: graph.asOf, nodes: graph.nodes, edges: graph.edges }, null, 1)}\n`;
    case 'nodes.csv':
      return toCsv(['id', ...NODE_KEYS], graph.nodes.map((node) => [node.id, ...NODE_KEYS.map((key) => node[key])]));
    case 'edges.csv':
      return toCsv(['source', 'target', ...EDGE_KEYS], graph.edges.map((edge) => [edge.source, edge.target, ...EDGE_KEYS.map((key) => edge[key])]));
    case 'csv':
      return `${formatCitationGraph(graph, 'nodes.csv')}\n${formatCitationGraph(graph, 'edges.csv')}`;
  }
}

function toGraphml(graph: CitationGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((key) => `  <key id="${key}" for="node" attr.name="${key}" attr.type="string"/>`),
    ...EDGE_KEYS.map((key) => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="string"/>`),
    `  <graph id="cgct-${graph.asOf}" edgedefault="directed">`,
  ];
  for (const node of graph.nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">${NODE_KEYS.map((key) => `<data key="${key}">${escapeXml(node[key])}</data>`).join('')}</node>`);
  }
  graph.edges.forEach((edge, index) => {
    lines.push(`    <edge id="e${index}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${EDGE_KEYS.map((key) => `<data key="e_${key}">${escapeXml(edge[key])}</data>`).join('')}</edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** Characters XML 1.0 cannot hold at all are dropped; the five special ones escaped. */
function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** RFC 4180: every field quoted, quotes doubled, CRLF line ends. */
function toCsv(header: string[], rows: string[][]): string {
  const field = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
