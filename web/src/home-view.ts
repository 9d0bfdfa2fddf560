/**
 * The home page: what the tool does, the graph's counts, its most cited articles, and the way to
 * the references that lead nowhere.
 */
import { fetchStats } from './api.ts';
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { formatRoute } from './route.ts';

/** Builds the home page; the counts are left out when the API does not answer. */
export async function renderHome(): Promise<HTMLElement> {
  let stats;
  try {
    stats = await fetchStats();
  } catch {
    stats = undefined;
  }
  return h('section', { class: 'home' },
    h('h1', {}, 'Code général des collectivités territoriales'),
    h('p', {}, 'Cherchez un article par son numéro, dans n’importe quelle notation (L. 2131-1, L2131-1, l2131-1) ou par des mots ; lisez-le avec chaque référence cliquable, et voyez à côté le graphe de ce qu’il cite et de ce qui le cite.'),
    stats
      // Today's code: the graph also holds every article that ever was (repealed, to come).
      ? [h('p', { class: 'home-counts' }, `Aujourd’hui : ${stats.articlesInForce.toLocaleString('fr-FR')} articles en vigueur, ${stats.citations.toLocaleString('fr-FR')} citations ; ${stats.articles.toLocaleString('fr-FR')} articles dans l’historique du code.`),
        stats.mostCited.length > 0 && h('h2', {}, 'Articles les plus cités'),
        h('ol', { class: 'most-cited' }, stats.mostCited.map((entry) => h('li', {}, articleLink(entry.article.id, `Article ${entry.article.number}`), ` — cité ${entry.count} fois`)))]
      : h('p', { class: 'note', role: 'status' }, 'Les statistiques du graphe sont indisponibles : le serveur ne répond pas.'),
    h('h2', {}, 'Suivre le code'),
    h('p', {}, h('a', { href: formatRoute({ view: 'changes' }) }, 'Modifications du code'),
      ' : les lois, ordonnances et décrets appliqués au code sur une période, avec les articles créés, modifiés ou abrogés.'),
    h('p', {}, h('a', { href: formatRoute({ view: 'unresolved' }) }, 'Renvois non résolus'),
      ' : les articles cités aujourd’hui qui ne mènent à aucun article en vigueur (abrogés, pas encore en vigueur, hors du code ou inexistants), avec les articles proches et ceux qui les citent.'),
    renderDownloads());
}

// The server's export (server/export/export-routes.ts): files, not pages of the app (`download`).
const EXPORT_FORMATS = [['graphml', 'GraphML (Gephi, yEd, networkx)'], ['csv', 'CSV (tableur)'], ['json', 'JSON']] as const;

/** « Télécharger le graphe des citations »: the CGCT's, today, in each format. */
function renderDownloads(): HTMLElement[] {
  return [
    h('h2', {}, 'Télécharger le graphe des citations'),
    h('p', {}, 'Tous les articles du CGCT en vigueur aujourd’hui et leurs citations (article, code, numéro, statut, section ; type, provenance, dates de validité), pour un outil d’analyse de graphes ou un tableur : ',
      EXPORT_FORMATS.flatMap(([format, label], index) => [index > 0 ? ', ' : '', h('a', { href: `/export/graphe-des-citations.${format}?code=CGCT`, download: '', class: 'download' }, label)]),
      '. Une autre date : ajoutez « &date=AAAA-MM-JJ » à l’adresse ; tous les codes chargés : retirez « code=CGCT ».'),
  ];
}
