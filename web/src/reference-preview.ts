/**
 * The preview shown when a reference in the text is hovered or focused: the first lines of the
 * target article (fetched lazily, once), or why an unresolved reference did not resolve and the
 * closest articles, or which other text an external reference belongs to.
 */
import { fetchExcerpt } from './api.ts';
import { h, replaceChildren } from './dom.ts';
import { STATUS_LABELS } from './labels.ts';
import { articleLink } from './article-link.ts';
import type { ArticleStatus } from './types.ts';

let tooltip: HTMLElement | undefined;
let current: Element | undefined;

function place(anchor: Element): void {
  if (!tooltip) return;
  const box = anchor.getBoundingClientRect();
  tooltip.hidden = false;
  const width = tooltip.offsetWidth;
  tooltip.style.left = `${Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - width - 8))}px`;
  tooltip.style.top = `${window.scrollY + box.bottom + 6}px`;
}

async function show(anchor: Element): Promise<void> {
  if (!tooltip || current === anchor) return;
  current = anchor;
  anchor.setAttribute('aria-describedby', tooltip.id);
  const pinpoints = anchor.getAttribute('data-pinpoints');
  const pinpointLine = pinpoints ? h('p', { class: 'preview-pinpoints' }, `Partie visée : ${pinpoints}`) : null;
  const articleId = anchor.getAttribute('data-preview');
  if (articleId) {
    replaceChildren(tooltip, h('p', { class: 'preview-title' }, articleId), h('p', {}, 'Chargement…'));
    place(anchor);
    try {
      const excerpt = await fetchExcerpt(articleId);
      if (current !== anchor) return;
      replaceChildren(tooltip, excerpt
        ? [h('p', { class: 'preview-title' }, `Article ${excerpt.number} · ${STATUS_LABELS[excerpt.status as ArticleStatus] ?? excerpt.status}`), pinpointLine, h('p', { class: 'preview-excerpt' }, excerpt.excerpt)]
        : [h('p', { class: 'preview-title' }, articleId), h('p', {}, 'Article introuvable.')]);
    } catch {
      if (current !== anchor) return;
      replaceChildren(tooltip, h('p', { class: 'preview-title' }, articleId), h('p', {}, 'Aperçu indisponible : le serveur ne répond pas.'));
    }
    place(anchor);
    return;
  }
  if (anchor.classList.contains('ref-unresolved')) {
    const candidates = anchor.getAttribute('data-candidates');
    const numberArticle = anchor.getAttribute('data-number-article');
    replaceChildren(tooltip,
      h('p', { class: 'preview-title' }, `Référence non résolue : ${anchor.getAttribute('data-target') ?? ''}`),
      h('p', {}, `Raison : ${anchor.getAttribute('data-reason') ?? 'inconnue'}.`),
      // A repealed or future number: its own page tells its life (the date being read is kept).
      numberArticle && h('p', {}, 'Voir l’article ', articleLink(numberArticle, numberArticle, { class: 'number-article' }), ' et ses versions.'),
      // The candidates are links: the preview stays open while the pointer is on it.
      candidates
        ? h('p', {}, 'Articles proches : ', candidates.split(', ').flatMap((id, i) => [i ? ', ' : '', articleLink(id, id)]), '.')
        : h('p', {}, 'Aucun article proche.'));
  } else {
    replaceChildren(tooltip,
      h('p', { class: 'preview-title' }, `Texte extérieur au CGCT : ${anchor.getAttribute('data-code') ?? ''}`),
      h('p', {}, anchor.getAttribute('data-target') ?? ''), pinpointLine);
  }
  place(anchor);
}

function hide(): void {
  if (!tooltip) return;
  current?.removeAttribute('aria-describedby');
  current = undefined;
  tooltip.hidden = true;
}

function referenceOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest('.ref') : null;
}

/** Installs the preview once for the whole page (references are found by event delegation). */
export function installReferencePreview(): void {
  tooltip = h('div', { id: 'reference-preview', class: 'preview', role: 'tooltip', hidden: true });
  document.body.append(tooltip);
  // Hiding waits a moment, so the pointer can cross the gap to the preview and click a candidate.
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const onEnter = (event: Event): void => {
    if (tooltip!.contains(event.target as Node)) return clearTimeout(hideTimer);
    const anchor = referenceOf(event.target);
    if (!anchor) return;
    clearTimeout(hideTimer);
    void show(anchor);
  };
  const onLeave = (event: Event): void => {
    const to = (event as MouseEvent | FocusEvent).relatedTarget;
    const inside = (node: Node | null | undefined): boolean => to instanceof Node && !!node?.contains(to);
    const anchor = referenceOf(event.target) ?? (tooltip!.contains(event.target as Node) ? current : null);
    if (anchor && anchor === current && !inside(anchor) && !inside(tooltip)) {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 300);
    }
  };
  document.addEventListener('mouseover', onEnter);
  document.addEventListener('focusin', onEnter);
  document.addEventListener('mouseout', onLeave);
  document.addEventListener('focusout', onLeave);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  // A navigation replaces the text under the preview.
  window.addEventListener('popstate', hide);
  document.addEventListener('click', hide);
}
