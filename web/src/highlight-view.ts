/** Renders a search highlight: <mark> elements for the matched words, text for everything else. */
import { h } from './dom.ts';
import { parseHighlight } from './article-text.ts';

/** A highlight fragment as DOM; only <mark> ever becomes an element. */
export function renderHighlight(fragment: string): HTMLElement {
  return h('span', { class: 'highlight' }, parseHighlight(fragment).map((run) => (run.marked ? h('mark', {}, run.text) : run.text)));
}
