/**
 * "Renvois non résolus": the targets of references written in articles today that match no article
 * in force (repealed or not yet in force, with their dates; a number that cannot be the CGCT's; a
 * CGCT number that never existed), most cited first, each with the closest articles and who cites
 * it, so that a lawyer or an editor can check them one by one. Further pages follow the API's cursor, appended below the first.
 */
import { fetchUnresolved } from './api.ts';
import { h } from './dom.ts';
import { articleLink, nodeItem } from './article-link.ts';
import { REASON_LABELS, REASON_SHORT_LABELS } from './labels.ts';
import { describeNotYet, describeRepeal } from './life-text.ts';
import { renderApiError } from './messages.ts';
import type { UnresolvedPage, UnresolvedTarget } from './types.ts';

const PAGE = 50;

// French plurals of the page: 0 and 1 take the singular ("0 renvoi", "1 renvoi", "2 renvois").
function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? plural : singular}`;
}

function renderRow(target: UnresolvedTarget): HTMLTableRowElement {
  // A repealed or future number says when: « abrogé le 12/03/2009 par … ».
  const dated = target.reason === 'repealed' ? describeRepeal(target) : target.reason === 'not-yet-in-force' && target.inForceFrom ? describeNotYet(target) : null;
  const detail = dated ?? REASON_LABELS[target.reason];
  return h('tr', { 'data-target': target.number },
    // Focusable from script only: "Afficher les suivants" moves the focus to the first new row.
    h('th', { scope: 'row', tabindex: -1 }, target.number, target.code !== 'CGCT' && h('span', { class: 'note' }, ` (${target.code})`)),
    h('td', {},
      h('span', { class: `reason reason-${target.reason}` }, REASON_SHORT_LABELS[target.reason] ?? target.reason),
      detail && h('span', { class: 'reason-detail' }, `${detail[0]!.toUpperCase()}${detail.slice(1)}.`)),
    h('td', { class: 'candidates' }, target.candidates.length
      ? h('ul', {}, target.candidates.map((id) => h('li', {}, articleLink(id, id))))
      : h('span', { class: 'empty' }, 'Aucun article proche.')),
    h('td', { class: 'cited-by' }, target.citedBy.length
      ? h('ul', {}, target.citedBy.map((node) => h('li', {}, nodeItem(node))))
      : h('span', { class: 'empty' }, 'Aucun.')));
}

/** Fetches the first page and builds the list, or the empty message, or the API's failure. */
export async function renderUnresolved(retry: () => void): Promise<HTMLElement> {
  let first: UnresolvedPage;
  try {
    first = await fetchUnresolved(PAGE);
  } catch (error) {
    return renderApiError(error, retry);
  }
  if (!first.targets.length) {
    return h('section', { class: 'message unresolved-empty', role: 'status' },
      h('h1', {}, 'Renvois non résolus'),
      h('p', {}, 'Aucun renvoi non résolu : chaque référence à un article du code mène à un article qui existe.'));
  }
  const { totalCount } = first;
  let shown = first.targets.length;
  let cursor = first.nextCursor;
  const rows = h('tbody', {}, first.targets.map(renderRow));
  const progress = h('p', { class: 'note', role: 'status' });
  const more = h('button', { type: 'button', class: 'more' });
  const update = (): void => {
    progress.textContent = `${count(shown, 'renvoi affiché', 'renvois affichés')} sur ${totalCount.toLocaleString('fr-FR')}.`;
    more.textContent = `Afficher les suivants (${count(totalCount - shown, 'restant', 'restants')})`;
    more.hidden = !cursor;
  };
  update();
  more.addEventListener('click', () => {
    more.disabled = true;
    more.textContent = 'Chargement…';
    fetchUnresolved(PAGE, cursor)
      .then((page) => {
        const added = page.targets.map(renderRow);
        rows.append(...added);
        shown += added.length;
        cursor = page.nextCursor;
        update();
        // The button may now be hidden: keyboard users go on from the first row just added.
        added[0]?.querySelector('th')?.focus();
      })
      .catch(() => { more.textContent = 'Le serveur ne répond pas : réessayer'; })
      .finally(() => { more.disabled = false; });
  });
  return h('section', { class: 'unresolved' },
    h('h1', {}, 'Renvois non résolus'),
    h('p', { class: 'unresolved-total' }, count(totalCount, 'renvoi non résolu', 'renvois non résolus')),
    h('p', {}, 'Les articles visés aujourd’hui par une référence, dans le texte d’un article ou dans un document, mais qui n’y mènent à aucun article en vigueur : article abrogé ou pas encore en vigueur, numéro hors du code (celui d’un autre code dont le nom n’est pas écrit, ou une coquille), ou article qui n’a jamais existé. Les plus cités d’abord.'),
    h('table', { class: 'unresolved-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Article visé'),
        h('th', { scope: 'col' }, 'Motif'),
        h('th', { scope: 'col' }, 'Vouliez-vous dire…'),
        h('th', { scope: 'col' }, 'Cité par'))),
      rows),
    progress,
    h('p', {}, more));
}
