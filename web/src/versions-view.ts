/**
 * The versions of an article, newest first: for each, its dates, every amending text that made
 * it (with its date), the corpus its text was read from, a link to read the code on that day,
 * and its text; then a comparison of any two versions, chosen by the reader (words added and
 * removed).
 */
import { h, replaceChildren } from './dom.ts';
import { articleLink } from './article-link.ts';
import { renderTextBlocks } from './article-text-view.ts';
import { formatDate } from './french-date.ts';
import { legifranceLink } from './legifrance-link.ts';
import { diffWords } from './text-diff.ts';
import type { ArticleVersion } from './types.ts';

/** What the list needs besides the versions. */
export interface VersionsContext {
  /** The article whose versions these are. */
  articleId: string;
  /** The server's today: versions starting later are to come (deferred). */
  today: string;
  /** The start of the version shown on the page, if one is. */
  shownFrom?: string | null;
}

function period(version: ArticleVersion, today: string): string {
  const from = version.validFrom;
  if (!from) return version.validTo ? `Jusqu’au ${formatDate(version.validTo)}` : 'Dates inconnues';
  if (version.validTo) return `Du ${formatDate(from)} au ${formatDate(version.validTo)}`;
  return from > today ? `À partir du ${formatDate(from)}` : `Depuis le ${formatDate(from)}`;
}

function label(version: ArticleVersion): string {
  return version.validFrom ? `du ${formatDate(version.validFrom)}` : 'de date inconnue';
}

function renderVersion(version: ArticleVersion, context: VersionsContext): HTMLElement {
  const shown = !!version.validFrom && version.validFrom === context.shownFrom;
  const future = !!version.validFrom && version.validFrom > context.today;
  return h('li', { class: `version${shown ? ' shown' : ''}`, 'data-from': version.validFrom ?? '' },
    h('p', { class: 'version-head' },
      h('strong', {}, period(version, context.today)),
      future && h('span', { class: 'status status-deferred' }, 'à venir'),
      shown ? h('span', { class: 'version-shown' }, 'version affichée')
        : version.validFrom && articleLink(context.articleId, 'Lire à cette date', { class: 'version-read' }, version.validFrom)),
    version.amendments.length
      ? h('ul', { class: 'amendments', 'aria-label': 'Textes modificatifs' }, version.amendments.map((amendment) => h('li', {},
        h('span', { class: 'amendment-title' }, amendment.title),
        amendment.date && amendment.date !== version.validFrom ? h('span', { class: 'note' }, ` (en vigueur le ${formatDate(amendment.date)})`) : null)))
      : h('p', { class: 'note' }, 'Texte modificatif inconnu.'),
    // What Légifrance's "Liens relatifs" say made this version: « Modifié par : Loi n° … - art. 14 (V) ».
    version.enactedBy?.map((e) => h('p', { class: 'enacted-by' },
      `${e.heading ?? 'Texte'} : `,
      e.text.url ? legifranceLink(e.text.url, e.text.title || e.text.label) : e.text.title || e.text.label,
      `${e.article ? ` - art. ${e.article}` : ''}${e.status ? ` (${e.status})` : ''}`)),
    version.source && h('p', { class: 'provenance note' }, `Texte lu dans : ${version.source}`),
    h('details', {},
      h('summary', {}, 'Texte de cette version'),
      renderTextBlocks(version.text)));
}

function renderDiff(older: ArticleVersion, newer: ArticleVersion): HTMLElement {
  const runs = diffWords(older.text, newer.text);
  if (!runs) return h('p', { class: 'note' }, 'Textes trop longs pour afficher les différences.');
  if (runs.every((run) => run.kind === 'same')) return h('p', { class: 'note' }, 'Les deux versions ont le même texte.');
  return h('div', { class: 'diff' },
    h('p', { class: 'note' }, `Ce qui change de la version ${label(older)} à la version ${label(newer)} (ajouts soulignés, suppressions barrées) :`),
    // Paragraph breaks are kept (white-space: pre-wrap), since an amendment often adds a paragraph.
    h('div', { class: 'diff-text' }, runs.map((run) => (run.kind === 'same' ? run.text : h(run.kind === 'added' ? 'ins' : 'del', {}, run.text)))));
}

/** Two lists of the versions and the differences between the two chosen, updated as they change. */
function renderComparison(versions: ArticleVersion[], context: VersionsContext): HTMLElement {
  const shownIndex = Math.max(0, versions.findIndex((v) => v.validFrom === context.shownFrom));
  const select = (id: string, chosen: number) => h('select', { id, name: id },
    versions.map((version, i) => h('option', { value: String(i), selected: i === chosen }, label(version))));
  // By default: the version shown against the one before it (versions are newest first), or,
  // when it is the oldest, against the one after it.
  const older = Math.min(shownIndex + 1, versions.length - 1);
  const from = select('diff-from', older);
  const to = select('diff-to', older === shownIndex ? shownIndex - 1 : shownIndex);
  const output = h('div', { class: 'diff-output', 'aria-live': 'polite' });
  const update = (): void => {
    const older = versions[Number(from.value)]!;
    const newer = versions[Number(to.value)]!;
    replaceChildren(output, from.value === to.value ? h('p', { class: 'note' }, 'Choisissez deux versions différentes.') : renderDiff(older, newer));
  };
  from.addEventListener('change', update);
  to.addEventListener('change', update);
  update();
  return h('div', { class: 'version-diff' },
    h('h3', {}, 'Comparer deux versions'),
    h('p', { class: 'diff-choice' },
      h('label', { for: 'diff-from' }, 'Version '), from, ' ',
      h('label', { for: 'diff-to' }, 'comparée à la version '), to),
    output);
}

/** The versions section; nothing when the graph holds no history for the article. */
export function renderVersions(versions: ArticleVersion[], context: VersionsContext): HTMLElement | null {
  if (!versions.length) return null;
  return h('section', { class: 'versions', 'aria-label': 'Versions' },
    h('h2', {}, `Versions (${versions.length})`),
    h('ol', { class: 'version-list' }, versions.map((version) => renderVersion(version, context))),
    versions.length > 1 && renderComparison(versions, context));
}
