import { describe, expect, it } from 'vitest';
import { buildElements, mergeGraphs } from '../../web/src/graph-elements.ts';
import type { GraphEdge, GraphNode } from '../../web/src/types.ts';

const article = (id: string, partie: number): GraphNode => ({ id, label: id, kind: 'ARTICLE', partie, status: 'IN_FORCE', title: null });
const cites = (source: string, target: string, id = `${source}->${target}`): GraphEdge => ({ id, source, target, type: 'CITES' });

describe('buildElements', () => {
  it('drops every edge whose source or target is not among the nodes, and counts them', () => {
    const { elements, droppedEdges } = buildElements({
      nodes: [article('L1115-1', 1), article('L2131-1', 2)],
      edges: [cites('L1115-1', 'L2131-1'), cites('L1115-1', 'L9999-9'), cites('L0000-0', 'L2131-1')],
    });
    expect(droppedEdges).toBe(2);
    const edges = elements.filter((e) => e.group === 'edges');
    expect(edges.map((e) => [e.data.source, e.data.target])).toEqual([['L1115-1', 'L2131-1']]);
    const nodeIds = new Set(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id));
    for (const edge of edges) {
      expect(nodeIds.has(edge.data.source as string)).toBe(true);
      expect(nodeIds.has(edge.data.target as string)).toBe(true);
    }
  });

  it('lists each node and each relationship once, even when sent twice under other ids', () => {
    const { elements } = buildElements({
      nodes: [article('L1115-1', 1), article('L2131-1', 2), article('L2131-1', 2)],
      edges: [cites('L1115-1', 'L2131-1', 'a'), cites('L1115-1', 'L2131-1', 'b'), cites('L1115-1', 'L2131-1', 'a')],
    });
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(2);
    expect(elements.filter((e) => e.group === 'edges')).toHaveLength(1);
  });

  it('puts nodes before edges so that Cytoscape always meets an edge after its ends', () => {
    const { elements } = buildElements({ nodes: [article('L1115-1', 1), article('L2131-1', 2)], edges: [cites('L2131-1', 'L1115-1')] });
    expect(elements.map((e) => e.group)).toEqual(['nodes', 'nodes', 'edges']);
  });

  it('classes nodes by Partie, kind, status, centre and path for the stylesheet', () => {
    const { elements } = buildElements({
      nodes: [
        article('L1115-1', 1),
        { ...article('L2131-1', 2), status: 'REPEALED' },
        { id: "code de l'environnement|L211-7", label: 'C. env. L211-7', kind: 'EXTERNAL_ARTICLE' },
        { id: 'unresolved:CGCT|L115-1', label: 'L115-1', kind: 'UNRESOLVED' },
        { id: 'loi n° 2015-991 du 7 août 2015', label: 'Loi 2015-991', kind: 'LEGAL_TEXT', partie: 3 },
      ],
      edges: [cites('L1115-1', 'L2131-1')],
    }, { center: 'L1115-1', highlighted: new Set(['L2131-1', 'L1115-1|CITES|L2131-1']) });
    const classes = Object.fromEntries(elements.map((e) => [e.data.id, e.classes]));
    expect(classes['L1115-1']).toBe('kind-article partie-1 center');
    expect(classes['L2131-1']).toBe('kind-article partie-2 repealed highlighted');
    expect(classes["code de l'environnement|L211-7"]).toBe('kind-external-article');
    expect(classes['unresolved:CGCT|L115-1']).toBe('kind-unresolved');
    // A Partie is only a colour for CGCT articles.
    expect(classes['loi n° 2015-991 du 7 août 2015']).toBe('kind-legal-text');
    expect(classes['L1115-1->L2131-1']).toBe('type-cites highlighted');
  });

  it('marks a citation known only from the metadata, and not one the text also makes or another relationship', () => {
    const { elements } = buildElements({
      nodes: [article('L1115-1', 1), article('L4131-1', 4), article('L4141-1', 4)],
      edges: [
        { ...cites('L1115-1', 'L4131-1'), via: ['METADATA'] },
        { ...cites('L1115-1', 'L4141-1'), via: ['TEXT', 'METADATA'] },
        { id: 'm', source: 'L4141-1', target: 'L4131-1', type: 'MODIFIED_BY', via: ['METADATA'] },
      ],
    });
    expect(elements.filter((e) => e.group === 'edges').map((e) => [e.data.id, e.classes])).toEqual([
      ['L1115-1->L4131-1', 'type-cites metadata-only'],
      ['L1115-1->L4141-1', 'type-cites'],
      ['m', 'type-modified-by'],
    ]);
  });

  it('shortens long labels to draw and keeps the whole title for the tooltip', () => {
    const title = 'Guide du maire : la coopération décentralisée';
    const { elements } = buildElements({ nodes: [{ id: 'doc:guide.md', label: title, kind: 'DOCUMENT' }], edges: [] });
    expect(String(elements[0]!.data.label).length).toBeLessThanOrEqual(24);
    expect(elements[0]!.data.label).toMatch(/…$/);
    expect(elements[0]!.data.title).toBe(title);
  });
});

describe('mergeGraphs', () => {
  it('merges an expanded node’s neighbourhood into the graph without duplicates', () => {
    const merged = mergeGraphs(
      { nodes: [article('L1115-1', 1), article('L2131-1', 2)], edges: [cites('L1115-1', 'L2131-1', 'x')] },
      { nodes: [article('L2131-1', 2), article('L2131-2', 2)], edges: [cites('L1115-1', 'L2131-1', 'y'), cites('L2131-1', 'L2131-2')] },
    );
    expect(merged.nodes.map((n) => n.id)).toEqual(['L1115-1', 'L2131-1', 'L2131-2']);
    expect(merged.edges.map((e) => e.id)).toEqual(['x', 'L2131-1->L2131-2']);
  });
});
