/**
 * The permalink by Légifrance id, `/legiarti/LEGIARTI000006389099`: the id stays with the article
 * across its versions, and the server follows a renumbering to the number in force, so the link
 * still opens the article after the code renumbered it. The page is replaced by the article's;
 * an id no article has gets a page saying so, in French, with the id's page on Légifrance.
 */
import { fetchArticleByLegiarti } from './api.ts';
import { h } from './dom.ts';
import { legifranceLink } from './legifrance-link.ts';
import { renderApiError } from './messages.ts';
import { formatRoute } from './route.ts';

// "LEGIARTI" and 12 digits, as Légifrance writes it (the server refuses anything else).
const LEGIARTI = /^LEGIARTI\d{12}$/;

/** The address of an article's permalink. */
export function legiartiHref(legiarti: string): string {
  return formatRoute({ view: 'legiarti', id: legiarti });
}

function renderUnknownId(raw: string, wellFormed: boolean): HTMLElement {
  return h('section', { class: 'message not-found legiarti-not-found', role: 'alert' },
    h('h1', {}, 'Identifiant Légifrance introuvable'),
    wellFormed
      ? [h('p', {}, `Aucun article de ce graphe ne porte l’identifiant ${raw}.`),
        h('p', {}, 'Il peut désigner un article d’un texte que ce graphe ne contient pas : ',
          legifranceLink(`https://www.legifrance.gouv.fr/codes/article_lc/${raw}`, 'le consulter sur Légifrance'), '.')]
      : h('p', {}, `« ${raw} » n’est pas un identifiant d’article Légifrance : il s’écrit LEGIARTI suivi de 12 chiffres (LEGIARTI000006389099).`),
    h('p', {}, h('a', { href: formatRoute({ view: 'toc' }) }, 'Parcourir le sommaire du code'), ' ou utiliser la recherche ci-dessus.'));
}

/**
 * Finds the article the id names and hands it to `openArticle` (which replaces the address);
 * returns the page to show instead when there is none, or when the server cannot be reached.
 */
export async function resolveLegiarti(raw: string, openArticle: (id: string) => void, retry: () => void): Promise<HTMLElement | null> {
  const id = raw.trim().toUpperCase();
  if (!LEGIARTI.test(id)) return renderUnknownId(raw.trim(), false);
  try {
    const article = await fetchArticleByLegiarti(id);
    if (!article) return renderUnknownId(id, true);
    openArticle(article.id);
    return null;
  } catch (error) {
    return renderApiError(error, retry);
  }
}
