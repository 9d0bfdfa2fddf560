/**
 * « Ce qui a changé dans ce dont il dépend » on the article page (issue 14's change alerts): the
 * articles it cites, transitively, that entered into force, were amended or were repealed since a
 * date, with the texts that did it, and the Atom feed that tells the same to a feed reader.
 * Asked for when the reader opens it: a walk of three citations is not worth doing for every page.
 */
import { h, replaceChildren } from './dom.ts';
import { articleHref, articleLink } from './article-link.ts';
import { CODE_START, formatDate, parseFrenchDate } from './french-date.ts';
import { requestGraphQL } from './graphql-client.ts';
import type { Article } from './types.ts';

type ChangeKind = 'ENTERED_INTO_FORCE' | 'AMENDED' | 'REPEALED';

interface DependencyChange {
  article: { id: string; number: string };
  distance: number;
  via: { id: string; number: string } | null;
  kind: ChangeKind;
  date: string;
  amendments: Array<{ title: string }>;
}

interface DependencyChanges {
  since: string;
  until: string;
  dependencyCount: number;
  untrackedCount: number;
  totalCount: number;
  changes: DependencyChange[];
}

const QUERY = `query DependencyChanges($id: String!, $since: Date!, $maxDepth: Int) {
  dependencyChanges(id: $id, since: $since, maxDepth: $maxDepth, first: 200) {
    since until dependencyCount untrackedCount totalCount
    changes { article { id number } distance via { id number } kind date amendments { title } }
  }
}`;

const KIND_LABELS: Record<ChangeKind, string> = { ENTERED_INTO_FORCE: 'entré en vigueur', AMENDED: 'modifié', REPEALED: 'abrogé' };
const DEPTHS = [1, 2, 3] as const;

const yearBefore = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');
const plural = (count: number, one: string, many: string) => `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;

/** The feed of an article: its page's address, then /changements.atom. */
export function articleFeedHref(id: string): string {
  return `${articleHref(id).split('?')[0]}/changements.atom`;
}

function relationOf(change: DependencyChange, article: Article): HTMLElement | string {
  if (change.distance === 0) return 'cet article lui-même';
  if (change.distance === 1) return 'cité directement par cet article';
  return h('span', {}, `à ${change.distance} renvois, cité par `, articleLink(change.via!.id, change.via!.number), ` (depuis ${article.number})`);
}

function renderChange(change: DependencyChange, article: Article): HTMLElement {
  const by = change.amendments.map((amendment) => amendment.title).join(' ; ');
  return h('li', { class: `dependency-change kind-${change.kind.toLowerCase().replace(/_/g, '-')}`, 'data-distance': String(change.distance) },
    h('time', { datetime: change.date }, formatDate(change.date)), ' · ',
    // A repealed article opens on its last day in force: the text that was cited.
    'Article ', articleLink(change.article.id, change.article.number), ` ${KIND_LABELS[change.kind]}`,
    ' — ', relationOf(change, article),
    by ? h('span', { class: 'amended-by' }, ` — par ${by}`) : null);
}

function renderResult(result: DependencyChanges, article: Article, maxDepth: number): HTMLElement[] {
  const total = h('p', { class: 'dependency-changes-total', role: 'status' },
    `${plural(result.totalCount, 'changement', 'changements')} du ${formatDate(result.since)} au ${formatDate(result.until)}, `,
    `dans cet article et les ${plural(result.dependencyCount, 'article', 'articles')} dont il dépend (jusqu’à ${plural(maxDepth, 'renvoi', 'renvois')}).`);
  const parts: HTMLElement[] = [total];
  if (result.untrackedCount > 0) {
    parts.push(h('p', { class: 'note', role: 'note' }, `${plural(result.untrackedCount, 'article', 'articles')} d’autres codes, sans historique dans ce graphe : leurs changements ne sont pas connus ici.`));
  }
  if (result.changes.length > 0) parts.push(h('ol', { class: 'dependency-change-list' }, result.changes.map((change) => renderChange(change, article))));
  if (result.totalCount > result.changes.length) parts.push(h('p', { class: 'note' }, `Les ${result.changes.length} plus récents sont affichés ; réduisez la période pour voir les autres.`));
  return parts;
}

/** The section, closed; it asks the API when opened, and again for each period chosen. */
export function renderDependencyChanges(article: Article, today: string): HTMLElement {
  const sinceInput = h('input', { type: 'text', id: 'dependency-changes-since', value: formatDate(yearBefore(today)), placeholder: 'jj/mm/aaaa', inputmode: 'numeric', size: 11, maxlength: 10 });
  const depthSelect = h('select', { id: 'dependency-changes-depth' }, DEPTHS.map((depth) => h('option', { value: String(depth), ...(depth === 3 ? { selected: true } : {}) }, String(depth))));
  const error = h('p', { class: 'dependency-changes-error', role: 'alert', hidden: true });
  const output = h('div', { class: 'dependency-changes-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'dependency-changes-form', novalidate: true },
    h('label', { for: 'dependency-changes-since' }, 'Depuis le'), ' ', sinceInput, ' ',
    h('label', { for: 'dependency-changes-depth' }, 'jusqu’à'), ' ', depthSelect, ' renvois ',
    h('button', { type: 'submit' }, 'Afficher'), error);
  let asked = 0;
  const show = async (since: string, maxDepth: number) => {
    const ask = ++asked;
    replaceChildren(output, h('p', { class: 'loading' }, 'Recherche des changements…'));
    try {
      const data = await requestGraphQL<{ dependencyChanges: DependencyChanges }>(QUERY, { id: article.id, since, maxDepth });
      if (ask === asked) replaceChildren(output, ...renderResult(data.dependencyChanges, article, maxDepth));
    } catch (failure) {
      if (ask === asked) replaceChildren(output, h('p', { class: 'error', role: 'alert' }, `Les changements n’ont pas pu être lus : ${(failure as Error).message}`));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const since = parseFrenchDate(sinceInput.value, CODE_START, today);
    if (!since.ok) {
      error.textContent = since.message;
      error.hidden = false;
      sinceInput.setAttribute('aria-invalid', 'true');
      return;
    }
    error.hidden = true;
    sinceInput.removeAttribute('aria-invalid');
    void show(since.iso, Number(depthSelect.value));
  });
  const details = h('details', { class: 'dependency-changes' },
    h('summary', {}, 'Ce qui a changé dans ce dont il dépend'),
    form,
    output,
    h('p', { class: 'feed-link' }, h('a', { href: articleFeedHref(article.id), type: 'application/atom+xml', class: 'feed' }, 'Suivre ces changements (flux Atom)')));
  details.addEventListener('toggle', () => {
    if (details.open && asked === 0) void show(yearBefore(today), 3);
  });
  return h('section', { class: 'dependency-changes-section', 'aria-label': 'Changements de ce dont il dépend' }, details);
}
