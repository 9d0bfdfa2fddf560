/**
 * The reading view of one article: breadcrumb, previous / next, status and dates, the text with
 * every reference live, then its links and versions. Everything from the data goes in as text.
 */
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { renderArticleText } from './article-text-view.ts';
import { renderLinkGroups, renderRelatedLinks } from './link-groups-view.ts';
import { renderVersions } from './versions-view.ts';
import { renderImpactPanel } from './impact-view.ts';
import { renderDependencyChanges } from './dependency-changes-view.ts';
import { renderLifeFacts } from './life-view.ts';
import { formatDate } from './french-date.ts';
import { STATUS_LABELS } from './labels.ts';
import { legiartiHref } from './legiarti-view.ts';
import { formatRoute } from './route.ts';
import type { Article, ArticleSummary } from './types.ts';

/** The sections holding the article, each a link to the table of contents opened there (at the date read). */
function renderBreadcrumb(article: Article, asOf: string | undefined): HTMLElement {
  const other = article.code && article.code.id !== 'CGCT' ? article.code : undefined;
  const place = { ...(other ? { code: other.folder } : {}), ...(asOf ? { asOf } : {}) };
  return h('nav', { class: 'breadcrumb', 'aria-label': 'Place dans le code' },
    h('ol', {},
      h('li', {}, h('a', { href: formatRoute({ view: 'toc', ...place }), title: 'Sommaire du code' }, other ? other.title : 'CGCT')),
      article.breadcrumb.map((section) => h('li', { title: section.kind }, h('a', { href: formatRoute({ view: 'toc', ...place, section: section.id }) }, section.title)))));
}

/** "Lien permanent": the address by Légifrance id, which still opens the article after a renumbering. */
function renderPermalink(article: Article): HTMLElement | false {
  if (!article.legiarti) return false;
  return h('p', { class: 'permalink' },
    h('a', { href: legiartiHref(article.legiarti), title: 'Adresse par l’identifiant Légifrance : elle reste valable si l’article change de numéro' }, 'Lien permanent'),
    ` (${article.legiarti})`);
}

/**
 * Another code than the CGCT comes without history: its page says which day its text stands as
 * of, and when another date was asked for, that this text is shown for it anyway.
 */
function renderSnapshotNote(article: Article, asOf: string | undefined): HTMLElement | false {
  if (!article.code || article.code.id === 'CGCT') return false;
  const when = article.snapshotDate ? `au ${formatDate(article.snapshotDate)}` : 'à une date que la source ne donne pas';
  const asked = asOf && asOf !== article.snapshotDate
    ? ` La date demandée (${formatDate(asOf)}) ne change rien : seul ce texte est connu ici, vérifiez sur Légifrance la version applicable à cette date.`
    : '';
  return h('p', { class: 'note snapshot-note', role: 'note' }, `${article.code.title} : texte en vigueur ${when}, sans historique dans ce graphe.${asked}`);
}

function renderCodeTitle(article: Article): HTMLElement | false {
  if (!article.code || article.code.id === 'CGCT') return false;
  const title = h('p', { class: 'code-title' }, article.code.title);
  if (article.code.legifranceUrl) {
    title.append(' · ', h('a', { href: article.code.legifranceUrl, class: 'external', rel: 'noopener noreferrer', target: '_blank' }, 'le code sur Légifrance ↗'));
  }
  return title;
}

function renderNeighbour(summary: ArticleSummary | null | undefined, rel: 'prev' | 'next'): HTMLElement {
  const label = rel === 'prev' ? '← Article précédent' : 'Article suivant →';
  if (!summary) return h('span', { class: `neighbour ${rel} none` }, label);
  const link = articleLink(summary.id, `${label} : ${summary.number}`, { class: `neighbour ${rel}`, rel, title: summary.excerpt });
  return link;
}

function renderValidity(article: Article): string {
  if (article.snapshotDate) return `Texte en vigueur au ${formatDate(article.snapshotDate)}`;
  if (article.validFrom && article.validTo) return `Version du ${formatDate(article.validFrom)} au ${formatDate(article.validTo)}`;
  if (article.validFrom) return `Version en vigueur depuis le ${formatDate(article.validFrom)}`;
  if (article.validTo) return `Version valable jusqu’au ${formatDate(article.validTo)}`;
  return 'Dates de validité inconnues';
}

/** The date read (undefined: today) and the server's today. */
export interface ReadingDate {
  asOf?: string;
  today: string;
}

/** Builds the whole reading view of an article. */
export function renderArticle(article: Article, { asOf, today }: ReadingDate): HTMLElement {
  const statusClass = `status status-${article.status.toLowerCase().replace(/_/g, '-')}`;
  const unresolved = article.references.filter((r) => r.resolution === 'UNRESOLVED').length;
  return h('article', { class: 'article', 'data-article-id': article.id },
    renderBreadcrumb(article, asOf),
    h('nav', { class: 'neighbours', 'aria-label': 'Articles voisins' }, renderNeighbour(article.previous, 'prev'), renderNeighbour(article.next, 'next')),
    h('header', { class: 'article-header' },
      h('h1', {}, `Article ${article.number}`),
      renderCodeTitle(article),
      h('p', { class: 'meta' }, h('span', { class: statusClass }, STATUS_LABELS[article.status] ?? article.status), ' · ', renderValidity(article)),
      article.snapshotDate === undefined || article.snapshotDate === null ? renderLifeFacts(article, asOf ?? today, today) : false,
      renderSnapshotNote(article, asOf),
      renderPermalink(article)),
    article.status === 'REPEALED' && h('p', { class: 'warning', role: 'note' }, 'Cet article est abrogé : vérifiez la version applicable à la date qui vous intéresse.'),
    renderArticleText(article),
    unresolved > 0 && h('p', { class: 'note' }, `${unresolved} référence${unresolved > 1 ? 's' : ''} non résolue${unresolved > 1 ? 's' : ''} dans ce texte (soulignée${unresolved > 1 ? 's' : ''} en pointillés rouges).`),
    renderLinkGroups(article),
    renderImpactPanel(article.id, asOf),
    renderRelatedLinks(article.relatedLinks),
    renderVersions(article.versions, { articleId: article.id, today, shownFrom: article.validFrom }),
    renderDependencyChanges(article, today),
  );
}
