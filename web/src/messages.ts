/** The page's messages when something is missing or down: never a blank screen. */
import { ApiError } from './graphql-client.ts';
import { h } from './dom.ts';

/** The API could not answer: say so, and offer to try again. */
export function renderApiError(error: unknown, retry: () => void): HTMLElement {
  const refused = error instanceof ApiError && error.kind === 'graphql';
  const detail = error instanceof ApiError ? error.message : 'erreur inattendue';
  const title = refused ? 'La requête a échoué' : 'Service indisponible';
  const explanation = refused
    ? `Le serveur a refusé la demande : ${detail}.`
    : `Le serveur du graphe ne répond pas pour l’instant (${detail}). Réessayez dans un moment.`;
  const button = h('button', { type: 'button' }, 'Réessayer');
  button.addEventListener('click', retry);
  return h('section', { class: 'message api-error', role: 'alert' },
    h('h1', {}, title),
    h('p', {}, explanation),
    h('p', {}, button));
}
