/**
 * Which node labels the graph draws, so that no two ever overlap (issue 14, "readable graphs at
 * depth 2–3"). Labels keep the same size on screen whatever the zoom (see `labelScale`): zooming
 * in spreads the nodes but not their labels, so more of them find room. After each layout and
 * each change of zoom, labels are placed by importance (the centre, then its direct neighbours,
 * then by degree), each below its node, else above, right, left or at a corner, else hidden; a grid of cells holds the
 * labels already placed, so a placement looks only at its neighbours' cells: O(n log n) for the
 * sort, O(n) for the rest, a few milliseconds for 1,000 elements.
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
const MOVED = 'label-top label-middle label-east label-west';

/**
 * Places the labels of `cy`'s nodes as the module comment says; `pinned` ranks the nodes that
 * must be labelled whenever there is room (2 for the centre, 1 for its direct neighbours).
 * The stylesheet's font functions read `labelScale` from the scratch pad, so the style is
 * updated first when the zoom moved. Every box is read from Cytoscape itself after its class is
 * set, so what is checked is exactly what is drawn; most labels fit below, so the restyling of a
 * node per other placement tried is rare.
 */
export function placeLabels(cy: cytoscape.Core, pinned: ReadonlyMap<string, number>): LabelPlacement {
  const scale = labelScale(cy.zoom());
  if (cy.scratch('labelScale') !== scale) {
    cy.scratch('labelScale', scale);
    // Only nodes have labels, so only they are restyled (`updateStyle` is Cytoscape's, missing
    // from its typings; what it saves was not measured apart from the whole placement).
    (cy.nodes() as unknown as { updateStyle: () => void }).updateStyle();
  }
  const nodes = cy.nodes().toArray().filter((node) => String(node.data('label') ?? '') !== '');
  const ranked = orderByImportance(nodes.map((node) => ({ id: node.id(), node, degree: node.degree(false), pinned: pinned.get(node.id()) ?? 0 })));
  // Restyle only the nodes placed elsewhere before (none on a first drawing).
  const placedBefore = cy.nodes('.label-top, .label-middle, .label-east, .label-west, .label-hidden');
  if (placedBefore.nonempty()) cy.batch(() => { placedBefore.removeClass(`${MOVED} label-hidden`); });
  const grid = new LabelGrid();
  let hidden = 0;
  for (const { node } of ranked) {
    const placed = PLACEMENTS.some((placement, i) => {
      if (i > 0) node.removeClass(MOVED).addClass(placement);
      const box = labelBox(node);
      if (!grid.fits(box)) return false;
      grid.add(box);
      return true;
    });
    if (!placed) {
      node.removeClass(MOVED).addClass('label-hidden');
      hidden++;
    }
  }
  return { shown: nodes.length - hidden, hidden };
}

function labelBox(node: cytoscape.NodeSingular): LabelBox {
  const box = node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
  return { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
}
