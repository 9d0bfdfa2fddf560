/**
 * The page's controller: reads the address, shows the view it names, and turns every user action
 * into a new address (History API), so back / forward and copied links reproduce the view.
 */
import { fetchArticle, fetchArticleLife } from './api.ts';
import { h, replaceChildren } from './dom.ts';
import { renderArticle } from './article-view.ts';
import { renderNotFound } from './not-found-view.ts';
import { renderSearchResults } from './search-view.ts';
import { renderHome } from './home-view.ts';
import { renderUnresolved } from './unresolved-view.ts';
import { renderChanges } from './changes-view.ts';
import { renderTableOfContents, revealTocSection } from './toc-view.ts';
import { resolveLegiarti } from './legiarti-view.ts';
import { renderApiError } from './messages.ts';
import { createSearchBox } from './search-box.ts';
import { installReferencePreview } from './reference-preview.ts';
import { installShortcuts } from './shortcuts.ts';
import { createDateForm } from './date-form.ts';
import { formatDate } from './french-date.ts';
import { renderNotInForce } from './life-view.ts';
import { createDefaultGraphState, formatRoute, parseRoute, type GraphState, type Route, splitKey } from './route.ts';
import type { GraphPanel } from './graph-panel.ts';
import { normalizeArticleKey } from '../../ingest/article-id.ts';

/** Starts the application in the page's #app element. */
export function startApp(root: HTMLElement): void {
  const reading = h('div', { class: 'reading', id: 'reading', tabindex: -1 });
  const aside = h('aside', { class: 'graph-column', hidden: true });
  let route: Route = parseRoute(location.pathname, location.search);
  let shownArticle = '';
  let panel: GraphPanel | undefined;
  // The graph code (Cytoscape) is a separate chunk: the text shows while it loads.
  let panelLoading: Promise<GraphPanel> | undefined;

  const navigate = (next: Route, replace = false): void => {
    const url = formatRoute(next);
    if (replace) history.replaceState(null, '', url);
    else if (url !== location.pathname + location.search) history.pushState(null, '', url);
    void render(parseRoute(location.pathname, location.search));
  };
  const openArticle = (id: string): void => {
    // Moving to another article keeps the panel's settings but not what was expanded around the old one.
    const graph = route.view === 'article' ? { ...route.graph, expanded: [], folded: [], pathTo: undefined } : createDefaultGraphState();
    delete graph.pathTo;
    // The date the code is read at stays while the reader follows references.
    navigate({ view: 'article', id, graph, ...(route.view === 'article' && route.asOf ? { asOf: route.asOf } : {}) });
  };
  const changeGraph = (update: Partial<GraphState>): void => {
    if (route.view !== 'article') return;
    const graph: GraphState = { ...route.graph, ...update };
    if (!graph.pathTo) delete graph.pathTo;
    if (update.depth || update.direction || update.types) {
      graph.expanded = [];
      graph.folded = [];
    }
    navigate({ ...route, graph });
  };
  const search = createSearchBox({ openArticle, showResults: (query) => navigate({ view: 'search', query }) });

  const loadPanel = (): Promise<GraphPanel> => {
    panelLoading ??= import('./graph-panel.ts').then(({ createGraphPanel }) => {
      panel = createGraphPanel({ openArticle, changeState: changeGraph });
      aside.append(panel.element);
      return panel;
    });
    return panelLoading;
  };

  const changeDate = (asOf: string | undefined): void => {
    if (route.view !== 'article') return;
    const next: Route = { ...route, graph: { ...route.graph, expanded: [], folded: [] } };
    if (asOf) next.asOf = asOf;
    else delete next.asOf;
    navigate(next);
  };

  const showGraph = async (id: string, graph: GraphState, asOf: string | undefined): Promise<void> => {
    aside.hidden = false;
    try {
      await (await loadPanel()).show(id, graph, asOf);
    } catch (error) {
      // A bug, not an API failure (those are shown inside the panel): keep the text readable.
      console.error(error);
      replaceChildren(aside, h('p', { class: 'message api-error', role: 'alert' }, 'Le graphe n’a pas pu être chargé. Rechargez la page.'));
    }
  };

  const render = async (next: Route): Promise<void> => {
    route = next;
    if (next.view === 'legiarti') {
      aside.hidden = true;
      shownArticle = '';
      replaceChildren(reading, h('p', { class: 'loading' }, `Recherche de l’article ${next.id}…`));
      // Found: the article's own address replaces the permalink (back does not loop through it).
      const view = await resolveLegiarti(next.id, (id) => navigate({ view: 'article', id, graph: createDefaultGraphState() }, true), () => void render(next));
      if (!view || route !== next) return;
      replaceChildren(reading, view);
      document.title = 'Identifiant Légifrance introuvable — CGCT';
      return;
    }
    if (next.view !== 'article') {
      aside.hidden = true;
      shownArticle = '';
      replaceChildren(reading, h('p', { class: 'loading' }, 'Chargement…'));
      const retry = (): void => void render(next);
      const view = next.view === 'search' ? await renderSearchResults(next.query, retry)
        : next.view === 'unresolved' ? await renderUnresolved(retry)
        : next.view === 'changes' ? await renderChanges(next, retry, (period) => navigate({ view: 'changes', ...period }))
        : next.view === 'toc' ? await renderTableOfContents(next, retry)
        : await renderHome();
      if (route !== next) return;
      replaceChildren(reading, view);
      if (next.view === 'toc') {
        if (next.section) revealTocSection(view, next.section);
        else window.scrollTo(0, 0);
        // For the benchmark (bench/web-load.ts): the tree is on screen.
        performance.mark('toc-shown');
      }
      document.title = next.view === 'search' ? `Recherche « ${next.query} » — CGCT`
        : next.view === 'unresolved' ? 'Renvois non résolus — CGCT'
        : next.view === 'changes' ? 'Modifications du code — CGCT'
        : next.view === 'toc' ? 'Sommaire — CGCT'
        : 'CGCT — graphe des citations';
      return;
    }
    // "/articles/l.%202131-1" becomes the canonical "/articles/L2131-1" without a new history entry.
    // Another code's article ("code-de-lurbanisme:L300-5") is named by its key; the server normalizes its number.
    const { code } = splitKey(next.id);
    const id = code ? next.id : normalizeArticleKey(next.id);
    if (id && id !== next.id) return navigate({ ...next, id }, true);
    // The same article under an older address ("/articles/R2131-1%20A"): the clean one replaces it.
    const canonical = formatRoute(next);
    if (id && new URL(canonical, location.href).pathname !== location.pathname) history.replaceState(null, '', canonical);
    const shownKey = `${next.id}@${next.asOf ?? ''}`;
    if (shownArticle === shownKey) return showGraph(next.id, next.graph, next.asOf);
    replaceChildren(reading, h('p', { class: 'loading' }, `Chargement de l’article ${next.id}…`));
    const graphReady = id ? showGraph(next.id, next.graph, next.asOf) : Promise.resolve();
    let article;
    let today;
    let life = null;
    try {
      ({ article, today } = id ? await fetchArticle(id, next.asOf) : { article: null, today: '' });
      // Not in force on that date: its life says why, if the graph ever held the number.
      if (id && !article) ({ life, today } = await fetchArticleLife(id));
    } catch (error) {
      if (route !== next) return;
      aside.hidden = true;
      replaceChildren(reading, renderApiError(error, () => void render(next)));
      return;
    }
    if (route !== next) return;
    const dateForm = createDateForm(next.asOf, today, changeDate);
    if (!article && life) {
      aside.hidden = true;
      shownArticle = '';
      document.title = `Article ${life.number} — pas en vigueur ${next.asOf ? `le ${formatDate(next.asOf)}` : 'aujourd’hui'} — CGCT`;
      replaceChildren(reading, dateForm, renderNotInForce(life, next.asOf, today));
      return;
    }
    if (!article) {
      aside.hidden = true;
      shownArticle = '';
      document.title = 'Article introuvable — CGCT';
      const view = await renderNotFound(next.id);
      if (route === next) replaceChildren(reading, view);
      return;
    }
    shownArticle = shownKey;
    document.title = `Article ${article.number}${next.asOf ? ` au ${formatDate(next.asOf)}` : ''} — ${article.code && article.code.id !== 'CGCT' ? article.code.title : 'CGCT'}`;
    replaceChildren(reading, dateForm, renderArticle(article, { asOf: next.asOf, today }));
    window.scrollTo(0, 0);
    // For the benchmark: when the text is on screen (bench/web-load.ts reads the marks).
    performance.mark('article-shown', { detail: article.id });
    await graphReady;
  };

  const header = h('header', { class: 'site-header' },
    h('a', { href: '/', class: 'site-title' }, 'CGCT', h('span', {}, ' — graphe des citations')),
    search.form,
    h('a', { href: formatRoute({ view: 'toc' }), class: 'header-link' }, 'Sommaire'),
    h('a', { href: formatRoute({ view: 'changes' }), class: 'header-link' }, 'Modifications'),
    h('a', { href: formatRoute({ view: 'unresolved' }), class: 'header-link' }, 'Renvois non résolus'),
    h('a', { href: '#raccourcis', class: 'shortcuts-link' }, 'Raccourcis clavier'));
  replaceChildren(root, header, h('main', { class: 'layout' }, reading, aside));
  installReferencePreview();
  installShortcuts({ focusSearch: () => search.input.focus(), focusGraph: () => panel?.focus(), fitGraph: () => panel?.fit() });

  // Same-site links are followed without reloading the page (modifier keys keep the browser's way).
  document.addEventListener('click', (event) => {
    // A feed (type application/atom+xml) is the server's document, not a page of the app.
    const link = (event.target as Element).closest?.('a[href^="/"]:not([type="application/atom+xml"])');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.hasAttribute('download')) return;
    event.preventDefault();
    const url = new URL((link as HTMLAnchorElement).href);
    const target = parseRoute(url.pathname, url.search);
    // A reference followed while reading at a date opens its target at that same date.
    if (target.view === 'article' && !target.asOf && route.view === 'article' && route.asOf) target.asOf = route.asOf;
    navigate(target);
  });
  window.addEventListener('popstate', () => void render(parseRoute(location.pathname, location.search)));
  void render(route);
}
