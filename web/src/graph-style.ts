/**
 * How the graph looks: CGCT articles coloured by Partie (colour-blind-safe Okabe–Ito palette),
 * other codes' articles, legal texts, unresolved targets and documents each with their own shape,
 * citations as solid arrows, citations known only from Légifrance's metadata as dark dashed
 * arrows with a hollow head, and the other metadata links ("Modifié par", …) as grey dashed ones.
 */
import type { NodeSingular, StylesheetJson } from 'cytoscape';
import { LABEL_STEP } from './graph-labels.ts';

/** Colours of the Parties 1 to 7, shared by the stylesheet and the legend. */
export const PARTIE_COLORS: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#B8A800'];

/** Colours of the other codes' articles (hexagons), picked by code id (graph-elements.ts codeColor): darker tones apart from the Parties'. */
export const CODE_COLORS: readonly string[] = ['#4d6b53', '#7d5a3c', '#5b5f97', '#8c4a6b', '#3e7c8c', '#6b6b2e', '#9c5d2e', '#4f4f4f'];

/** Shape and colour of the nodes that are not CGCT articles, for the stylesheet and the legend. */
export const KIND_STYLES = {
  ARTICLE: { shape: 'ellipse', color: '#7a7a7a' },
  EXTERNAL_ARTICLE: { shape: 'round-rectangle', color: '#9aa5b1' },
  LEGAL_TEXT: { shape: 'rectangle', color: '#5d4e8c' },
  UNRESOLVED: { shape: 'diamond', color: '#c0392b' },
  DOCUMENT: { shape: 'tag', color: '#3d3d3d' },
} as const;

// Labels keep their size on screen when the graph is zoomed out (graph-labels.ts sets the scale
// on the scratch pad, then updates the style): the font and the margin grow in the model instead.
const scaled = (size: number) => (node: NodeSingular): number => size * (Number(node.cy().scratch('labelScale')) || 1);

/** The Cytoscape stylesheet. */
export function createGraphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)', 'font-size': scaled(10), 'text-valign': 'bottom', 'text-margin-y': scaled(3), color: '#1d1d1d',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px', 'min-zoomed-font-size': 6,
        width: 18, height: 18, 'background-color': KIND_STYLES.ARTICLE.color, 'border-width': 1, 'border-color': '#ffffff',
      },
    },
    ...PARTIE_COLORS.map((color, i) => ({ selector: `node.partie-${i + 1}`, style: { 'background-color': color } })),
    { selector: 'node.other-code', style: { shape: 'hexagon', 'background-color': 'data(codeColor)', width: 20, height: 18 } },
    { selector: 'node.kind-external-article', style: { shape: KIND_STYLES.EXTERNAL_ARTICLE.shape, 'background-color': KIND_STYLES.EXTERNAL_ARTICLE.color, width: 22, height: 14 } },
    { selector: 'node.kind-legal-text', style: { shape: KIND_STYLES.LEGAL_TEXT.shape, 'background-color': KIND_STYLES.LEGAL_TEXT.color, width: 16, height: 16 } },
    { selector: 'node.kind-unresolved', style: { shape: KIND_STYLES.UNRESOLVED.shape, 'background-color': KIND_STYLES.UNRESOLVED.color, 'border-style': 'dashed', 'border-color': '#7b1d12', 'border-width': 2 } },
    { selector: 'node.kind-document', style: { shape: KIND_STYLES.DOCUMENT.shape, 'background-color': KIND_STYLES.DOCUMENT.color } },
    { selector: 'node.repealed', style: { 'background-opacity': 0.35, 'border-style': 'dashed', 'border-color': '#555555', 'border-width': 1.5 } },
    { selector: 'node.center', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#111111', 'font-weight': 'bold', 'font-size': scaled(12) } },
    // A summary of a chapter's crowd (graph-summary.ts): a pale rounded box, clicked to expand.
    { selector: 'node.summary', style: { shape: 'round-rectangle', width: 30, height: 18, 'background-color': '#e4e4e4', 'border-color': '#555555', 'border-width': 1.5, 'border-style': 'dotted', 'font-style': 'italic' } },
    // A chapter's box (graph-summary.ts): a pale frame around its articles, its name above; a click on
    // either folds it (its name takes clicks: edges often cross the frame).
    {
      selector: 'node.chapter-box',
      style: {
        shape: 'round-rectangle', 'background-color': '#f2efe6', 'background-opacity': 0.55, 'border-color': '#a8a290', 'border-width': 1,
        'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': scaled(-2), 'font-size': scaled(9), color: '#4a4535', padding: '10px',
        // The frame holds its articles, not their labels: were it sized on them, placing a label
        // (graph-labels.ts) would move the frame and the box's own name after it was placed.
        'compound-sizing-wrt-labels': 'exclude', 'text-events': 'yes',
      },
    },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#333333' } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#ff006e' } },
    { selector: 'node.keyboard-focus', style: { 'overlay-color': '#ff006e', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.2, 'line-color': '#9a9a9a', 'target-arrow-color': '#9a9a9a', 'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8, 'curve-style': 'bezier', opacity: 0.85,
        // Edges do nothing when clicked; a click on one goes to what is beneath (a box's name).
        events: 'no',
      },
    },
    { selector: 'edge.type-cites', style: { 'line-color': '#555555', 'target-arrow-color': '#555555' } },
    { selector: 'edge[type != "CITES"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge.type-cites.metadata-only', style: { 'line-style': 'dashed', 'line-dash-pattern': [5, 3], 'target-arrow-fill': 'hollow' } },
    { selector: 'node.highlighted', style: { 'border-color': '#ff006e', 'border-width': 4 } },
    { selector: 'edge.highlighted', style: { 'line-color': '#ff006e', 'target-arrow-color': '#ff006e', width: 3, 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.25 } },
    // Placed by graph-labels.ts where there is room: below the node (as above), above, beside, at a corner, or hidden.
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': scaled(-3) } },
    { selector: 'node.label-middle', style: { 'text-valign': 'center', 'text-margin-y': 0 } },
    { selector: 'node.label-east', style: { 'text-halign': 'right', 'text-margin-x': scaled(3) } },
    { selector: 'node.label-west', style: { 'text-halign': 'left', 'text-margin-x': scaled(-3) } },
    // Further below or above, for the centre and its direct neighbours when nothing nearer had room (LABEL_STEP).
    { selector: 'node.label-far-1', style: { 'text-margin-y': scaled(3 + LABEL_STEP) } },
    { selector: 'node.label-far-2', style: { 'text-margin-y': scaled(3 + 2 * LABEL_STEP) } },
    { selector: 'node.label-top.label-far-1', style: { 'text-margin-y': scaled(-3 - LABEL_STEP) } },
    { selector: 'node.label-top.label-far-2', style: { 'text-margin-y': scaled(-3 - 2 * LABEL_STEP) } },
    // A hidden label is no label: one only made transparent would still widen its chapter's box.
    { selector: 'node.label-hidden', style: { label: '' } },
  ];
}
