/**
 * The versions of an article, newest first, each with its dates, the amending text, its text,
 * and what changed from the version before it (words added and removed).
 */
import { h } from './dom.ts';
import { formatDate } from './labels.ts';
import { diffWords } from './text-diff.ts';
import type { ArticleVersion } from './types.ts';

function period(version: ArticleVersion): string {
  const from = version.validFrom ? `du ${formatDate(version.validFrom)}` : 'date de début inconnue';
  const to = version.validTo ? ` au ${formatDate(version.validTo)}` : ' à aujourd’hui';
  return `Version ${from}${to}`;
}

function renderDiff(older: ArticleVersion, newer: ArticleVersion): HTMLElement {
  const runs = diffWords(older.text, newer.text);
  if (!runs) return h('p', { class: 'note' }, 'Textes trop longs pour afficher les différences.');
  if (runs.every((run) => run.kind === 'same')) return h('p', { class: 'note' }, 'Texte identique à la version précédente.');
  return h('div', { class: 'diff' },
    h('p', { class: 'note' }, 'Modifications par rapport à la version précédente (ajouts soulignés, suppressions barrées) :'),
    h('p', {}, runs.map((run) => (run.kind === 'same' ? run.text : h(run.kind === 'added' ? 'ins' : 'del', {}, run.text)))));
}

/** The versions section; nothing when the graph holds no history for the article. */
export function renderVersions(versions: ArticleVersion[]): HTMLElement | null {
  if (!versions.length) return null;
  return h('section', { class: 'versions' },
    h('h2', {}, `Versions (${versions.length})`),
    h('ol', {}, versions.map((version, i) => h('li', {},
      h('details', {},
        h('summary', {}, period(version), version.amendedBy ? ` — ${version.amendedBy}` : ''),
        version.text.split(/\n[ \t]*\n/).map((paragraph) => h('p', {}, paragraph)),
        versions[i + 1] ? renderDiff(versions[i + 1]!, version) : null)))));
}
