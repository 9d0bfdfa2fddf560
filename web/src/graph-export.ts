/** Exports the graph on screen: a PNG image of the whole graph, or its nodes and edges as JSON. */
import type cytoscape from 'cytoscape';

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

/** Saves the whole graph (not only the visible part) as a PNG on a white background. */
export function exportPng(cy: cytoscape.Core, baseName: string): void {
  const blob = cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
  download(blob, `${baseName}.png`);
}

/** Saves the nodes and edges drawn (with their positions) as JSON. */
export function exportJson(cy: cytoscape.Core, baseName: string): void {
  const data = {
    nodes: cy.nodes().map((node) => ({ ...node.data(), position: node.position() })),
    edges: cy.edges().map((edge) => edge.data()),
  };
  download(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `${baseName}.json`);
}
