/**
 * "Lire le code à la date du …": lawyers always ask "as of which date?". The date rides in the
 * address (`?date=2010-01-01`) and applies to the text, its references and the graph.
 */
import { h } from './dom.ts';
import { formatDate } from './labels.ts';
import { isIsoDate } from './route.ts';

/** Builds the form; `change` receives the new date, or undefined for today. */
export function createDateForm(asOf: string | undefined, change: (asOf: string | undefined) => void): HTMLElement {
  const input = h('input', { type: 'date', id: 'as-of', name: 'date', value: asOf ?? '', max: '2100-12-31' });
  const today = h('button', { type: 'button', disabled: !asOf }, 'Aujourd’hui');
  const form = h('form', { class: 'as-of' },
    h('label', { for: 'as-of' }, 'Lire le code à la date du'), ' ', input, ' ',
    h('button', { type: 'submit' }, 'Afficher'), ' ', today,
    h('span', { class: 'as-of-note', role: 'status' }, asOf ? ` Version en vigueur le ${formatDate(asOf)}.` : ' Version en vigueur aujourd’hui.'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    change(isIsoDate(input.value) ? input.value : undefined);
  });
  today.addEventListener('click', () => change(undefined));
  return form;
}
