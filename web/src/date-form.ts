/**
 * "Lire le code à la date du …": lawyers always ask "as of which date?". The date is typed and
 * shown jj/mm/aaaa whatever the browser's locale (a text field checked here, not an
 * `<input type=date>` whose format follows the locale), from the code's first day to today
 * (deferred versions are reached by their links in the list of versions).
 * It rides in the address (`?date=2010-01-01`) and applies to the text, its references and the graph.
 */
import { h } from './dom.ts';
import { CODE_START, formatDate, parseFrenchDate } from './french-date.ts';

/** Builds the form; `change` receives the new ISO date, or undefined for today. */
export function createDateForm(asOf: string | undefined, today: string, change: (asOf: string | undefined) => void): HTMLElement {
  const input = h('input', {
    type: 'text', id: 'as-of', name: 'date', value: asOf ? formatDate(asOf) : '', placeholder: 'jj/mm/aaaa',
    inputmode: 'numeric', autocomplete: 'off', size: 11, maxlength: 10, 'aria-describedby': 'as-of-note as-of-error',
  });
  const todayButton = h('button', { type: 'button', disabled: !asOf }, 'Aujourd’hui');
  const error = h('p', { id: 'as-of-error', class: 'as-of-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'as-of', novalidate: true },
    h('label', { for: 'as-of' }, 'Lire le code à la date du'), ' ', input, ' ',
    h('button', { type: 'submit' }, 'Afficher'), ' ', todayButton,
    h('span', { id: 'as-of-note', class: 'as-of-note', role: 'status' },
      asOf ? ` Version en vigueur le ${formatDate(asOf)}.` : ` Version en vigueur aujourd’hui (${formatDate(today)}).`),
    error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return change(undefined);
    // Up to today; a later date reached by a link (a deferred version) stays accepted.
    const parsed = parseFrenchDate(input.value, CODE_START, asOf && asOf > today ? asOf : today);
    if (parsed.ok) return change(parsed.iso === today ? undefined : parsed.iso);
    // The typed text stays, so the reader corrects it rather than typing it again.
    error.textContent = parsed.message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  });
  input.addEventListener('input', () => {
    error.hidden = true;
    input.removeAttribute('aria-invalid');
  });
  todayButton.addEventListener('click', () => change(undefined));
  return form;
}
