/** Exports the graph on screen: a PNG image of the whole graph with a caption and its legend, or its nodes and edges as JSON. */
import type cytoscape from 'cytoscape';
import { formatDate } from './french-date.ts';
import { composeGraphPng, type PngCaption } from './graph-png.ts';
import { splitKey, type GraphState } from './route.ts';

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What the picture says above itself: whose graph, the date the code was read at, what it holds. */
export function pngCaption(cy: cytoscape.Core, center: string, asOf: string | undefined, state: GraphState | undefined): PngCaption {
  const { code, number } = splitKey(center);
  const whose = code ? `de l’article ${number} (${code})` : `de l’article ${number} du CGCT`;
  // Without a date asked for, the page reads the code as in force today: the export's day in Paris.
  const day = asOf ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const reading = asOf ? `Code lu au ${formatDate(day)}` : `Code en vigueur le ${formatDate(day)}`;
  const depth = state ? ` · profondeur ${state.depth}` : '';
  const counts = ` · ${cy.nodes().length} nœuds, ${cy.edges().length} liens`;
  return { title: `Graphe des relations ${whose}`, subtitle: `${reading}${depth}${counts} · cgct-graph` };
}

/** Saves the whole graph (not only the visible part) as a PNG with its caption and legend, on a white background. */
export async function exportPng(cy: cytoscape.Core, baseName: string, caption: PngCaption): Promise<void> {
  download(await composeGraphPng(cy, caption), `${baseName}.png`);
}

/** Saves the nodes and edges drawn (with their positions) as JSON. */
export function exportJson(cy: cytoscape.Core, baseName: string): void {
  const data = {
    nodes: cy.nodes().map((node) => ({ ...node.data(), position: node.position() })),
    edges: cy.edges().map((edge) => edge.data()),
  };
  download(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `${baseName}.json`);
}
