/**
 * What the sanitized HTML of an article may hold: GitHub's schema (rehype-sanitize's default: no
 * script, no event handler, no `style`, no javascript: URL) with the tables Légifrance writes
 * (L2123-23's scale of mayors' allowances, L2121-2's number of councillors) kept as tables, and
 * on their cells only what shapes the grid. GitHub's schema allows some thirty attributes on any
 * element (`width`, `cellPadding`, `action`, `tabIndex`…): a table cell needs none of them.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

// Our tokenizer (parse-html-fragment.ts) keeps attribute names lower-case, parse5 gives hast's
// camelCase: both spellings, or "colspan='2'" would be dropped and the grid would shift.
const SPANS = ['colspan', 'colSpan', 'rowspan', 'rowSpan'];
const TABLE_TAGS = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];
// Légifrance aligns its paragraphs ("<p align='left'>"): harmless, kept there, not on a table's parts.
const ALIGNED = ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** The schema for an article's HTML. */
export const ARTICLE_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...new Set([...(defaultSchema.tagNames ?? []), ...TABLE_TAGS])],
  ancestors: { ...defaultSchema.ancestors, caption: ['table'] },
  attributes: {
    ...defaultSchema.attributes,
    // Anything keeps GitHub's list, minus what would style or number a table.
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((name) => !isTableAttribute(name)),
    ...Object.fromEntries(ALIGNED.map((tag) => [tag, [...(defaultSchema.attributes?.[tag] ?? []), 'align']])),
    table: [],
    td: SPANS,
    th: [...SPANS, ['scope', 'row', 'col', 'rowgroup', 'colgroup']],
  },
};

// What GitHub's schema allows on any element that lays out a table (align: kept on paragraphs
// only, above); a cell gets back colspan / rowspan, a header cell scope.
function isTableAttribute(name: string | [string, ...unknown[]]): boolean {
  const key = (typeof name === 'string' ? name : name[0]).toLowerCase();
  return ['align', 'colspan', 'rowspan', 'cellpadding', 'cellspacing', 'border', 'frame', 'rules', 'width', 'height', 'valign', 'char', 'charoff', 'axis', 'headers', 'scope', 'summary', 'abbr', 'span'].includes(key);
}
