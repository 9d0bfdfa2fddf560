/**
 * A standalone HTML page holding one article, as saved from a browser: the number is in a heading
 * ("<h1>Article L2131-1</h1>") or, failing that, in the page title ("<title>Article R*2334-3 |
 * Code général…</title>"); the body is the page's article, main content or body, without its
 * navigation, header, footer and scripts.
 */
import type { Element, ElementContent, Root } from 'hast';
import { normalizeArticleId } from '../article-id.ts';
import { hashArticleContent } from './content-hash.ts';
import { convertTree } from './html-to-text.ts';
import { parseHtmlFragment } from './parse-html-fragment.ts';
import { identifyArticle, lineOfOffset, reportInvalidNumber } from './read-article-heading.ts';
import { reportTooDeep, reportTruncatedHtml } from './report-truncated-html.ts';
import { inferTocFromNumber } from './toc-from-number.ts';
import type { ParsedFile } from '../types.ts';

// The number ends where the word does: "Article L1-1L1-1…" names no article.
const DESIGNATOR = /Article\s+((?:L\.?\s?O|[LRD])\.?\s?\*?\s*\d+(?:-\d+)*(?:\s(?:bis|ter|quater|[A-Z])\b)?(?![A-Za-z0-9*-])|Annexe\s+[A-Z0-9-]+)/i;
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'script', 'style', 'form', 'button', 'head', 'noscript']);
// End tags a browser may omit: their absence at the end of a page says nothing about truncation.
const OPTIONAL_END = new Set(['html', 'body', 'head', 'p', 'li', 'td', 'th', 'tr', 'tbody', 'thead', 'dd', 'dt', 'option']);

/** Parses a standalone HTML page of one article; pure. */
export function parseHtmlPage(path: string, text: string): ParsedFile {
  const { tree, unclosed, cutTagOffset, tooDeepOffset } = parseHtmlFragment(text);
  if (tooDeepOffset !== undefined) return { messages: [reportTooDeep(path, lineOfOffset(text, tooDeepOffset))] };
  const heading = findElement(tree, (element) => /^h[1-3]$/.test(element.tagName) && DESIGNATOR.test(textOf(element)));
  const title = findElement(tree, (element) => element.tagName === 'title');
  const number = DESIGNATOR.exec(heading ? textOf(heading) : title ? textOf(title) : '')?.[1]?.trim();
  if (!number) {
    return { messages: [{ file: path, line: 1, ruleId: 'no-article-heading', reason: 'no "Article …" number in a heading or in the page title', severity: 'error' }] };
  }
  const identified = normalizeArticleId(number) || /^annexe/i.test(number) ? identifyArticle(number, path) : undefined;
  if (!identified) return { messages: [reportInvalidNumber(path, 1, number)] };
  const { id, part } = identified;
  const container = findElement(tree, (element) => element.tagName === 'article')
    ?? findElement(tree, (element) => /\bcontent\b/i.test(String(element.properties.className ?? '') + ' ' + String(element.properties.id ?? '')))
    ?? findElement(tree, (element) => element.tagName === 'main')
    ?? findElement(tree, (element) => element.tagName === 'body');
  const bodyTree: Root = { type: 'root', children: stripChrome(container ? container.children : tree.children, heading) };
  const body = { ...convertTree(bodyTree), unclosed, ...(cutTagOffset === undefined ? {} : { cutTagOffset }) };
  return {
    article: {
      id,
      number,
      code: 'CGCT',
      part,
      toc: inferTocFromNumber(id),
      text: body.text,
      html: body.html,
      status: 'unknown',
      links: body.links,
      relatedLinks: [],
      sourceFile: path,
      sourceFormat: 'html-page',
      contentHash: hashArticleContent(body.text, body.html, []),
    },
    messages: reportTruncatedHtml(path, text, 0, body, OPTIONAL_END),
  };
}

/** The first element in document order that passes `test`; iterative, like every walk here. */
function findElement(node: Root | Element, test: (element: Element) => boolean): Element | undefined {
  const pending: Array<Root['children'][number]> = [...node.children].reverse();
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    for (let k = child.children.length - 1; k >= 0; k--) pending.push(child.children[k]!);
  }
  return undefined;
}

function textOf(node: Element): string {
  const parts: string[] = [];
  const pending: Array<Element['children'][number]> = [...node.children].reverse();
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (child.type === 'text') parts.push(child.value);
    else if (child.type === 'element') for (let k = child.children.length - 1; k >= 0; k--) pending.push(child.children[k]!);
  }
  return parts.join('').replace(/\s+/g, ' ');
}

// Recursive, but only over a tree within maxNestingDepth levels (a deeper page is rejected above).
function stripChrome(children: Array<Root['children'][number]>, heading: Element | undefined): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'element') {
      if (child === heading || CHROME.has(child.tagName) || /breadcrumb/i.test(String(child.properties.className ?? ''))) continue;
      kept.push({ ...child, children: stripChrome(child.children, heading) });
    } else if (child.type === 'text') kept.push(child);
  }
  return kept;
}
