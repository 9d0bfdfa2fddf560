/**
 * Which node labels the graph draws, so that no two ever overlap (issue 14, "readable graphs at
 * depth 2–3"). Labels keep the same size on screen whatever the zoom (see `labelScale`): zooming
 * in spreads the nodes but not their labels, so more of them find room. After each layout and
 * each change of zoom, labels are placed by importance (the centre, then its direct neighbours,
 * then by degree), each below its node, else above, right, left or at a corner, else (the centre
 * and its direct neighbours) a line or two further below or above, else hidden (a chapter's box:
 * above its frame, else hidden); a grid of cells holds the labels already placed, so a placement
 * looks only at its neighbours' cells: O(n log n) for the sort, O(n) for the rest. What costs is
 * Cytoscape's measure of each label after the zoom changed its size: 115–174 ms for the 127–188
 * nodes of L1115-1's, L2224-31's or L2131-1's depth-2 graph (bench/graph-depth.ts).
 */
import type cytoscape from 'cytoscape';

/** Screen pixels of a grid cell: about a label's width, so a label spans a few cells at most. */
const CELL = 64;

/** A label's box on screen. */
export interface LabelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What one placement did. */
export interface LabelPlacement {
  /** Labels drawn. */
  shown: number;
  /** Labels hidden for want of room. */
  hidden: number;
}

/**
 * How much the labels' font is scaled in the model so that it keeps its size on screen: were
 * labels to grow with the zoom, zooming in would never make room for one more.
 */
export function labelScale(zoom: number): number {
  return 1 / zoom;
}

/** True when two boxes overlap (touching edges do not count). */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The boxes placed so far, filed by the grid cells they cover. */
export class LabelGrid {
  private readonly cells = new Map<string, LabelBox[]>();

  private keys(box: LabelBox): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(box.x1 / CELL); i <= Math.floor(box.x2 / CELL); i++) {
      for (let j = Math.floor(box.y1 / CELL); j <= Math.floor(box.y2 / CELL); j++) keys.push(`${i},${j}`);
    }
    return keys;
  }

  /** True when the box overlaps none placed. */
  fits(box: LabelBox): boolean {
    return this.keys(box).every((key) => !this.cells.get(key)?.some((placed) => boxesOverlap(placed, box)));
  }

  /** Files a box. */
  add(box: LabelBox): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }
}

/**
 * The order in which labels claim room: pinned ones first (the centre, then its direct
 * neighbours), then the most connected, then by id so that a graph is always labelled the same way.
 */
export function orderByImportance<T extends { id: string; degree: number; pinned: number }>(nodes: T[]): T[] {
  return [...nodes].sort((a, b) => b.pinned - a.pinned || b.degree - a.degree || a.id.localeCompare(b.id));
}

/** Where a label may go, in order of preference, as classes of graph-style.ts (none: below, centred). */
const PLACEMENTS = ['', 'label-top', 'label-middle label-east', 'label-middle label-west', 'label-east', 'label-west', 'label-top label-east', 'label-top label-west'] as const;
/**
 * Where the label of the centre or of a direct neighbour may go when none of PLACEMENTS has room:
 * one or two lines further below or above its node (graph-style.ts moves it by LABEL_STEP).
 */
const FAR_PLACEMENTS = ['label-far-1', 'label-top label-far-1', 'label-far-2', 'label-top label-far-2'] as const;
/** Screen pixels a far placement moves a label by, per step: a label's height and a little. */
export const LABEL_STEP = 15;
const MOVED = 'label-top label-middle label-east label-west label-far-1 label-far-2';

/**
 * Sizes the labels for the current zoom (see `labelScale`): the stylesheet's font functions read
 * the scale from the scratch pad, so the nodes are restyled when it changed.
 */
export function scaleLabelsToZoom(cy: cytoscape.Core): void {
  const scale = labelScale(cy.zoom());
  if (cy.scratch('labelScale') === scale) return;
  cy.scratch('labelScale', scale);
  // Only nodes have labels, so only they are restyled (`updateStyle` is Cytoscape's, missing
  // from its typings; what it saves was not measured apart from the whole placement).
  (cy.nodes() as unknown as { updateStyle: () => void }).updateStyle();
}

/**
 * Places the labels of `cy`'s nodes as the module comment says; `pinned` ranks the nodes that
 * must be labelled whenever there is room (the higher first: the centre, the names of groups, the
 * direct neighbours); `within`, when given, is the screen box no label may leave (the panel, after
 * a draw; not after a zoom, when the reader looks at part of the graph and pans to the rest).
 * The labels are sized for the zoom first. Each label's box below its node is read from Cytoscape; the
 * other placements' boxes are worked out from it (the same label, moved around the node), so a
 * node is restyled once, not once per placement tried (a crowd of 200 nodes took 250–390 ms when
 * every try restyled). What is drawn elsewhere than below is then read back from Cytoscape, and a
 * label that the arithmetic got wrong and that overlaps one kept is hidden: what is checked is
 * what is drawn.
 */
export function placeLabels(cy: cytoscape.Core, pinned: ReadonlyMap<string, number>, within?: LabelBox): LabelPlacement {
  scaleLabelsToZoom(cy);
  // After a draw the whole graph is in view: a label pushed past the panel's edge would be cut.
  const fitsWithin = (box: LabelBox): boolean => !within || (box.x1 >= within.x1 && box.y1 >= within.y1 && box.x2 <= within.x2 && box.y2 <= within.y2);
  const nodes = cy.nodes().toArray().filter((node) => String(node.data('label') ?? '') !== '');
  const ranked = orderByImportance(nodes.map((node) => ({ id: node.id(), node, degree: node.degree(false), pinned: pinned.get(node.id()) ?? 0 })));
  // Every label back below its node (none moved on a first drawing), where its box is read.
  const placedBefore = cy.nodes([...MOVED.split(' '), 'label-hidden'].map((name) => `.${name}`).join(', '));
  if (placedBefore.nonempty()) cy.batch(() => { placedBefore.removeClass(`${MOVED} label-hidden`); });
  const grid = new LabelGrid();
  const chosen: { node: cytoscape.NodeSingular; placement: string; box: LabelBox }[] = [];
  const hiddenNodes: cytoscape.NodeSingular[] = [];
  for (const { node } of ranked) {
    // A chapter's box keeps its name above its frame, or hides it.
    const below = labelBox(node);
    const candidates = node.isParent() ? [{ placement: '', box: below }] : placementBoxes(node, below, (pinned.get(node.id()) ?? 0) > 0);
    const candidate = candidates.find(({ box }) => fitsWithin(box) && grid.fits(box));
    if (!candidate) {
      hiddenNodes.push(node);
      continue;
    }
    grid.add(candidate.box);
    chosen.push({ node, ...candidate });
  }
  cy.batch(() => {
    for (const { node, placement } of chosen) if (placement) node.addClass(placement);
    for (const node of hiddenNodes) node.addClass('label-hidden');
  });
  // Read back what was moved (and the boxes' names, which follow their frames), in order of
  // importance: one that lands on a label kept is hidden.
  const drawn = new LabelGrid();
  for (const { node, placement, box } of chosen) {
    const actual = placement || node.isParent() ? labelBox(node) : box;
    if (drawn.fits(actual)) drawn.add(actual);
    else {
      node.removeClass(MOVED).addClass('label-hidden');
      hiddenNodes.push(node);
    }
  }
  return { shown: nodes.length - hiddenNodes.length, hidden: hiddenNodes.length };
}

/**
 * The boxes of a node's label in each of PLACEMENTS (and FAR_PLACEMENTS when `far`), from its box
 * below the node: the same label above, beside (centred on the node) or at a corner, as far from
 * the node as below, or a step or two further below or above.
 */
export function placementBoxes(node: cytoscape.NodeSingular, below: LabelBox, far: boolean): { placement: string; box: LabelBox }[] {
  const { x, y } = node.renderedPosition();
  const halfWidth = node.renderedOuterWidth() / 2;
  const halfHeight = node.renderedOuterHeight() / 2;
  const width = below.x2 - below.x1;
  const height = below.y2 - below.y1;
  const gap = below.y1 - (y + halfHeight);
  const top = { y1: y - halfHeight - gap - height, y2: y - halfHeight - gap };
  const middle = { y1: y - height / 2, y2: y + height / 2 };
  const east = { x1: x + halfWidth + gap, x2: x + halfWidth + gap + width };
  const west = { x1: x - halfWidth - gap - width, x2: x - halfWidth - gap };
  const centred = { x1: below.x1, x2: below.x2 };
  const bottom = { y1: below.y1, y2: below.y2 };
  // In the order of PLACEMENTS.
  const boxes = [below, { ...centred, ...top }, { ...east, ...middle }, { ...west, ...middle }, { ...east, ...bottom }, { ...west, ...bottom }, { ...east, ...top }, { ...west, ...top }];
  const placements = boxes.map((box, i) => ({ placement: PLACEMENTS[i]!, box }));
  if (!far) return placements;
  const shifted = (box: LabelBox, dy: number): LabelBox => ({ ...box, y1: box.y1 + dy, y2: box.y2 + dy });
  const farBoxes = [shifted(below, LABEL_STEP), shifted(boxes[1]!, -LABEL_STEP), shifted(below, 2 * LABEL_STEP), shifted(boxes[1]!, -2 * LABEL_STEP)];
  return [...placements, ...farBoxes.map((box, i) => ({ placement: FAR_PLACEMENTS[i]!, box }))];
}
function labelBox(node: cytoscape.NodeSingular): LabelBox {
  const box = node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
  return { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
}
