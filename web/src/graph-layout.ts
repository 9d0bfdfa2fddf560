/**
 * The two layouts: fcose (force-directed, suits citation graphs) and dagre (layered, reads as a
 * hierarchy of who cites whom). dagre is loaded only when first chosen, to keep the first page small.
 * Chapters' boxes (compound nodes, graph-summary.ts) need fcose told to keep them compact: with
 * its defaults a hub cited by a crowd is pulled into the middle of the crowd's box, its own
 * chapter's box stretched across the graph, and other nodes drawn inside boxes not theirs
 * (L1115-1 at depth 2 with chapter L. 2224 unfolded, and L2131-1 with 250 citers: 18–21 nodes
 * inside a box not theirs per layout). Longer edges between chapters (nestingFactor 3) and a
 * stronger pull towards a box's centre (gravityRangeCompound 1) left none in 10 layouts, for
 * 630–780 ms instead of 510–560 ms on those 200-node graphs (machine busy; figures of one run);
 * on the real L1115-1 at depth 2 one or two still fell in a small box, so `clearForeignBoxes`
 * moves what the layout left inside a box not its own.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { boxesOverlap, type LabelBox } from './graph-labels.ts';
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
  clearForeignBoxes(cy);
  // A handful of nodes would otherwise be blown up to fill the panel.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

/** Room left between a box and what is moved out of it, in model pixels. */
const BOX_MARGIN = 6;
/** Rounds of moving: moving one thing out of a box can move it into another. */
const ROUNDS = 4;

/** A node's frame in model pixels (the label boxes' shape, graph-labels.ts). */
type Frame = LabelBox;

const frameOf = (node: cytoscape.NodeSingular): Frame => {
  const { x1, y1, x2, y2 } = node.boundingBox({ includeLabels: false, includeOverlays: false });
  return { x1, y1, x2, y2 };
};

/** The four moves that take `moving` out of `still`, the shortest first. */
function waysOut(moving: Frame, still: Frame): { dx: number; dy: number }[] {
  return [
    { dx: still.x1 - moving.x2 - BOX_MARGIN, dy: 0 }, { dx: still.x2 - moving.x1 + BOX_MARGIN, dy: 0 },
    { dx: 0, dy: still.y1 - moving.y2 - BOX_MARGIN }, { dx: 0, dy: still.y2 - moving.y1 + BOX_MARGIN },
  ].sort((a, b) => Math.abs(a.dx + a.dy) - Math.abs(b.dx + b.dy));
}

const moved = (frame: Frame, { dx, dy }: { dx: number; dy: number }): Frame => ({ x1: frame.x1 + dx, x2: frame.x2 + dx, y1: frame.y1 + dy, y2: frame.y2 + dy });

/**
 * Moves whatever a layout left inside a chapter's box not its own: of two boxes that overlap, the
 * smaller goes the shortest way out with its articles; then a loose node inside a box goes out by
 * the shortest way that lands clear of every box (the shortest of all when none does). Returns how
 * many moves it made.
 */
export function clearForeignBoxes(cy: cytoscape.Core): number {
  const boxes = cy.nodes(':parent').toArray();
  if (!boxes.length) return 0;
  let moves = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let movedThisRound = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [frameOf(boxes[i]!), frameOf(boxes[j]!)];
        if (!boxesOverlap(a, b)) continue;
        const area = (f: Frame): number => (f.x2 - f.x1) * (f.y2 - f.y1);
        const [still, moving, box] = area(a) >= area(b) ? [a, b, boxes[j]!] : [b, a, boxes[i]!];
        const { dx, dy } = waysOut(moving, still)[0]!;
        box.children().positions((node) => ({ x: node.position('x') + dx, y: node.position('y') + dy }));
        movedThisRound++;
      }
    }
    moves += movedThisRound;
    if (!movedThisRound) break;
  }
  const frames = boxes.map(frameOf);
  for (const node of cy.nodes().orphans().nodes(':childless').toArray()) {
    for (let round = 0; round < ROUNDS; round++) {
      const body = frameOf(node);
      const around = frames.find((frame) => boxesOverlap(frame, body));
      if (!around) break;
      const ways = waysOut(body, around);
      const way = ways.find((candidate) => !frames.some((frame) => boxesOverlap(frame, moved(body, candidate)))) ?? ways[0]!;
      node.position({ x: node.position('x') + way.dx, y: node.position('y') + way.dy });
      moves++;
    }
  }
  if (moves) cy.fit(undefined, 20);
  return moves;
}
