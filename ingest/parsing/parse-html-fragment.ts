/**
 * A small, fast HTML tokenizer into a hast tree. Légifrance bodies are simple, well-formed
 * fragments ("<p>… <a href='/code-…/l2131-1.md'>articles L. 2131-1</a> …</p>", "<br/><br/>"),
 * and parse5 (rehype-parse) alone costs ~0.3 ms per article, a tenth of the 3,000 articles/s
 * budget. Safety does not rest on this tokenizer: its tree goes through rehype-sanitize before
 * any HTML is printed, and text is taken from text nodes only.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { DEFAULT_LIMITS } from './limits.ts';

/** The tree, and the elements still open at the end of the input (a truncated file). */
export interface ParsedFragment {
  tree: Root;
  /** Tag names left open at end of input, innermost last, with the 0-based offset of their start tag. */
  unclosed: Array<{ tagName: string; offset: number }>;
  /** Offset of a tag cut off by the end of the input ("…<a href='/code-gen"), dropped. */
  cutTagOffset?: number;
  /** Offset of the first start tag past the nesting limit: from there elements are kept flat, so the tree stays shallow for every walk over it. */
  tooDeepOffset?: number;
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source']);
// Elements whose end tag is optional: a new <p> closes the open one, like browsers do.
const CLOSED_BY_BLOCK = new Set(['p']);
const BLOCK_STARTS = new Set(['p', 'div', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'blockquote', 'pre']);
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', eacute: 'é', egrave: 'è', agrave: 'à', ecirc: 'ê', ccedil: 'ç', ocirc: 'ô', icirc: 'î', ucirc: 'û', deg: '°', euro: '€', rsquo: '\u2019', lsquo: '\u2018', hellip: '…', ndash: '–', mdash: '—', oelig: 'œ', Eacute: 'É', sup2: '²', ordm: 'º' };
// Linear on hostile input (issue 15): an unquoted value cannot start with a quote (else `b="c"`
// matched two ways and 22 of them took 150 ms, doubling with each), and no name or unquoted value
// holds "<" (else every "<a b" of "<a b<a b<a b…" scanned to the end of the file).
// Légifrance quotes titles with apostrophes and leaves their own apostrophes bare
// (title='Code de l'urbanisme - art. L300-4 (V)'): inside a single-quoted value, a quote followed
// by a letter is the value's apostrophe; only one followed by a space, "/" or ">" closes it. The two
// alternatives never match the same character, so the scan stays linear.
const SINGLE_QUOTED = String.raw`'((?:[^']|'(?![\s/>]))*)'`;
const TAG = new RegExp(String.raw`<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/><]+(?:\s*=\s*(?:"[^"]*"|${SINGLE_QUOTED.replace('(', '(?:')}|[^\s>"'<][^\s><]*))?)*)\s*(\/?)>`, 'y');
const ATTRIBUTE = new RegExp(String.raw`([^\s=/><]+)(?:\s*=\s*(?:"([^"]*)"|${SINGLE_QUOTED}|([^\s>"'<][^\s><]*)))?`, 'g');

/** Decodes character references ("&amp;", "&#233;", "&#xE9;"); unknown names are kept as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name] ?? whole;
  });
}

// The nesting limit of the file being parsed (see withNestingLimit).
let nestingLimit = DEFAULT_LIMITS.maxNestingDepth;

/**
 * Runs `parse` with another nesting limit than the default (parseText's `limits`). The parsers
 * reach this module through several layers that know nothing of limits; parsing is synchronous,
 * so the limit set here holds for exactly that file's parse and is put back after it.
 */
export function withNestingLimit<T>(maxDepth: number, parse: () => T): T {
  const previous = nestingLimit;
  nestingLimit = maxDepth;
  try {
    return parse();
  } finally {
    nestingLimit = previous;
  }
}

/** The nesting limit in effect (for the message that names it). */
export function currentNestingLimit(): number {
  return nestingLimit;
}

/**
 * Parses an HTML fragment (or a whole page) into a hast root no deeper than `maxDepth` elements:
 * past it (10,000 nested `<b>`), elements are appended flat and `tooDeepOffset` says where.
 */
export function parseHtmlFragment(html: string, maxDepth = nestingLimit): ParsedFragment {
  const root: Root = { type: 'root', children: [] };
  let tooDeepOffset: number | undefined;
  // Found once: a "<" with no ">" after it opens no tag (searching for each one was quadratic).
  const lastGt = html.lastIndexOf('>');
  const result = (fragment: ParsedFragment): ParsedFragment => (tooDeepOffset === undefined ? fragment : { ...fragment, tooDeepOffset });
  const stack: Array<{ node: Root | Element; offset: number }> = [{ node: root, offset: 0 }];
  const append = (child: RootContent) => (stack[stack.length - 1]!.node.children as RootContent[]).push(child);
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) append({ type: 'text', value: decodeEntities(html.slice(i, textEnd)) });
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (!tag && /^<\/?[a-zA-Z]/.test(html.slice(lt, lt + 2)) && lastGt < lt) {
      const unclosed = listUnclosed(stack);
      return result({ tree: root, unclosed, cutTagOffset: lt });
    }
    if (!tag) {
      // A "<" that opens no tag ("a < b", or a tag cut off by the end of the file) is text.
      append({ type: 'text', value: '<' });
      i = lt + 1;
      continue;
    }
    i = TAG.lastIndex;
    const tagName = tag[2]!.toLowerCase();
    if (tag[1]) {
      const open = findOpen(stack, tagName);
      if (open > 0) stack.length = open;
      continue;
    }
    if (BLOCK_STARTS.has(tagName)) {
      const top = stack[stack.length - 1]!.node;
      if (top.type === 'element' && CLOSED_BY_BLOCK.has(top.tagName)) stack.pop();
    }
    const element: Element = { type: 'element', tagName, properties: readAttributes(tag[3] ?? ''), children: [] };
    append(element);
    if (RAW_TEXT.has(tagName)) {
      const close = indexOfEndTag(html, tagName, i);
      const end = close < 0 ? html.length : close;
      element.children.push({ type: 'text', value: html.slice(i, end) } as ElementContent);
      i = close < 0 ? html.length : html.indexOf('>', close) + 1 || html.length;
      continue;
    }
    if (VOID.has(tagName) || tag[4]) continue;
    if (stack.length > maxDepth) tooDeepOffset ??= lt;
    else stack.push({ node: element, offset: lt });
  }
  return result({ tree: root, unclosed: listUnclosed(stack) });
}

/** Offset of `</tagName` from `from`, any case, or -1 (lower-casing the whole input at each `<script>` was quadratic). */
function indexOfEndTag(html: string, tagName: string, from: number): number {
  const pattern = new RegExp(`</${tagName}`, 'gi');
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

function listUnclosed(stack: Array<{ node: Root | Element; offset: number }>): ParsedFragment['unclosed'] {
  return stack.slice(1).map((entry) => ({ tagName: (entry.node as Element).tagName, offset: entry.offset }));
}

function findOpen(stack: Array<{ node: Root | Element }>, tagName: string): number {
  for (let k = stack.length - 1; k > 0; k--) {
    const node = stack[k]!.node;
    if (node.type === 'element' && node.tagName === tagName) return k;
  }
  return -1;
}

function readAttributes(source: string): Element['properties'] {
  const properties: Element['properties'] = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    const value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    // hast names: "class" → className (a list), "cellspacing" stays lower-case (sanitize drops what it does not know).
    if (name === 'class') properties.className = value.split(/\s+/).filter(Boolean);
    else properties[name] = value;
  }
  return properties;
}
