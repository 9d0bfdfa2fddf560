/**
 * The impact panel of the article page: "if this article changes, what in the code is affected?".
 * Every article that cites it, directly or through a chain of citations, at the date read, by
 * distance (1, up to 2, up to 3, all the API follows), counted per distance over the whole walk,
 * listed by code and section; each entry opens its article, its tooltip names the citation that
 * carries the dependency; the whole list downloads as a CSV.
 */
import { articleLink } from './article-link.ts';
import { h, replaceChildren } from './dom.ts';
import { formatDate } from './french-date.ts';
import { fetchAllDependants, fetchImpact, type Dependant, type ImpactPage } from './impact-api.ts';
import { toImpactCsv } from './impact-csv.ts';
import { renderApiError } from './messages.ts';

// "Toutes": the deepest walk the API allows (limits.ts impactMaxDepth); `complete` says when the
// chain goes on beyond it.
const ALL_DEPTH = 5;
const PAGE_SIZE = 200;
const DEPTH_CHOICES: Array<[number, string]> = [[1, '1 (le citent directement)'], [2, 'jusqu’à 2'], [3, 'jusqu’à 3'], [ALL_DEPTH, 'toutes']];
const PROVENANCE_NOTES: Record<string, string> = { LINK: 'lien de Légifrance', METADATA: 'métadonnées de Légifrance' };

/** "L. 2131-1 cité par L. 2131-2 via « l'article L. 2131-1 »": the citation carrying the dependency. */
export function describeDependency(dependant: Dependant): string {
  const by = `${dependant.via.number} cité par ${dependant.article.number}`;
  if (dependant.citation) return `${by} via « ${dependant.citation} »`;
  const where = dependant.provenance.map((p) => PROVENANCE_NOTES[p]).filter(Boolean);
  return where.length ? `${by} (${where.join(', ')})` : by;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('fr-FR')} ${word}${count > 1 ? 's' : ''}`;
}

function renderCounts(page: ImpactPage, depth: number): HTMLElement {
  if (page.totalCount === 0) return h('p', { class: 'impact-counts', 'data-direct-count': 0 }, 'Aucun article ne cite celui-ci à cette date.');
  return h('div', { class: 'impact-counts', 'data-direct-count': page.directCount, 'data-total-count': page.totalCount },
    h('ul', {}, page.countsByDistance.map(({ distance, count }) =>
      h('li', { 'data-distance': distance }, distance === 1 ? `${plural(count, 'article')} le cite${count > 1 ? 'nt' : ''} directement` : `${plural(count, 'article')} à distance ${distance}`))),
    depth > 1 && h('p', {}, `Total : ${plural(page.totalCount, 'article')}.`),
    !page.complete && h('p', { class: 'note' }, depth < ALL_DEPTH
      ? 'D’autres articles en dépendent par des chaînes plus longues : choisissez une distance plus grande.'
      : `La chaîne de citations continue au-delà de la distance ${depth} : la liste s’arrête là.`));
}

function renderEntry(dependant: Dependant): HTMLElement {
  const tooltip = describeDependency(dependant);
  return h('li', { class: 'impact-entry', 'data-distance': dependant.distance, title: tooltip },
    articleLink(dependant.article.id, dependant.article.number, { class: dependant.article.status === 'REPEALED' ? 'node-link repealed' : 'node-link', title: tooltip }),
    dependant.distance > 1 && h('span', { class: 'impact-via' }, ` par ${dependant.via.number}`),
    h('span', { class: 'impact-distance' }, ` · distance ${dependant.distance}`));
}

// The listed dependants under their code and section, the groups in the order and with the counts
// of the whole walk (a group may hold more than the pages loaded so far).
function renderGroups(page: ImpactPage, listed: readonly Dependant[]): HTMLElement {
  const key = (code: string, section: string | undefined) => `${code}|${section ?? ''}`;
  const bySection = new Map<string, Dependant[]>();
  for (const dependant of listed) {
    const group = key(dependant.code.id, dependant.section?.id);
    bySection.set(group, [...(bySection.get(group) ?? []), dependant]);
  }
  const manyCodes = new Set(page.bySection.map((group) => group.code.id)).size > 1;
  let lastCode = '';
  const children: HTMLElement[] = [];
  for (const group of page.bySection) {
    const entries = bySection.get(key(group.code.id, group.section?.id));
    if (!entries) continue;
    if (manyCodes && group.code.id !== lastCode) children.push(h('h3', { class: 'impact-code' }, group.code.title));
    lastCode = group.code.id;
    children.push(h('section', { class: 'impact-group', 'data-section': group.section?.id ?? '' },
      h('h4', {}, `${group.section?.title ?? 'Hors du plan du code'} (${group.count})`),
      h('ul', {}, entries.map(renderEntry))));
  }
  return h('div', { class: 'impact-list' }, children);
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The panel for an article read at `asOf` (default today); it loads itself. */
export function renderImpactPanel(articleId: string, asOf?: string): HTMLElement {
  const depthSelect = h('select', { id: 'impact-depth', name: 'impact-distance' },
    DEPTH_CHOICES.map(([value, label]) => h('option', { value }, label)));
  const csvButton = h('button', { type: 'button', class: 'impact-csv' }, 'Télécharger la liste (CSV)');
  const body = h('div', { class: 'impact-body' }, h('p', { class: 'note' }, 'Chargement…'));
  const panel = h('section', { class: 'impact-panel', 'aria-labelledby': 'impact-title', 'data-state': 'loading' },
    h('h2', { id: 'impact-title' }, 'Ce qui dépend de cet article'),
    h('p', { class: 'note' }, `Les articles qui le citent, directement ou par une chaîne de citations, ${asOf ? `au ${formatDate(asOf)}` : 'aujourd’hui'}.`),
    h('div', { class: 'impact-controls' }, h('label', { for: 'impact-depth' }, 'Distance '), depthSelect, ' ', csvButton),
    body);

  // Each load is numbered so that a slow answer for an older choice never replaces a newer one.
  let generation = 0;
  const load = async (): Promise<void> => {
    const mine = ++generation;
    const depth = Number(depthSelect.value);
    panel.dataset.state = 'loading';
    try {
      const first = await fetchImpact(articleId, { maxDepth: depth, first: PAGE_SIZE, ...(asOf ? { asOf } : {}) });
      if (mine !== generation) return;
      const listed = [...first.dependants];
      let next = first.nextCursor;
      const more = h('button', { type: 'button', class: 'impact-more' });
      const draw = (): void => {
        more.textContent = `Afficher les suivants (${first.totalCount - listed.length} de plus)`;
        replaceChildren(body, renderCounts(first, depth), renderGroups(first, listed), next ? more : false);
      };
      more.addEventListener('click', async () => {
        if (!next) return;
        more.disabled = true;
        try {
          const page = await fetchImpact(articleId, { maxDepth: depth, first: PAGE_SIZE, after: next, ...(asOf ? { asOf } : {}) });
          if (mine !== generation) return;
          listed.push(...page.dependants);
          next = page.nextCursor;
          draw();
        } catch {
          more.textContent = 'Échec du chargement : réessayer';
        } finally {
          more.disabled = false;
        }
      });
      draw();
      panel.dataset.state = 'ready';
      // For bench/web-load.ts ("impact panel shown").
      performance.mark('impact-shown', { detail: { article: articleId, direct: first.directCount, total: first.totalCount } });
    } catch (error) {
      if (mine !== generation) return;
      panel.dataset.state = 'error';
      replaceChildren(body, renderApiError(error, () => void load()));
    }
  };
  depthSelect.addEventListener('change', () => void load());
  csvButton.addEventListener('click', async () => {
    csvButton.disabled = true;
    try {
      const all = await fetchAllDependants(articleId, { maxDepth: Number(depthSelect.value), ...(asOf ? { asOf } : {}) });
      download(toImpactCsv(all), `impact-${articleId.replace(/[^\w-]+/g, '_')}${asOf ? `-${asOf}` : ''}.csv`);
      csvButton.textContent = 'Télécharger la liste (CSV)';
    } catch {
      csvButton.textContent = 'Échec du téléchargement : réessayer';
    } finally {
      csvButton.disabled = false;
    }
  });
  void load();
  return panel;
}
