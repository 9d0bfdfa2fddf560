/**
 * An article's life: its periods in force, its repeal, its other numbers (« anciennement
 * L. 1114-1 », « devenu L. 1115-1 le 30/07/2004 », both links), and the page shown instead of the
 * text when the article is not in force on the date read, with the versions in force just
 * before and just after that date.
 */
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { dayBefore, formatDate } from './french-date.ts';
import { describeNotYet, describePeriod, describeRepeal, sentence } from './life-text.ts';
import { STATUS_LABELS } from './labels.ts';
import { renderVersions } from './versions-view.ts';
import type { ArticleLife, ArticleVersion, Renumbering } from './types.ts';

// The date a renumbering link opens at: the reading date when the other number was in force
// then, else the last day of the old number or the first day of the new one. Today stays out of
// the address.
function renumberingLink(renumbering: Renumbering, readingDate: string, today: string, way: 'former' | 'new'): HTMLElement {
  const { date } = renumbering;
  const asOf = !date ? readingDate : way === 'former' ? (readingDate >= date ? dayBefore(date) : readingDate) : readingDate < date ? date : readingDate;
  return articleLink(renumbering.article.id, renumbering.article.number, { class: 'renumbering-link' }, asOf === today ? undefined : asOf);
}

function inForceOn(life: ArticleLife, date: string): boolean {
  return life.periods.some((period) => period.from <= date && (!period.to || period.to > date));
}

/**
 * The lines of an article's life; `readingDate` is the date read (today when none was chosen).
 * `withRepeal: false` leaves the repeal out where the page already says it.
 */
export function renderLifeFacts(life: ArticleLife, readingDate: string, today: string, { withRepeal = true } = {}): HTMLElement {
  const repeal = withRepeal && describeRepeal(life);
  return h('ul', { class: 'life', 'aria-label': 'Vie de l’article' },
    life.periods.length > 0 && h('li', { class: 'life-periods' }, sentence(life.periods.map((period) => describePeriod(period, today)).join(', puis '))),
    repeal && h('li', { class: 'life-repeal' }, sentence(repeal)),
    life.formerNumbers.map((r) => h('li', { class: 'former-number' },
      'Anciennement ', renumberingLink(r, readingDate, today, 'former'), r.date ? ` (numéro changé le ${formatDate(r.date)})` : '', '.')),
    life.renumberedAs.map((r) => h('li', { class: 'renumbered-as' },
      // The number may have been given to another text the same day (L5211-8 in 1999): the
      // article is then still in force after its text moved.
      r.date && inForceOn(life, r.date)
        ? ['Le texte en vigueur jusqu’au ', formatDate(r.date), ' est devenu ', renumberingLink(r, readingDate, today, 'new'), ' ; le numéro a été repris par un autre texte.']
        : ['Devenu ', renumberingLink(r, readingDate, today, 'new'), r.date ? ` le ${formatDate(r.date)}` : '', '.'])),
    life.sources.length > 0 && h('li', { class: 'life-sources' }, `Sources : ${life.sources.join(', ')}.`));
}

// The version in force just before `date` (the last one that started on or before it) and the
// first one starting after it; versions are newest first.
function neighbourVersions(versions: ArticleVersion[], date: string): { before?: ArticleVersion; after?: ArticleVersion } {
  const dated = versions.filter((v) => v.validFrom);
  return {
    before: dated.find((v) => v.validFrom! <= date),
    after: [...dated].reverse().find((v) => v.validFrom! > date),
  };
}

function whyNotInForce(life: ArticleLife, date: string, today: string): string {
  if (life.inForceFrom && date < life.inForceFrom) {
    return life.inForceFrom > today ? sentence(describeNotYet(life)) : `Il n’était pas encore en vigueur à cette date : il l’est à partir du ${formatDate(life.inForceFrom)}.`;
  }
  if (life.repealedOn && date >= life.repealedOn) {
    // Its text left with a new number that day (L1114-1 → L1115-1): that, rather than "abrogé".
    const moved = life.renumberedAs.find((r) => r.date === life.repealedOn);
    return moved ? `Son texte est devenu l’article ${moved.article.number} le ${formatDate(life.repealedOn)}.` : sentence(describeRepeal(life)!);
  }
  if (life.status === 'REPEALED' && !life.repealedOn) return 'Cet article est abrogé ; la date de son abrogation n’est pas connue.';
  if (life.renumberedAs.length) return 'Son texte avait changé de numéro à cette date.';
  return 'Il n’était pas en vigueur à cette date (entre deux périodes de vigueur).';
}

/** The page of an article that exists but is not in force on `asOf` (today when undefined). */
export function renderNotInForce(life: ArticleLife, asOf: string | undefined, today: string): HTMLElement {
  const date = asOf ?? today;
  const { before, after } = neighbourVersions(life.versions, date);
  const statusClass = `status status-${life.status.toLowerCase().replace(/_/g, '-')}`;
  return h('article', { class: 'article not-in-force', 'data-article-id': life.id },
    h('header', { class: 'article-header' },
      h('h1', {}, `Article ${life.number}`),
      h('p', { class: 'meta' }, 'Aujourd’hui : ', h('span', { class: statusClass }, STATUS_LABELS[life.status] ?? life.status))),
    h('div', { class: 'warning', role: 'note' },
      h('p', { class: 'not-in-force-date' }, asOf ? `Cet article n’est pas en vigueur le ${formatDate(asOf)}.` : `Cet article n’est pas en vigueur aujourd’hui (${formatDate(today)}).`),
      h('p', { class: 'not-in-force-reason' }, whyNotInForce(life, date, today))),
    renderLifeFacts(life, date, today, { withRepeal: !(life.repealedOn && date >= life.repealedOn) }),
    (before || after) && h('nav', { class: 'neighbour-versions', 'aria-label': 'Versions voisines de cette date' },
      before?.validFrom && h('p', { class: 'version-before' }, '← Version en vigueur juste avant : ',
        // Its last day, so that the page shows it.
        articleLink(life.id, before.validTo ? `du ${formatDate(before.validFrom)} au ${formatDate(before.validTo)}` : `depuis le ${formatDate(before.validFrom)}`, {}, before.validTo ? dayBefore(before.validTo) : before.validFrom)),
      after?.validFrom && h('p', { class: 'version-after' }, 'Version en vigueur juste après : ',
        articleLink(life.id, `à partir du ${formatDate(after.validFrom)}`, {}, after.validFrom), ' →')),
    renderVersions(life.versions, { articleId: life.id, today }));
}
