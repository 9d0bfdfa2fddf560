/**
 * An article body (HTML, or Markdown turned into HTML) → what the graph stores: plain text with
 * paragraphs separated by "\n\n", the `<a href>` links located by offsets in that text, and
 * sanitized HTML for display (rehype-sanitize's GitHub schema: no script, no event handler, no
 * javascript: URL; links and tables kept, article-html-schema.ts).
 *
 * A table's rows are lines and its cells are separated by tabs (text-builder.ts); what a cell
 * holds stays on its line ("NOMBRE DES MEMBRES<br/>du conseil municipal" in L2121-2 reads as one
 * cell), so a row is always one line. A table inside a cell is read flat, as the cell's words.
 */
import type { Element, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { ARTICLE_HTML_SCHEMA } from './article-html-schema.ts';
import { classifyHref } from '../references/classify-href.ts';
import { convertMarkdownToHtml } from './markdown-to-html.ts';
import { parseHtmlFragment } from './parse-html-fragment.ts';
import { TextBuilder } from './text-builder.ts';
import type { HrefLink } from '../types.ts';

/** What a body gives. */
export interface BodyContent {
  text: string;
  html: string;
  links: HrefLink[];
  /** Elements left open at the end of the HTML (a truncated file), with their offset in the input. */
  unclosed: Array<{ tagName: string; offset: number }>;
  /** Offset of a tag cut off by the end of the input, when the file stops inside one. */
  cutTagOffset?: number;
  /** Offset of the first element nested past the limit (the file is then rejected). */
  tooDeepOffset?: number;
}

const PARAGRAPH_BLOCKS = new Set(['p', 'div', 'table', 'caption', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'main', 'dl', 'dd', 'dt', 'hr']);
const CELLS = new Set(['td', 'th']);
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'meta', 'link']);

const sanitizer = unified().use(rehypeSanitize, ARTICLE_HTML_SCHEMA);

/** Converts an HTML body. */
export function convertHtmlBody(html: string): BodyContent {
  const { tree, unclosed, cutTagOffset, tooDeepOffset } = parseHtmlFragment(html);
  // A body nested past the limit rejects its file: converting it would be wasted work.
  if (tooDeepOffset !== undefined) return { text: '', html: '', links: [], unclosed: [], tooDeepOffset };
  const content: BodyContent = { ...convertTree(tree), unclosed };
  if (cutTagOffset !== undefined) content.cutTagOffset = cutTagOffset;
  return content;
}

/** Converts a Markdown body (lexlib, etalab): hard-wrapped lines of a paragraph are joined by a space. */
export function convertMarkdownBody(markdown: string): BodyContent {
  return convertHtmlBody(convertMarkdownToHtml(markdown));
}

/** Text, links and sanitized HTML of a hast tree. */
export function convertTree(tree: Root): Omit<BodyContent, 'unclosed'> {
  const builder = new TextBuilder();
  const links: HrefLink[] = [];
  collectText(tree, builder, links);
  const text = builder.toString();
  for (const link of links) link.text = text.slice(link.start, link.end);
  // hast-util-sanitize builds a new tree: `tree` is left as it was. It and hast-util-to-html
  // recurse, which is safe only because parseHtmlFragment caps the depth (maxNestingDepth).
  const clean = sanitizer.runSync(tree) as Root;
  return { text, links, html: toHtml(clean) };
}

/** What is left to do: visit a node, or finish an element once its children are done. */
type Step = { node: Nodes } | { close: Element; start: number; before: number };

/** Where the walk stands in a table: cells open around it, cells already met in the current row. */
interface TableState {
  cellDepth: number;
  cellsInRow: number;
}

/** Walks the tree with a stack of its own, not the call stack: no nesting can overflow it. */
function collectText(tree: Nodes, builder: TextBuilder, links: HrefLink[]): void {
  const steps: Step[] = [{ node: tree }];
  const table: TableState = { cellDepth: 0, cellsInRow: 0 };
  while (steps.length > 0) {
    const step = steps.pop()!;
    if ('close' in step) {
      closeElement(step, builder, links, table);
      continue;
    }
    const node = step.node;
    if (node.type === 'text') {
      builder.appendText(node.value);
      continue;
    }
    if (node.type !== 'root' && node.type !== 'element') continue;
    if (node.type === 'element') {
      if (HIDDEN.has(node.tagName)) continue;
      if (node.tagName === 'br') {
        // Inside a cell a line break would cut the row in two: it is a space there.
        if (table.cellDepth > 0) builder.appendText(' ');
        else builder.appendBreak(1);
        continue;
      }
      openElement(node, builder, table);
      steps.push({ close: node, start: builder.nextOffset, before: builder.length });
    }
    for (let k = node.children.length - 1; k >= 0; k--) steps.push({ node: node.children[k]! });
  }
}

function openElement(node: Element, builder: TextBuilder, table: TableState): void {
  const name = node.tagName;
  if (table.cellDepth > 0) {
    if (PARAGRAPH_BLOCKS.has(name) || name === 'tr' || CELLS.has(name)) builder.appendText(' ');
  } else if (name === 'tr') {
    builder.appendRowBreak();
    table.cellsInRow = 0;
  } else if (CELLS.has(name)) {
    if (table.cellsInRow > 0) builder.appendCellBreak();
    table.cellsInRow++;
  } else if (PARAGRAPH_BLOCKS.has(name)) {
    builder.appendBreak(2);
  }
  if (CELLS.has(name)) table.cellDepth++;
}

function closeElement(step: { close: Element; start: number; before: number }, builder: TextBuilder, links: HrefLink[], table: TableState): void {
  const node = step.close;
  if (node.tagName === 'a' && typeof node.properties.href === 'string') {
    const href = node.properties.href;
    const title = typeof node.properties.title === 'string' ? node.properties.title : undefined;
    // An anchor holding only white space ("<a …> </a>") gets an empty span where the next word starts.
    const end = builder.length > step.before ? builder.length : step.start;
    links.push({ href, text: '', start: Math.min(step.start, end), end, ...classifyHref(href, title) });
    return;
  }
  if (CELLS.has(node.tagName)) table.cellDepth--;
  if (table.cellDepth > 0) {
    if (PARAGRAPH_BLOCKS.has(node.tagName) || CELLS.has(node.tagName)) builder.appendText(' ');
  } else if (PARAGRAPH_BLOCKS.has(node.tagName)) {
    builder.appendBreak(2);
  }
}
