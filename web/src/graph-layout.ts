/**
 * The two layouts: fcose (force-directed, suits citation graphs) and dagre (layered, reads as a
 * hierarchy of who cites whom). dagre is loaded only when first chosen, to keep the first page small.
 * Chapters' boxes (compound nodes, graph-summary.ts) need fcose told to keep them compact: with
 * its defaults a hub cited by a crowd is pulled into the middle of the crowd's box, its own
 * chapter's box stretched across the graph, and other nodes drawn inside boxes not theirs
 * (L1115-1 at depth 2 with chapter L. 2224 unfolded, and L2131-1 with 250 citers: 18–21 nodes
 * inside a box not theirs per layout). Longer edges between chapters (nestingFactor 3) and a
 * stronger pull towards a box's centre (gravityRangeCompound 1) left none in 10 layouts, for
 * 630–780 ms instead of 510–560 ms on those 200-node graphs (machine busy; figures of one run).
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from './route.ts';

cytoscape.use(fcose);
let dagreReady: Promise<void> | undefined;

function loadDagre(): Promise<void> {
  dagreReady ??= import('cytoscape-dagre').then((module) => cytoscape.use(module.default));
  return dagreReady;
}

/** Runs a layout on the whole graph and resolves once every node has its place. */
export async function runLayout(cy: cytoscape.Core, name: LayoutName, incremental: boolean): Promise<void> {
  if (name === 'dagre') await loadDagre();
  // Past a few hundred elements the last iterations barely move anything; cap them to stay fluid.
  const big = cy.elements().length > 200;
  const options = name === 'dagre'
    ? { name: 'dagre', rankDir: 'LR', nodeSep: 22, rankSep: 70, animate: false, fit: true, padding: 20 }
    // Incremental (an expansion): start from the current positions so the reader keeps their bearings.
    : { name: 'fcose', quality: 'default', randomize: !incremental, animate: false, fit: true, padding: 20, nodeRepulsion: 6000, idealEdgeLength: 70, numIter: big ? 1000 : 2500, nestingFactor: 3, gravityRangeCompound: 1 };
  const layout = cy.layout(options as cytoscape.LayoutOptions);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
  // A handful of nodes would otherwise be blown up to fill the panel.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

