/**
 * The two layouts: fcose (force-directed, suits citation graphs) and dagre (layered, reads as a
 * hierarchy of who cites whom). dagre is loaded only when first chosen, to keep the first page small.
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
    : { name: 'fcose', quality: 'default', randomize: !incremental, animate: false, fit: true, padding: 20, nodeRepulsion: 6000, idealEdgeLength: 70, numIter: big ? 1000 : 2500 };
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
