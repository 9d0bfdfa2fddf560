/**
 * The graph panel beside the text: the article's neighbourhood drawn with Cytoscape. A click on
 * an article node opens it, a double-click expands it, a click on a summary (« +12 articles du
 * chapitre … ») expands it; the keyboard can walk the nodes too. Labels that would overlap are
 * hidden, the least connected first (graph-labels.ts), again after each zoom. The
 * panel draws what its state says; every state change goes through the address (see app.ts).
 */
import cytoscape from 'cytoscape';
import { h, replaceChildren } from './dom.ts';
import { buildElements } from './graph-elements.ts';
import { placeLabels } from './graph-labels.ts';
import { SUMMARY_KIND, summariseElements } from './graph-summary.ts';
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
  }
}

/** Creates the panel (Cytoscape starts once the element is in the page). */
export function createGraphPanel(options: GraphPanelOptions): GraphPanel {
  let center = '';
  let state: GraphState | undefined;
  let drawnKey = '';
  let focusIndex = -1;
  // Whose labels claim room first (graph-labels.ts): 2 for the centre, 1 for its direct neighbours and the summaries.
  let labelRanks = new Map<string, number>();
  let shownAsOf: string | undefined;
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
    if (!state || id === center || state.expanded.includes(id)) return;
    options.changeState({ expanded: [...state.expanded, id] });
  };
  // Cytoscape measures its container when it starts, so it starts on the first draw, in the page.
  let cyInstance: cytoscape.Core | undefined;
  const isArticle = (node: cytoscape.NodeSingular): boolean => node.data('kind') === 'ARTICLE';
  const isSummary = (node: cytoscape.NodeSingular): boolean => node.data('kind') === SUMMARY_KIND;
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
    const cy = cytoscape({ container: canvas, style: createGraphStyle(), minZoom: 0.1, maxZoom: 4, textureOnViewport: true, hideEdgesOnViewport: true });
    window.cgctGraph = cy;
    // onetap fires only when no second tap follows, so a double-click never also opens the article.
    cy.on('onetap', 'node', (event) => {
      if (isArticle(event.target)) options.openArticle(event.target.id());
      else if (isSummary(event.target)) expand(event.target.id());
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
    else if ((event.key === '+' || event.key === 'x') && node && isArticle(node)) expand(node.id());
    else return;
    event.preventDefault();
  });

  const show = async (newCenter: string, newState: GraphState, asOf?: string): Promise<void> => {
    shownAsOf = asOf;
    const previousCenter = center;
    const previousExpanded = state?.expanded ?? [];
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
    const { elements, summaries } = summariseElements(built.elements, { center: newCenter, depth: newState.depth, expanded: new Set(newState.expanded) });
    // An expansion of the same view keeps the nodes where they are and places the new ones near.
    const incremental = previousCenter === newCenter && newState.expanded.length > previousExpanded.length && newState.layout === 'fcose';
    // Read before the batch: an expanded summary leaves the graph, its members take its place.
    const expandedNode = cy.getElementById(newState.expanded[newState.expanded.length - 1] ?? '');
    const origin = expandedNode.nonempty() ? { ...expandedNode.position() } : { x: 0, y: 0 };
    cy.batch(() => {
      const keep = new Set(elements.map((e) => String(e.data.id)));
      cy.elements().filter((e) => !keep.has(e.id())).remove();
      for (const definition of elements) {
        const existing = cy.getElementById(String(definition.data.id));
        if (existing.nonempty()) existing.classes(definition.classes);
        else cy.add(definition as cytoscape.ElementDefinition);
      }
    });
    if (incremental) {
      cy.nodes().filter((n) => n.position('x') === 0 && n.position('y') === 0).positions(() => ({ x: origin.x + Math.random() * 40 - 20, y: origin.y + Math.random() * 40 - 20 }));
    }
    const added = performance.now();
    await runLayout(cy, newState.layout, incremental);
    const positioned = performance.now();
    const besideCenter = new Set(cy.getElementById(newCenter).neighborhood('node').map((node) => node.id()));
    labelRanks = new Map(cy.nodes().map((node) => [node.id(), node.id() === newCenter ? 2 : isSummary(node) || besideCenter.has(node.id()) ? 1 : 0]));
    placedZoom = cy.zoom();
    const labels = placeLabels(cy, labelRanks);
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
    renderNodeList(nodeList, sortedNodes(), { openArticle: options.openArticle, expand, isExpanded: (id) => id === center || newState.expanded.includes(id) });
    status.textContent = describeGraph({ center: newCenter, state: newState, data, nodes: cy.nodes().length, edges: cy.edges().length, droppedEdges, summaries: summaries.length });
    canvas.dataset.state = 'ready';
    canvas.dataset.elements = String(cy.elements().length);
    canvas.dataset.renderMs = String(Math.round(performance.now() - started));
    performance.mark('graph-ready', { detail: { center: newCenter, elements: cy.elements().length } });
  };

  return { element, show, focus: () => canvas.focus(), fit: () => getCy().fit(undefined, 20) };
}
