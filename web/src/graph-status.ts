/** The sentence under the graph's controls: what is drawn, and anything the reader should know. */
import type { GraphData } from './graph-data.ts';
import { describePath } from './path-description.ts';
import type { GraphState } from './route.ts';

/** What was drawn. */
export interface DrawnGraph {
  center: string;
  state: GraphState;
  data: GraphData;
  nodes: number;
  edges: number;
  droppedEdges: number;
  /** Summary nodes drawn (graph-summary.ts). */
  summaries?: number;
  /** Chapters drawn as boxes (graph-summary.ts). */
  boxes?: number;
}

/** "15 nœuds, 21 liens. Chemin vers L3132-1 en rose." and the like, in French. */
export function describeGraph({ center, state, data, nodes, edges, droppedEdges, summaries = 0, boxes = 0 }: DrawnGraph): string {
  const notes = [`${nodes} nœud${nodes > 1 ? 's' : ''}, ${edges} lien${edges > 1 ? 's' : ''}.`];
  if (summaries) notes.push(`${summaries} groupe${summaries > 1 ? 's' : ''} d’articles résumé${summaries > 1 ? 's' : ''} : cliquer dessus pour ${summaries > 1 ? 'les' : 'le'} déplier.`);
  if (boxes) notes.push(`Les articles d’un même chapitre sont encadrés (${boxes} chapitre${boxes > 1 ? 's' : ''}) : cliquer sur un cadre pour le replier.`);
  if (data.truncated) notes.push('Graphe tronqué : réduisez la profondeur ou filtrez les types.');
  if (data.path) notes.push(describePath(data.path, center, data.pathTarget ?? state.pathTo ?? ''));
  if (data.failedExpansions.length) notes.push(`Impossible de déplier : ${data.failedExpansions.join(', ')}.`);
  if (droppedEdges) notes.push(`${droppedEdges} lien(s) sans extrémité ignoré(s).`);
  if (nodes <= 1) notes.push('Aucune relation pour ces réglages.');
  return notes.join(' ');
}
