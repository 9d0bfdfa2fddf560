/**
 * The table of contents page (`/sommaire`): the whole code as a tree of sections that open and
 * close (<details>, so the keyboard and a screen reader know them), each with how many articles in
 * force it holds, the articles of a section listed under it. `/sommaire/<section id>` opens the
 * tree down to that section and scrolls to it; an article's breadcrumb leads there.
 */
import { fetchTableOfContents } from './api.ts';
import { articleLink } from './article-link.ts';
import { h } from './dom.ts';
import { formatDate } from './french-date.ts';
import { renderApiError } from './messages.ts';
import { formatRoute } from './route.ts';
import { formatArticleCount } from './toc-count.ts';
import type { TocSection } from './types.ts';

/** The page's address: which code, at which date. */
export interface TocPlace {
  code?: string;
  asOf?: string;
}

function renderSection(section: TocSection, place: TocPlace): HTMLElement {
  const shown = section.sections.filter((child): child is TocSection => child.title !== undefined);
  const beyond = section.sections.filter((child) => child.title === undefined);
  const sectionHref = formatRoute({ view: 'toc', ...place, section: section.id });
  const summary = h('summary', {},
    h('span', { class: 'toc-title' }, section.title),
    ' ', h('span', { class: 'toc-count' }, formatArticleCount(section.articleCount)),
    // A link to copy: the tree opened at this section.
    ' ', h('a', { href: sectionHref, class: 'toc-anchor', title: 'Lien vers cette section du sommaire', 'aria-label': `Lien vers « ${section.title} »` }, '#'));
  return h('details', { class: `toc-section kind-${section.kind}`, 'data-section-id': section.id }, summary,
    beyond.length > 0 && h('p', { class: 'toc-beyond' }, `${beyond.length} subdivision${beyond.length > 1 ? 's' : ''} plus profonde${beyond.length > 1 ? 's' : ''}, non affichée${beyond.length > 1 ? 's' : ''} ici.`),
    shown.length > 0 && h('ul', { class: 'toc-sections' }, shown.map((child) => h('li', {}, renderSection(child, place)))),
    section.articles.length > 0 && h('ol', { class: 'toc-articles' }, section.articles.map((article) => h('li', {},
      articleLink(article.id, `Article ${article.number}`, { class: article.status === 'REPEALED' ? 'repealed' : 'toc-article', ...(article.status === 'REPEALED' ? { title: 'Article abrogé' } : {}) }, place.asOf)))));
}

function setAllOpen(tree: HTMLElement, open: boolean): void {
  for (const details of tree.querySelectorAll('details')) details.open = open;
}

/** Builds the page (the tree closed); `revealTocSection` opens it at a section once it is on screen. */
export async function renderTableOfContents(place: TocPlace, retry: () => void): Promise<HTMLElement> {
  let sections: TocSection[];
  let today: string;
  let title: string;
  try {
    ({ sections, today, title } = await fetchTableOfContents(place.code, place.asOf));
  } catch (error) {
    return renderApiError(error, retry);
  }
  const tree = h('ul', { class: 'toc-tree' }, sections.map((section) => h('li', {}, renderSection(section, place))));
  const total = sections.reduce((sum, section) => sum + section.articleCount, 0);
  return h('section', { class: 'toc-page', 'aria-labelledby': 'toc-heading' },
    h('h1', { id: 'toc-heading' }, `Sommaire — ${title}`),
    h('p', { class: 'toc-summary' }, `${formatArticleCount(total)} en vigueur ${place.asOf ? `le ${formatDate(place.asOf)}` : `aujourd’hui (${formatDate(today)})`}.`),
    sections.length === 0
      ? h('p', { class: 'empty' }, 'Ce code n’a pas de sommaire dans ce graphe.')
      : [h('p', { class: 'toc-controls' }, button('Tout déplier', () => setAllOpen(tree, true)), ' ', button('Tout replier', () => setAllOpen(tree, false))), tree]);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = h('button', { type: 'button' }, label);
  element.addEventListener('click', onClick);
  return element;
}

/**
 * Opens the tree down to `sectionId` and scrolls to it, once the page is on screen; says so when
 * the tree has no such section (an address from an older table of contents).
 */
export function revealTocSection(page: HTMLElement, sectionId: string): void {
  const tree = page.querySelector<HTMLElement>('.toc-tree');
  if (!tree) return;
  const target = [...tree.querySelectorAll<HTMLDetailsElement>('details[data-section-id]')].find((details) => details.dataset.sectionId === sectionId);
  if (!target) {
    tree.before(h('p', { class: 'note toc-missing', role: 'note' }, `Aucune section « ${sectionId} » dans ce sommaire : voici le sommaire entier.`));
    return;
  }
  for (let details: HTMLDetailsElement | null = target; details; details = details.parentElement?.closest('details') ?? null) details.open = true;
  target.classList.add('toc-target');
  const summary = target.querySelector('summary')!;
  summary.setAttribute('aria-current', 'location');
  summary.scrollIntoView({ block: 'start' });
  summary.focus({ preventScroll: true });
}
