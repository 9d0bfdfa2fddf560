/**
 * The graph panel beside the text: the article's neighbourhood drawn with Cytoscape, the articles
 * of one chapter in one box (graph-summary.ts). A click on an article node opens it, a
 * double-click expands it, a click on a summary (« +12 articles du chapitre … ») unfolds it into
 * its chapter's box, a click on a box folds it back; the keyboard can walk the nodes too. Labels that would overlap are
 * hidden, the least connected first (graph-labels.ts), again after each zoom. The
 * panel draws what its state says; every state change goes through the address (see app.ts).
 */
import cytoscape from 'cytoscape';
import { h, replaceChildren } from './dom.ts';
import { buildElements, type GraphElement } from './graph-elements.ts';
import { placeLabels, scaleLabelsToZoom } from './graph-labels.ts';
import { CHAPTER_BOX_KIND, SUMMARY_KIND, summariseElements } from './graph-summary.ts';
import { loadGraphData } from './graph-data.ts';
import { createGraphControls } from './graph-controls.ts';
import { renderGraphLegend } from './graph-legend.ts';
import { runLayout } from './graph-layout.ts';
import { exportJson, exportPng, pngCaption } from './graph-export.ts';
import { createGraphStyle } from './graph-style.ts';
import { renderApiError } from './messages.ts';
import { describeGraph } from './graph-status.ts';
import { renderNodeList } from './graph-node-list.ts';
import type { GraphState } from './route.ts';

/** What the panel asks of the page. */
export interface GraphPanelOptions {
  /** Open an article (a node was clicked). */
  openArticle: (id: string) => void;
  /** Change the panel's state (the page records it in the address, then calls `show`). */
  changeState: (update: Partial<GraphState>) => void;
}

/** The panel: its element, `show` to draw a state, `focus` for the keyboard shortcut. */
export interface GraphPanel {
  element: HTMLElement;
  show: (center: string, state: GraphState, asOf?: string) => Promise<void>;
  focus: () => void;
  fit: () => void;
}

declare global {
  interface Window {
    /** The Cytoscape instance on screen, for the end-to-end tests and the benchmark. */
    cgctGraph?: cytoscape.Core;
    /**
     * Set by bench/graph-depth.ts before the page loads to draw with Cytoscape's WebGL renderer
     * (experimental in 3.3x) instead of its canvas one, so that both are measured on the same graphs.
     */
    cgctWebGl?: boolean;
  }
}

/** Creates the panel (Cytoscape starts once the element is in the page). */
export function createGraphPanel(options: GraphPanelOptions): GraphPanel {
  let center = '';
  let state: GraphState | undefined;
  let drawnKey = '';
  let focusIndex = -1;
  // Whose labels claim room first (graph-labels.ts): 3 for the centre, 2 for the summaries and the boxes, 1 for its direct neighbours.
  let labelRanks = new Map<string, number>();
  let shownAsOf: string | undefined;
  // The chapters drawn as boxes by the last draw.
  let drawnBoxes: string[] = [];
  const canvas = h('div', { class: 'graph-canvas', tabindex: 0, role: 'application', 'data-state': 'loading',
    'aria-label': 'Graphe. Flèches : parcourir les nœuds ; Entrée : ouvrir ; + : déplier.' });
  const status = h('p', { class: 'graph-status', role: 'status', 'aria-live': 'polite' }, 'Chargement du graphe…');
  const nodeList = h('ul', {});
  const controls = createGraphControls({
    change: (update) => options.changeState(update),
    fit: () => getCy().fit(undefined, 20),
    exportAs: (format) => (format === 'png' ? void exportPng(getCy(), `graphe-${center}`, pngCaption(getCy(), center, shownAsOf, state)) : exportJson(getCy(), `graphe-${center}`)),
  });
  const element = h('section', { class: 'graph-panel', 'aria-label': 'Graphe des relations' },
    h('h2', {}, 'Graphe des relations'), controls.element, status, canvas,
    h('details', { class: 'graph-node-list' }, h('summary', {}, 'Liste des nœuds'), nodeList),
    renderGraphLegend());
  const expand = (id: string): void => {
    if (!state || id === center) return;
    // A chapter folded by hand unfolds by leaving the `replies` list; any other summary joins `deplies`.
    if (state.folded.includes(id)) options.changeState({ folded: state.folded.filter((folded) => folded !== id) });
    else if (!state.expanded.includes(id)) options.changeState({ expanded: [...state.expanded, id] });
  };
  const fold = (id: string): void => {
    if (!state) return;
    // A crowd unfolded earlier folds by leaving `deplies`; a chapter boxed from the start joins `replies`.
    if (state.expanded.includes(id)) options.changeState({ expanded: state.expanded.filter((expanded) => expanded !== id) });
    else if (!state.folded.includes(id)) options.changeState({ folded: [...state.folded, id] });
  };
  // Cytoscape measures its container when it starts, so it starts on the first draw, in the page.
  let cyInstance: cytoscape.Core | undefined;
  const isArticle = (node: cytoscape.NodeSingular): boolean => node.data('kind') === 'ARTICLE';
  const isSummary = (node: cytoscape.NodeSingular): boolean => node.data('kind') === SUMMARY_KIND;
  const isChapterBox = (node: cytoscape.NodeSingular): boolean => node.data('kind') === CHAPTER_BOX_KIND;
  let placedZoom = 0;
  let labelTimer: ReturnType<typeof setTimeout> | undefined;
  // A pan moves every label alike; only a new zoom (or a node dragged) changes which fit.
  const placeLabelsSoon = (force: boolean): void => {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(() => {
      const cy = getCy();
      if (!force && cy.zoom() === placedZoom) return;
      placedZoom = cy.zoom();
      placeLabels(cy, labelRanks);
    }, 120);
  };
  const startCytoscape = (): cytoscape.Core => {
    const renderer = window.cgctWebGl ? { renderer: { name: 'canvas', webgl: true } } : {};
    const cy = cytoscape({ container: canvas, style: createGraphStyle(), minZoom: 0.1, maxZoom: 4, textureOnViewport: true, hideEdgesOnViewport: true, ...renderer } as cytoscape.CytoscapeOptions);
    window.cgctGraph = cy;
    // onetap fires only when no second tap follows, so a double-click never also opens the article.
    cy.on('onetap', 'node', (event) => {
      if (isArticle(event.target)) options.openArticle(event.target.id());
      else if (isSummary(event.target)) expand(event.target.id());
      else if (isChapterBox(event.target)) fold(event.target.id());
    });
    cy.on('dbltap', 'node', (event) => { if (isArticle(event.target)) expand(event.target.id()); });
    cy.on('viewport', () => placeLabelsSoon(false));
    cy.on('free', 'node', () => placeLabelsSoon(true));
    cy.on('mouseover', 'node', (event) => { canvas.title = event.target.data('title') || event.target.data('label'); });
    return cy;
  };
  const getCy = (): cytoscape.Core => (cyInstance ??= startCytoscape());

  const sortedNodes = (): cytoscape.NodeSingular[] => getCy().nodes().toArray().sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
  const focusNode = (index: number): void => {
    const nodes = sortedNodes();
    if (!nodes.length) return;
    focusIndex = (index + nodes.length) % nodes.length;
    getCy().nodes().removeClass('keyboard-focus');
    const node = nodes[focusIndex]!.addClass('keyboard-focus');
    status.textContent = `Nœud ${node.data('label')} : ${node.data('title') || ''}`;
  };
  canvas.addEventListener('keydown', (event) => {
    const node = sortedNodes()[focusIndex];
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') focusNode(focusIndex + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') focusNode(focusIndex - 1);
    else if (event.key === 'Enter' && node && isArticle(node)) options.openArticle(node.id());
    else if (event.key === 'Enter' && node && isSummary(node)) expand(node.id());
    else if (event.key === 'Enter' && node && isChapterBox(node)) fold(node.id());
    else if ((event.key === '+' || event.key === 'x') && node && isArticle(node)) expand(node.id());
    else return;
    event.preventDefault();
  });

  const show = async (newCenter: string, newState: GraphState, asOf?: string): Promise<void> => {
    shownAsOf = asOf;
    const previous = center ? { center, state } : undefined;
    center = newCenter;
    state = newState;
    controls.sync(newState);
    const key = JSON.stringify([newCenter, newState, asOf]);
    if (key === drawnKey) return;
    const cy = getCy();
    canvas.dataset.state = 'loading';
    status.textContent = 'Chargement du graphe…';
    let data;
    try {
      data = await loadGraphData(newCenter, newState, asOf);
    } catch (error) {
      if (state !== newState) return;
      canvas.dataset.state = 'error';
      cy.elements().remove();
      replaceChildren(status, renderApiError(error, () => { drawnKey = ''; void show(newCenter, newState, asOf); }));
      return;
    }
    if (state !== newState) return;
    const started = performance.now();
    // The panel may have been attached or resized since the last draw.
    cy.resize();
    const built = buildElements(data.payload, { center: newCenter, highlighted: data.highlighted, expanded: new Set(newState.expanded) });
    const { droppedEdges } = built;
    const { elements, summaries, boxes } = summariseElements(built.elements, { center: newCenter, depth: newState.depth, expanded: new Set(newState.expanded), folded: new Set(newState.folded) });
    // An expansion, a fold or an unfold in the same view keeps the nodes where they are and places the new ones near.
    const toggled = previous?.state && previous.center === newCenter && newState.layout === 'fcose' ? toggledIds(previous.state, newState) : undefined;
    // Only while the chapters' boxes stay the same: a box that comes or goes regroups its articles, which
    // a layout started from the old places leaves scattered (boxes drawn over each other).
    const incremental = toggled !== undefined && boxes.join() === drawnBoxes.join();
    drawnBoxes = boxes;
    // Read before the batch: a summary unfolded, a box folded or an article expanded is where the new nodes go.
    const toggledNode = cy.getElementById(toggled?.[0] ?? '');
    const origin = toggledNode.nonempty() ? { ...toggledNode.position() } : { x: 0, y: 0 };
    cy.batch(() => replaceElements(cy, elements));
    if (incremental) {
      cy.nodes().filter((n) => n.position('x') === 0 && n.position('y') === 0).positions(() => ({ x: origin.x + Math.random() * 40 - 20, y: origin.y + Math.random() * 40 - 20 }));
    }
    const added = performance.now();
    await runLayout(cy, newState.layout, incremental);
    const positioned = performance.now();
    const besideCenter = new Set(cy.getElementById(newCenter).neighborhood('node').map((node) => node.id()));
    // The names of the chapters' boxes and of the summaries before the direct neighbours: a crowd of
    // 200 neighbours would otherwise leave no room for the one word that says what the crowd is.
    const rankLabel = (node: cytoscape.NodeSingular): number => (node.id() === newCenter ? 3 : isSummary(node) || isChapterBox(node) ? 2 : besideCenter.has(node.id()) ? 1 : 0);
    labelRanks = new Map(cy.nodes().map((node) => [node.id(), rankLabel(node)]));
    // Labels keep their size on screen, so the layout's fit (made with their former size) and their
    // size go round in a circle: a box whose articles' labels grew may now cross the panel's edge,
    // its name out of sight. Sized for the zoom, then fitted again if need be, they are placed once.
    scaleLabelsToZoom(cy);
    if (!insidePanel(cy)) cy.fit(undefined, 20);
    const labels = placeLabels(cy, labelRanks, { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() });
    placedZoom = cy.zoom();
    const laidOut = performance.now();
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    // Timings for the benchmark (bench/web-load.ts): building, layout, drawing.
    canvas.dataset.buildMs = String(Math.round(added - started));
    canvas.dataset.layoutMs = String(Math.round(laidOut - added));
    canvas.dataset.labelMs = String(Math.round(laidOut - positioned));
    canvas.dataset.hiddenLabels = String(labels.hidden);
    canvas.dataset.drawMs = String(Math.round(performance.now() - laidOut));
    if (state !== newState) return;
    drawnKey = key;
    focusIndex = -1;
    renderNodeList(nodeList, sortedNodes(), { openArticle: options.openArticle, expand, fold, isExpanded: (id) => id === center || newState.expanded.includes(id) });
    status.textContent = describeGraph({ center: newCenter, state: newState, data, nodes: cy.nodes().length - boxes.length, edges: cy.edges().length, droppedEdges, summaries: summaries.length, boxes: boxes.length });
    canvas.dataset.state = 'ready';
    canvas.dataset.elements = String(cy.elements().length);
    canvas.dataset.renderMs = String(Math.round(performance.now() - started));
    performance.mark('graph-ready', { detail: { center: newCenter, elements: cy.elements().length } });
  };

  return { element, show, focus: () => canvas.focus(), fit: () => getCy().fit(undefined, 20) };
}

/** True when everything drawn, labels included, is within the panel. */
function insidePanel(cy: cytoscape.Core): boolean {
  const drawn = cy.elements().renderedBoundingBox({});
  return drawn.x1 >= 0 && drawn.y1 >= 0 && drawn.x2 <= cy.width() && drawn.y2 <= cy.height();
}

/**
 * The ids an expansion, a fold or an unfold changed between two states of the same view, the last
 * first; undefined when anything else changed (depth, direction, types, path: a new layout).
 */
function toggledIds(before: GraphState, after: GraphState): string[] | undefined {
  const same = before.depth === after.depth && before.direction === after.direction && before.layout === after.layout
    && before.types.join() === after.types.join() && before.pathTo === after.pathTo;
  if (!same) return undefined;
  const changed = (a: string[], b: string[]): string[] => [...a.filter((id) => !b.includes(id)), ...b.filter((id) => !a.includes(id))];
  const ids = [...changed(before.expanded, after.expanded), ...changed(before.folded, after.folded)].reverse();
  return ids.length ? ids : undefined;
}

/**
 * Puts `elements` on the canvas, keeping what is already drawn. A node that changes kind (a
 * summary unfolded into its chapter's box) or box is removed and added again: Cytoscape changes
 * neither in place, and removing a box removes what it holds, so the loose nodes keep their place.
 */
function replaceElements(cy: cytoscape.Core, elements: GraphElement[]): void {
  const wanted = new Map(elements.map((definition) => [String(definition.data.id), definition]));
  const stale = cy.elements().filter((element) => {
    const definition = wanted.get(element.id());
    return !definition || (element.isNode() && (element.data('kind') !== definition.data.kind || element.data('parent') !== definition.data.parent));
  });
  const staleNodes = stale.nodes();
  const positions = new Map(staleNodes.union(staleNodes.descendants()).nodes().map((node) => [node.id(), { ...node.position() }]));
  stale.remove();
  for (const definition of elements) {
    const existing = cy.getElementById(String(definition.data.id));
    if (existing.nonempty()) {
      existing.classes(definition.classes);
      // A summary's count grows when an expansion brings more of its chapter.
      if (existing.isNode()) existing.data({ label: definition.data.label, title: definition.data.title });
    } else {
      const position = positions.get(String(definition.data.id));
      cy.add({ ...definition, ...(position ? { position } : {}) } as cytoscape.ElementDefinition);
    }
  }
}
