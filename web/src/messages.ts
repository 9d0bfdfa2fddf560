/** The page's messages when something is missing or down: never a blank screen. */
import { ApiError } from './graphql-client.ts';
import { h } from './dom.ts';

/** The API could not answer: say so, and offer to try again. */
export function renderApiError(error: unknown, retry: () => void): HTMLElement {
  const detail = error instanceof ApiError ? error.message : 'Erreur inattendue.';
  const title = error instanceof ApiError && error.kind === 'graphql' ? 'La requête a échoué' : 'Service indisponible';
  const button = h('button', { type: 'button' }, 'Réessayer');
  button.addEventListener('click', retry);
  return h('section', { class: 'message api-error', role: 'alert' },
    h('h1', {}, title),
    h('p', {}, `Le serveur du graphe ne répond pas pour l’instant. ${detail}`),
    h('p', {}, button));
}
