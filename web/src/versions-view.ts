/** The versions of an article, newest first, each with its dates, amending text and its text. */
import { h } from './dom.ts';
import { formatDate } from './labels.ts';
import type { ArticleVersion } from './types.ts';

function period(version: ArticleVersion): string {
  const from = version.validFrom ? `du ${formatDate(version.validFrom)}` : 'date de début inconnue';
  const to = version.validTo ? ` au ${formatDate(version.validTo)}` : ' à aujourd’hui';
  return `Version ${from}${to}`;
}

/** The versions section; nothing when the graph holds no history for the article. */
export function renderVersions(versions: ArticleVersion[]): HTMLElement | null {
  if (!versions.length) return null;
  return h('section', { class: 'versions' },
    h('h2', {}, `Versions (${versions.length})`),
    h('ol', {}, versions.map((version) => h('li', {},
      h('details', {},
        h('summary', {}, period(version), version.amendedBy ? ` — ${version.amendedBy}` : ''),
        version.text.split(/\n[ \t]*\n/).map((paragraph) => h('p', {}, paragraph)))))));
}
