/**
 * The graph panel's controls: depth, direction, layout, relationship types, path target, and the
 * actions (fit, export). Each is a labelled form control, so the panel works with the keyboard.
 */
import { h } from './dom.ts';
import { DIRECTION_LABELS, LINK_TYPE_LABELS } from './labels.ts';
import { LINK_TYPES, type GraphState } from './route.ts';
import type { Direction, LinkType } from './types.ts';

/** What the controls report. */
export interface GraphControlsOptions {
  /** A setting changed: the new state (the caller writes it in the address). */
  change: (update: Partial<GraphState>) => void;
  /** Fit the graph in the panel. */
  fit: () => void;
  /** Export as PNG or JSON. */
  exportAs: (format: 'png' | 'json') => void;
}

function select(id: string, label: string, options: [string, string][]): [HTMLLabelElement, HTMLSelectElement] {
  const element = h('select', { id, name: id }, options.map(([value, text]) => h('option', { value }, text)));
  return [h('label', { for: id }, label), element];
}

/** Builds the controls; `sync` sets them from a state (after a navigation). */
export function createGraphControls(options: GraphControlsOptions): { element: HTMLElement; sync: (state: GraphState) => void } {
  const [depthLabel, depth] = select('graph-depth', 'Profondeur', [['1', '1'], ['2', '2'], ['3', '3']]);
  const [directionLabel, direction] = select('graph-direction', 'Sens', (['BOTH', 'OUTGOING', 'INCOMING'] as Direction[]).map((d) => [d, DIRECTION_LABELS[d]]));
  const [layoutLabel, layout] = select('graph-layout', 'Disposition', [['fcose', 'Réseau (fcose)'], ['dagre', 'Hiérarchique (dagre)']]);
  const typeBoxes = LINK_TYPES.map((type) => h('input', { type: 'checkbox', name: 'types', value: type, id: `graph-type-${type}` }));
  const types = h('details', { class: 'graph-types' },
    h('summary', {}, 'Types de liens'),
    h('p', { class: 'note' }, 'Aucune case cochée : tous les types.'),
    typeBoxes.map((box) => h('label', { for: box.id }, box, ` ${LINK_TYPE_LABELS[box.value as LinkType]}`)));
  const pathInput = h('input', { type: 'text', id: 'graph-path', name: 'chemin', placeholder: 'ex. L4142-1', autocomplete: 'off', size: 10 });
  const pathForm = h('form', { class: 'graph-path' },
    h('label', { for: 'graph-path' }, 'Chemin vers'), pathInput,
    h('button', { type: 'submit' }, 'Tracer'),
    h('button', { type: 'button', class: 'clear-path' }, 'Effacer'));
  const fit = h('button', { type: 'button', title: 'Raccourci : f' }, 'Recentrer');
  const png = h('button', { type: 'button' }, 'Exporter PNG');
  const json = h('button', { type: 'button' }, 'Exporter JSON');

  depth.addEventListener('change', () => options.change({ depth: Number(depth.value) }));
  direction.addEventListener('change', () => options.change({ direction: direction.value as Direction }));
  layout.addEventListener('change', () => options.change({ layout: layout.value === 'dagre' ? 'dagre' : 'fcose' }));
  for (const box of typeBoxes) {
    box.addEventListener('change', () => options.change({ types: typeBoxes.filter((b) => b.checked).map((b) => b.value as LinkType) }));
  }
  pathForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = pathInput.value.trim();
    options.change(target ? { pathTo: target } : { pathTo: undefined });
  });
  pathForm.querySelector('.clear-path')!.addEventListener('click', () => { pathInput.value = ''; options.change({ pathTo: undefined }); });
  fit.addEventListener('click', options.fit);
  png.addEventListener('click', () => options.exportAs('png'));
  json.addEventListener('click', () => options.exportAs('json'));

  const element = h('div', { class: 'graph-controls' },
    h('div', { class: 'row' }, depthLabel, depth, directionLabel, direction, layoutLabel, layout),
    h('div', { class: 'row' }, types, pathForm),
    h('div', { class: 'row actions' }, fit, png, json));
  const sync = (state: GraphState): void => {
    depth.value = String(state.depth);
    direction.value = state.direction;
    layout.value = state.layout;
    for (const box of typeBoxes) box.checked = state.types.includes(box.value as LinkType);
    if (document.activeElement !== pathInput) pathInput.value = state.pathTo ?? '';
  };
  return { element, sync };
}
