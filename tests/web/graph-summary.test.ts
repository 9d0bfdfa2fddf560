import { describe, expect, it } from 'vitest';
import { buildElements } from '../../web/src/graph-elements.ts';
import { CHAPTER_BOX_KIND, describeChapterBox, MIN_BOX_MEMBERS, describeGroup, groupOfNode, isSummaryId, summariseElements, SUMMARY_THRESHOLD } from '../../web/src/graph-summary.ts';
import type { GraphEdge, GraphNode } from '../../web/src/types.ts';

const article = (id: string): GraphNode => ({ id, label: id, kind: 'ARTICLE', partie: Number(id[1]), status: 'IN_FORCE', title: null });
const cites = (source: string, target: string): GraphEdge => ({ id: `${source}->${target}`, source, target, type: 'CITES' });

// L1115-1 cites L2131-1, which a crowd of chapter L. 2224 cites, plus two articles of other chapters.
const crowd = Array.from({ length: 12 }, (_, i) => `L2224-${i + 1}`);
const payload = {
  nodes: [article('L1115-1'), article('L2131-1'), article('L3131-1'), article('L4142-1'), ...crowd.map(article)],
  edges: [cites('L1115-1', 'L2131-1'), cites('L3131-1', 'L2131-1'), cites('L4142-1', 'L2131-1'), ...crowd.map((id) => cites(id, 'L2131-1')), cites('L2224-1', 'L2224-2'), cites('L2224-3', 'L4142-1')],
};
const { elements } = buildElements(payload, { center: 'L1115-1' });

describe('groupOfNode', () => {
  it.each([
    // The digits before the dash are Partie, Livre, Titre, Chapitre: L. 2224-31 is in chapter L. 2224.
    ['L2224-31', 'ARTICLE', 'chapitre:L2224'],
    // A multi-level number stays in its chapter.
    ['L2333-55-1', 'ARTICLE', 'chapitre:L2333'],
    // Regulatory articles: R. 2131-1 A.
    ['R2131-1 A', 'ARTICLE', 'chapitre:R2131'],
    // Another code's article keeps its code apart.
    ['code-de-lurbanisme:L300-5', 'ARTICLE', 'chapitre:code-de-lurbanisme:L300'],
    // Laws are grouped by kind.
    ['loi n° 82-213', 'LEGAL_TEXT', 'groupe:LEGAL_TEXT'],
    // An annex piece has no chapter in its id.
    ['Rubrique 2', 'ARTICLE', undefined],
  ])('puts %s (%s) in %s', (id, kind, group) => {
    expect(groupOfNode(id, kind)).toBe(group);
  });
});

describe('describeGroup', () => {
  it('says how many articles of which chapter, in French', () => {
    expect(describeGroup('chapitre:L2224', 120, 'L2224-1')).toBe('+120 articles du chapitre L. 2224');
    expect(describeGroup('chapitre:code-de-lurbanisme:L300', 9, 'L300-5 C. urb.')).toBe('+9 articles du chapitre L. 300 (C. urb.)');
    expect(describeGroup('groupe:LEGAL_TEXT', 14, 'loi')).toBe('+14 textes');
  });
});

describe('summariseElements', () => {
  it('folds a chapter past the threshold into one node, its links rerouted and never dangling', () => {
    expect(crowd.length).toBeGreaterThan(SUMMARY_THRESHOLD);
    const { elements: folded, summaries } = summariseElements(elements, { center: 'L1115-1', depth: 2, expanded: new Set() });
    expect(summaries).toEqual(['chapitre:L2224']);
    const nodes = folded.filter((e) => e.group === 'nodes');
    expect(nodes.map((n) => n.data.id).sort()).toEqual(['L1115-1', 'L2131-1', 'L3131-1', 'L4142-1', 'chapitre:L2224']);
    expect(nodes.find((n) => n.data.id === 'chapitre:L2224')!.data.label).toBe('+12 articles du chapitre L. 2224');
    const edges = folded.filter((e) => e.group === 'edges').map((e) => `${e.data.source}>${e.data.target}`).sort();
    // Twelve citations of L2131-1 become one; the citation inside the chapter vanishes.
    expect(edges).toEqual(['L1115-1>L2131-1', 'L3131-1>L2131-1', 'L4142-1>L2131-1', 'chapitre:L2224>L2131-1', 'chapitre:L2224>L4142-1']);
    expect(new Set(folded.map((e) => e.data.id)).size).toBe(folded.length);
  });

  it('folds nothing by itself at depth 1, where every node is a direct neighbour, but boxes the chapter', () => {
    const depth1 = summariseElements(elements, { center: 'L1115-1', depth: 1, expanded: new Set() });
    expect(depth1.summaries).toEqual([]);
    expect(depth1.boxes).toEqual(['chapitre:L2224']);
    expect(depth1.elements.filter((e) => e.group === 'nodes' && e.data.kind === 'ARTICLE')).toHaveLength(16);
  });

  it('never folds the centre, its direct neighbours, a node expanded by hand or a summary expanded', () => {
    const centred = summariseElements(elements, { center: 'L2131-1', depth: 2, expanded: new Set() });
    expect(centred.summaries).toEqual([]);
    const unfolded = summariseElements(elements, { center: 'L1115-1', depth: 3, expanded: new Set(['chapitre:L2224']) });
    expect(unfolded.summaries).toEqual([]);
    expect(isSummaryId('chapitre:L2224')).toBe(true);
    expect(isSummaryId('L2224-1')).toBe(false);
  });

  it('draws the articles of one chapter inside one box, an article with fewer of its chapter around loose, and adds the box before its articles', () => {
    const unfolded = summariseElements(elements, { center: 'L1115-1', depth: 2, expanded: new Set(['chapitre:L2224']) });
    expect(unfolded.boxes).toEqual(['chapitre:L2224']);
    const nodes = unfolded.elements.filter((e) => e.group === 'nodes');
    const box = nodes.find((n) => n.data.id === 'chapitre:L2224')!;
    expect(box.data).toMatchObject({ kind: CHAPTER_BOX_KIND, label: 'Chapitre L. 2224', count: 12 });
    expect(nodes.filter((n) => n.data.parent === 'chapitre:L2224').map((n) => n.data.id).sort()).toEqual([...crowd].sort());
    // L1115-1, L2131-1, L3131-1 and L4142-1 are each alone in their chapter.
    expect(nodes.filter((n) => n.data.kind === 'ARTICLE' && !n.data.parent).map((n) => n.data.id).sort()).toEqual(['L1115-1', 'L2131-1', 'L3131-1', 'L4142-1']);
    expect(nodes.findIndex((n) => n.data.id === 'chapitre:L2224')).toBeLessThan(nodes.findIndex((n) => n.data.parent === 'chapitre:L2224'));
    // The citations stay between the articles themselves, none rerouted to the box.
    expect(unfolded.elements.filter((e) => e.group === 'edges')).toHaveLength(payload.edges.length);
    expect(describeChapterBox('chapitre:code-de-lurbanisme:L300', 'L300-5 C. urb.')).toBe('Chapitre L. 300 (C. urb.)');
  });

  it('folds a chapter clicked by hand at any depth, its direct neighbours of the centre included, never the centre', () => {
    const neighbours = {
      nodes: [article('L2131-1'), article('L2131-2'), article('L2131-3'), article('L1111-1'), article('L1111-2')],
      edges: [cites('L2131-1', 'L2131-2'), cites('L2131-3', 'L2131-1'), cites('L1111-1', 'L2131-1'), cites('L1111-2', 'L2131-1')],
    };
    const small = buildElements(neighbours, { center: 'L2131-1' }).elements;
    // Two articles of chapter L. 1111 stay loose: fewer than MIN_BOX_MEMBERS.
    expect(MIN_BOX_MEMBERS).toBe(3);
    expect(summariseElements(small, { center: 'L2131-1', depth: 1, expanded: new Set() }).boxes).toEqual(['chapitre:L2131']);
    const folded = summariseElements(small, { center: 'L2131-1', depth: 1, expanded: new Set(), folded: new Set(['chapitre:L2131']) });
    expect(folded.summaries).toEqual(['chapitre:L2131']);
    expect(folded.boxes).toEqual([]);
    const ids = folded.elements.filter((e) => e.group === 'nodes').map((n) => n.data.id).sort();
    expect(ids).toEqual(['L1111-1', 'L1111-2', 'L2131-1', 'chapitre:L2131']);
    expect(folded.elements.find((e) => e.data.id === 'chapitre:L2131')!.data.label).toBe('+2 articles du chapitre L. 2131');
    const edges = folded.elements.filter((e) => e.group === 'edges').map((e) => `${e.data.source}>${e.data.target}`).sort();
    expect(edges).toEqual(['L1111-1>L2131-1', 'L1111-2>L2131-1', 'L2131-1>chapitre:L2131', 'chapitre:L2131>L2131-1']);
  });
});
