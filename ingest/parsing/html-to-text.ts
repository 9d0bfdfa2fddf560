/**
 * An article body (HTML, or Markdown turned into HTML) → what the graph stores: plain text with
 * paragraphs separated by "\n\n", the `<a href>` links located by offsets in that text, and
 * sanitized HTML for display (rehype-sanitize's GitHub schema: no script, no event handler, no
 * javascript: URL; links kept).
 */
import type { Element, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
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
}

const PARAGRAPH_BLOCKS = new Set(['p', 'div', 'table', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'main', 'thead', 'tbody', 'dl', 'dd', 'dt', 'hr']);
const LINE_BLOCKS = new Set(['tr']);
const CELLS = new Set(['td', 'th']);
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'meta', 'link']);

const sanitizer = unified().use(rehypeSanitize);

/** Converts an HTML body. */
export function convertHtmlBody(html: string): BodyContent {
  const { tree, unclosed, cutTagOffset } = parseHtmlFragment(html);
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
  // hast-util-sanitize builds a new tree: `tree` is left as it was.
  const clean = sanitizer.runSync(tree) as Root;
  return { text, links, html: toHtml(clean) };
}

function collectText(node: Nodes, builder: TextBuilder, links: HrefLink[]): void {
  if (node.type === 'text') {
    builder.appendText(node.value);
    return;
  }
  if (node.type !== 'root' && node.type !== 'element') return;
  if (node.type === 'element') {
    const name = node.tagName;
    if (HIDDEN.has(name)) return;
    if (name === 'br') return builder.appendBreak(1);
    if (name === 'a' && typeof node.properties.href === 'string') return collectLink(node, builder, links);
    if (PARAGRAPH_BLOCKS.has(name)) builder.appendBreak(2);
    else if (LINE_BLOCKS.has(name)) builder.appendBreak(1);
    else if (CELLS.has(name)) builder.appendText(' ');
    for (const child of node.children) collectText(child, builder, links);
    if (PARAGRAPH_BLOCKS.has(name)) builder.appendBreak(2);
    return;
  }
  for (const child of node.children) collectText(child, builder, links);
}

function collectLink(node: Element, builder: TextBuilder, links: HrefLink[]): void {
  const href = node.properties.href as string;
  const title = typeof node.properties.title === 'string' ? node.properties.title : undefined;
  const before = builder.length;
  const start = builder.nextOffset;
  for (const child of node.children) collectText(child, builder, links);
  // An anchor holding only white space ("<a …> </a>") gets an empty span where the next word starts.
  const end = builder.length > before ? builder.length : start;
  links.push({ href, text: '', start: Math.min(start, end), end, ...classifyHref(href, title) });
}
