/**
 * "Modifications du code": the amending texts applied to the code over a period, in the order
 * they took effect, each with the articles it created, modified and repealed (links to them on
 * that date) and the citations it added and removed. The period is typed jj/mm/aaaa; by default
 * the year up to today. Further pages follow the API's cursor, appended below the first.
 */
import { fetchChanges, fetchToday, type Change, type ChangedArticle, type ChangesPage } from './api.ts';
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { CODE_START, dayBefore, formatDate, parseFrenchDate } from './french-date.ts';
import { renderApiError } from './messages.ts';
import { requestGraphQL } from './graphql-client.ts';

const PAGE = 20;
// Amendments may be deferred far ahead (2038): the end of the period may be in the future.
const LAST_DAY = '2099-12-31';

/** The period asked for (ISO dates; undefined: the defaults), and the section of the code it is cut down to. */
export interface ChangesPeriod {
  since?: string;
  until?: string;
  section?: string;
}

// The sections offered in the filter: the parts, their Parties and their Livres (the whole tree is
// hundreds of titles; deeper ones are reached from the table of contents).
const SECTIONS_QUERY = 'query ChangeSections { tableOfContents { id title sections { id title sections { id title } } } }';
interface SectionChoice { id: string; title: string; sections?: SectionChoice[] }

/** The section filter: "Tout le code" then the sections by level, indented; choosing one asks again. */
function renderSectionFilter(selected: string | undefined, choose: (section: string | undefined) => void): HTMLElement {
  const select = h('select', { id: 'changes-section' }, h('option', { value: '' }, 'Tout le code'));
  // Until the titles come (or if they do not), the section asked for shows by its id.
  const asked = selected ? select.appendChild(h('option', { value: selected, selected: true }, selected)) : undefined;
  const fill = (sections: SectionChoice[], depth: number): void => {
    for (const section of sections) {
      select.append(h('option', { value: section.id }, `${'\u00a0\u00a0'.repeat(depth)}${section.title}`));
      fill(section.sections ?? [], depth + 1);
    }
  };
  const loaded = (sections: SectionChoice[]): void => {
    asked?.remove();
    fill(sections, 0);
    if (selected && ![...select.options].some((option) => option.value === selected)) select.append(asked!);
    select.value = selected ?? '';
  };
  requestGraphQL<{ tableOfContents: SectionChoice[] }>(SECTIONS_QUERY)
    .then(({ tableOfContents }) => loaded(tableOfContents))
    .catch(() => { select.title = 'La liste des sections n’a pas pu être lue.'; });
  select.addEventListener('change', () => choose(select.value || undefined));
  return h('p', { class: 'changes-section-filter' }, h('label', { for: 'changes-section' }, 'Partie du code'), ' ', select);
}

// French plurals: 0 and 1 take the singular.
function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? plural : singular}`;
}

function oneYearBefore(iso: string): string {
  return `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');
}

// An article of the change set: a link to it on `date`, or its id alone when the graph lacks it.
function renderArticles(label: string, list: ChangedArticle[], date: string | undefined, kind: string): HTMLElement | null {
  if (!list.length) return null;
  return h('p', { class: `change-articles ${kind}` }, `${label} : `, list.flatMap((item, i) => [
    i ? ', ' : '',
    item.article ? articleLink(item.article.id, item.article.number, {}, date) : h('span', { class: 'absent', title: 'Numéro absent du graphe' }, item.id),
  ]));
}

function renderCitations(change: Change): HTMLElement | null {
  const { citationsGained: gained, citationsLost: lost } = change;
  if (!gained.length && !lost.length) return null;
  const pair = (sign: string, { from, to }: { from: string; to: string }) => h('li', {}, `${sign} ${from} → ${to}`);
  return h('details', { class: 'change-citations' },
    h('summary', {}, `Citations : ${count(gained.length, 'ajoutée', 'ajoutées')}, ${count(lost.length, 'supprimée', 'supprimées')}`),
    h('ul', {}, gained.map((c) => pair('+', c)), lost.map((c) => pair('−', c))));
}

function renderChange(change: Change, today: string): HTMLElement {
  const date = change.date ?? undefined;
  return h('li', { class: 'change', 'data-id': change.id },
    h('p', { class: 'change-head' },
      h('strong', {}, date ? formatDate(date) : 'Date inconnue'), ' — ', h('span', { class: 'change-title' }, change.title),
      date && date > today ? h('span', { class: 'status status-deferred' }, 'à venir') : null),
    renderArticles('Articles créés', change.articlesAdded, date, 'added'),
    renderArticles('Articles modifiés', change.articlesModified, date, 'modified'),
    // A repealed article is shown on its last day in force.
    renderArticles('Articles abrogés', change.articlesRepealed, date && dayBefore(date), 'repealed'),
    renderCitations(change));
}

function renderPeriodForm(since: string, until: string | undefined, section: string | undefined, today: string, change: (period: ChangesPeriod) => void): HTMLElement {
  const from = h('input', { type: 'text', id: 'changes-since', value: formatDate(since), placeholder: 'jj/mm/aaaa', inputmode: 'numeric', size: 11, maxlength: 10 });
  const to = h('input', { type: 'text', id: 'changes-until', value: until ? formatDate(until) : '', placeholder: 'aujourd’hui', inputmode: 'numeric', size: 11, maxlength: 10 });
  const error = h('p', { class: 'as-of-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'as-of changes-period', novalidate: true },
    h('label', { for: 'changes-since' }, 'Du'), ' ', from, ' ', h('label', { for: 'changes-until' }, 'au'), ' ', to, ' ',
    h('button', { type: 'submit' }, 'Afficher'), error);
  const fail = (input: HTMLInputElement, message: string): void => {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    from.removeAttribute('aria-invalid');
    to.removeAttribute('aria-invalid');
    const start = parseFrenchDate(from.value, CODE_START, LAST_DAY);
    if (!start.ok) return fail(from, `Début : ${start.message}`);
    const end = to.value.trim() ? parseFrenchDate(to.value, CODE_START, LAST_DAY) : undefined;
    if (end && !end.ok) return fail(to, `Fin : ${end.message}`);
    const endIso = end?.ok ? end.iso : undefined;
    if ((endIso ?? today) < start.iso) return fail(to, 'La fin de la période précède son début.');
    change({ since: start.iso, ...(endIso && endIso !== today ? { until: endIso } : {}), ...(section ? { section } : {}) });
  });
  return form;
}

/** Fetches the first page of the period and builds the page, or the API's failure. */
export async function renderChanges(period: ChangesPeriod, retry: () => void, change: (period: ChangesPeriod) => void): Promise<HTMLElement> {
  let first: ChangesPage;
  let since: string;
  try {
    since = period.since ?? oneYearBefore(await fetchToday());
    first = await fetchChanges(since, period.until, PAGE, undefined, period.section);
  } catch (error) {
    return renderApiError(error, retry);
  }
  const { today, totalCount } = first;
  const list = h('ol', { class: 'change-list' }, first.changes.map((c) => renderChange(c, today)));
  let shown = first.changes.length;
  let cursor = first.nextCursor;
  const progress = h('p', { class: 'note', role: 'status' });
  const more = h('button', { type: 'button', class: 'more' });
  const update = (): void => {
    progress.textContent = totalCount ? `${count(shown, 'modification affichée', 'modifications affichées')} sur ${totalCount.toLocaleString('fr-FR')}.` : '';
    more.textContent = `Afficher les suivantes (${count(totalCount - shown, 'restante', 'restantes')})`;
    more.hidden = !cursor;
  };
  update();
  more.addEventListener('click', () => {
    more.disabled = true;
    more.textContent = 'Chargement…';
    fetchChanges(since, period.until, PAGE, cursor, period.section)
      .then((page) => {
        list.append(...page.changes.map((c) => renderChange(c, today)));
        shown += page.changes.length;
        cursor = page.nextCursor;
        update();
      })
      .catch(() => { more.textContent = 'Le serveur ne répond pas : réessayer'; })
      .finally(() => { more.disabled = false; });
  });
  const end = period.until ?? today;
  return h('section', { class: 'changes' },
    h('h1', {}, 'Modifications du code'),
    h('p', {}, 'Les textes (lois, ordonnances, décrets) appliqués au code, dans l’ordre de leur entrée en vigueur, avec les articles qu’ils ont créés, modifiés ou abrogés et les citations qu’ils ont ajoutées ou supprimées.'),
    renderPeriodForm(since, period.until, period.section, today, change),
    renderSectionFilter(period.section, (section) => change({ since, ...(period.until ? { until: period.until } : {}), ...(section ? { section } : {}) })),
    h('p', { class: 'changes-total' }, `${count(totalCount, 'modification', 'modifications')} du ${formatDate(since)} au ${formatDate(end)}${period.until ? '' : ' (aujourd’hui)'}`),
    totalCount ? list : h('p', { class: 'empty' }, period.section ? 'Aucun texte n’a modifié cette partie du code pendant cette période.' : 'Aucun texte n’a modifié le code pendant cette période.'),
    progress,
    h('p', {}, more),
    h('p', { class: 'feed-link' }, h('a', { href: '/changements.atom', type: 'application/atom+xml', class: 'feed' }, 'Suivre les modifications du code (flux Atom)')));
}
