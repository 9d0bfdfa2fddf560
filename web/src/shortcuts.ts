/** Keyboard shortcuts of the whole page, and their description shown in the page. */
import { h } from './dom.ts';

/** What the shortcuts act on. */
export interface ShortcutActions {
  focusSearch: () => void;
  focusGraph: () => void;
  fitGraph: () => void;
}

/** The shortcuts as the page documents them. */
export const SHORTCUTS: readonly [string, string][] = [
  ['/', 'aller à la recherche'],
  ['↑ ↓ puis Entrée', 'choisir une suggestion et l’ouvrir'],
  ['p / n', 'article précédent / suivant'],
  ['g', 'aller au graphe ; puis ← → pour parcourir les nœuds, Entrée pour ouvrir, + pour déplier'],
  ['f', 'recentrer le graphe'],
  ['Échap', 'fermer les suggestions ou l’aperçu'],
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Listens for the shortcuts (ignored while typing in a field). */
export function installShortcuts(actions: ShortcutActions): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const click = (selector: string): void => (document.querySelector(selector) as HTMLElement | null)?.click();
    switch (event.key) {
      case '/': actions.focusSearch(); break;
      case 'g': actions.focusGraph(); break;
      case 'f': actions.fitGraph(); break;
      case 'p': click('a.neighbour.prev'); break;
      case 'n': click('a.neighbour.next'); break;
      default: return;
    }
    event.preventDefault();
  });
}

/** The list of shortcuts, for the page's footer. */
export function renderShortcutHelp(): HTMLElement {
  return h('section', { id: 'raccourcis', class: 'shortcuts' },
    h('h2', {}, 'Raccourcis clavier'),
    h('dl', {}, SHORTCUTS.flatMap(([key, what]) => [h('dt', {}, h('kbd', {}, key)), h('dd', {}, what)])));
}
