/**
 * The text of an article as the reading view shows it: paragraphs and tables, every reference a
 * live run styled after its resolution, and, where the source's link named another article than
 * the text does, a note saying so (seed 000: "L. 4141-1" linked to l4131-1.md). Everything from
 * the data goes in as text; the HTML is only scanned for its tables' grid, never parsed or inserted.
 */
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { segmentArticleBlocks, type SegmentedCell, type TextBlock, type TextSegment } from './article-text.ts';
import { legifranceLink } from './legifrance-link.ts';
import { describeReason } from './life-text.ts';
import { describeLinkDisagreement, type LinkDisagreement } from './link-disagreement.ts';
import { readTableShapes } from './text-tables.ts';
import type { Article, Reference } from './types.ts';

// "19 999", "1 234 567,89": a number whose thousands are separated by a plain space must not
// break across lines ("De 10 000 à 19 / 999 habitants" in a narrow column of L2121-2).
const GROUPED_NUMBER = /\d{1,3}(?: \d{3})+/g;

/** Plain text, its grouped numbers kept on one line (in spans: the text itself is unchanged). */
function renderPlainText(text: string): Node {
  if (text.search(GROUPED_NUMBER) < 0) return document.createTextNode(text);
  const fragment = document.createDocumentFragment();
  let cursor = 0;
  for (const match of text.matchAll(GROUPED_NUMBER)) {
    fragment.append(text.slice(cursor, match.index), h('span', { class: 'grouped-number' }, match[0]));
    cursor = match.index + match[0].length;
  }
  fragment.append(text.slice(cursor));
  return fragment;
}

let rangeCount = 0;

/**
 * A range ("L. 2243-2 à L. 2243-4") names its ends only; the articles between are cited too. Its
 * words open a list with a link to every member (L2243-2, L2243-3, L2243-4), rather than one link
 * to the first: the reader sees what the range covers today and can open each.
 */
function renderRange(text: string, members: Reference[]): HTMLElement {
  const listId = `range-members-${++rangeCount}`;
  const list = h('span', { class: 'range-members', id: listId, role: 'group', 'aria-label': `Articles visés par « ${text} »`, hidden: true },
    `${members.length} articles : `,
    members.flatMap((member, i) => [i ? ', ' : '', articleLink(member.target.id, member.target.label, { class: member.target.status === 'REPEALED' ? 'range-member ref-repealed' : 'range-member' })]));
  const toggle = h('button', { type: 'button', class: 'ref-range', 'aria-expanded': 'false', 'aria-controls': listId, title: `${members.length} articles : ouvrir la liste` }, text);
  const setOpen = (open: boolean): void => {
    list.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  const range = h('span', { class: 'range' }, toggle, list);
  range.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    toggle.focus();
  });
  return range;
}

/**
 * One run of the text: plain, or a reference styled after its resolution. What the hover preview
 * shows for references that are not CGCT articles rides in data attributes (set as text).
 */
function renderSegment(segment: TextSegment): Node {
  const reference = segment.reference;
  if (!reference) return renderPlainText(segment.text);
  if (segment.members) return renderRange(segment.text, segment.members);
  const target = reference.target;
  const pinpoints = reference.pinpoints.join(', ');
  if (reference.resolution === 'RESOLVED' && target.kind === 'ARTICLE') {
    // A reference to a repealed article still opens it, but the reader is warned (struck through).
    const repealed = target.status === 'REPEALED';
    return articleLink(target.id, segment.text, { class: repealed ? 'ref ref-resolved ref-repealed' : 'ref ref-resolved', 'data-preview': target.id, 'data-pinpoints': pinpoints });
  }
  if (reference.resolution === 'UNRESOLVED') {
    // « abrogé le 12/03/2009 par LOI n° … », « pas encore en vigueur (à partir du …) », « hors du
    // code », « n’a jamais existé »: the preview says it, and links the article of that number.
    return h('span', {
      class: `ref ref-unresolved reason-${reference.reason ?? 'unknown'}`, tabindex: 0, role: 'note',
      'data-target': target.label,
      'data-reason': describeReason(reference.reason, reference),
      'data-candidates': reference.candidates.join(', '),
      'data-number-article': reference.article ?? undefined,
    }, segment.text);
  }
  const about = { 'data-target': target.title || target.label, 'data-code': reference.code, 'data-pinpoints': pinpoints };
  // A law, a decree, another code not loaded here: its Légifrance page (or a search for it) in a new tab.
  if (target.url) return legifranceLink(target.url, segment.text, { class: 'ref ref-external', ...about });
  return h('span', { class: 'ref ref-external', tabindex: 0, role: 'note', ...about }, segment.text);
}

/**
 * The note after a reference whose link lied: the reference opens what the text says, and the
 * reader sees where Légifrance's link went, to check it (L1115-1: "L. 4141-1" → L4131-1).
 */
function renderLinkNote(other: LinkDisagreement, designators: string): HTMLElement {
  const target = other.article ? articleLink(other.article, other.label, { class: 'link-note-target' }) : `le ${other.label}`;
  return h('span', { class: 'link-note', role: 'note', title: `Dans la source, « ${designators} » est un lien vers ${other.label} ; le renvoi ci-contre suit le texte.` },
    ' [le lien de Légifrance pointe vers ', target, ']');
}

// One anchor often groups several designators ("L. 4141-1 et L. 4141-2" linked to l4131-1.md):
// the note follows the last of them, when only a few characters (" et ", ", ") lie between.
const JOINER = /^[\s,;]*(?:et|ou)?[\s,;]*$/u;

/** A run of lying links waiting for its note: where it goes among the nodes, what it says. */
interface PendingNote {
  other: LinkDisagreement;
  designators: string[];
  at: number;
}

function insertNote(nodes: Node[], pending: PendingNote | null): null {
  if (pending) nodes.splice(pending.at, 0, renderLinkNote(pending.other, pending.designators.join(' … ')));
  return null;
}

/** The runs of a paragraph or a cell, each run of lying links followed by one note. */
function renderSegments(segments: TextSegment[]): Node[] {
  const nodes: Node[] = [];
  let pending = null as PendingNote | null;
  for (const segment of segments) {
    const other = segment.reference ? describeLinkDisagreement(segment.reference) : null;
    if (pending && (other ? pending.other.label !== other.label : !JOINER.test(segment.text))) pending = insertNote(nodes, pending);
    nodes.push(renderSegment(segment));
    if (!other) continue;
    const earlier: string[] = pending ? pending.designators : [];
    pending = { other, designators: [...earlier, segment.text], at: nodes.length };
  }
  insertNote(nodes, pending);
  return nodes;
}

// A cell holding only a figure ("51,6", "1 000 €", "40 %") is right-aligned, as Légifrance
// aligns rates, so the column's digits line up.
const FIGURE = /^[\s\d.,%€\u00a0\u202f-]*\d[\s\d.,%€\u00a0\u202f-]*$/u;

function renderCell(cell: SegmentedCell): HTMLElement {
  const figure = FIGURE.test(cell.segments.map((segment) => segment.text).join(''));
  const attributes = { colspan: cell.colSpan > 1 ? cell.colSpan : undefined, rowspan: cell.rowSpan > 1 ? cell.rowSpan : undefined, class: figure ? 'figure' : undefined };
  const content = renderSegments(cell.segments);
  return h(cell.header ? 'th' : 'td', attributes, content);
}

/**
 * A table in a box of its own that scrolls sideways (on a phone the page stays put), focusable
 * so a keyboard can scroll it too.
 */
function renderTable(block: Extract<TextBlock, { kind: 'table' }>): HTMLElement {
  return h('div', { class: 'text-table', role: 'region', 'aria-label': 'Tableau', tabindex: 0 },
    h('table', {}, h('tbody', {}, block.rows.map((row) => h('tr', {}, row.map(renderCell))))));
}

/**
 * A text's paragraphs and tables (a version's text too: without its HTML, a table shows as a
 * plain grid, rows and cells still apart).
 */
export function renderTextBlocks(text: string, html?: string, references: readonly Reference[] = []): HTMLElement[] {
  return segmentArticleBlocks(text, references, readTableShapes(html))
    .map((block) => block.kind === 'table' ? renderTable(block) : h('p', {}, renderSegments(block.segments)));
}

/** The section holding the article's text. */
export function renderArticleText(article: Pick<Article, 'text' | 'html' | 'references'>): HTMLElement {
  const blocks = renderTextBlocks(article.text, article.html, article.references);
  return h('section', { class: 'article-text', 'aria-label': 'Texte de l’article' },
    blocks.length ? blocks : h('p', { class: 'empty' }, 'Texte non disponible.'));
}
