/**
 * The graph's nodes as a list under the canvas: a text alternative to the drawing, for screen
 * readers and the keyboard, each article with a button to open it and one to expand it, each
 * summary with a button to unfold it, each chapter's box with one to fold it.
 */
import type cytoscape from 'cytoscape';
import { h, replaceChildren } from './dom.ts';
import { CHAPTER_BOX_KIND, SUMMARY_KIND } from './graph-summary.ts';

/** What the list's buttons do. */
export interface NodeListActions {
  openArticle: (id: string) => void;
  expand: (id: string) => void;
  /** Folds a chapter's box into one node. */
  fold: (id: string) => void;
  /** True for nodes that cannot be expanded (the centre, those already expanded). */
  isExpanded: (id: string) => boolean;
}

/** Fills the list (a <ul> in a <details>) with the nodes in label order. */
export function renderNodeList(list: HTMLElement, nodes: cytoscape.NodeSingular[], actions: NodeListActions): void {
  replaceChildren(list, nodes.map((node) => {
    const id = node.id();
    if (node.data('kind') === SUMMARY_KIND) {
      const unfold = h('button', { type: 'button', title: node.data('title') }, 'Déplier');
      unfold.addEventListener('click', () => actions.expand(id));
      return h('li', { 'data-node': id }, node.data('label'), ' ', unfold);
    }
    if (node.data('kind') === CHAPTER_BOX_KIND) {
      const foldButton = h('button', { type: 'button', title: node.data('title') }, 'Replier');
      foldButton.addEventListener('click', () => actions.fold(id));
      return h('li', { 'data-node': id }, `${node.data('label')} (${node.data('count')} articles)`, ' ', foldButton);
    }
    if (node.data('kind') !== 'ARTICLE') return h('li', { 'data-node': id }, node.data('title') || node.data('label'));
    const open = h('button', { type: 'button', class: 'link-button' }, node.data('label'));
    open.addEventListener('click', () => actions.openArticle(id));
    const more = h('button', { type: 'button', title: `Déplier ${id}`, disabled: actions.isExpanded(id) }, '+');
    more.addEventListener('click', () => actions.expand(id));
    return h('li', { 'data-node': id }, open, ' ', more);
  }));
  const summary = list.parentElement?.querySelector('summary');
  if (summary) summary.textContent = `Liste des nœuds (${nodes.length})`;
}
