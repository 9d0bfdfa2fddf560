/**
 * The checks an article passes before it can become rows: its id within the grammar and the
 * length limit, and every value that becomes a Neo4j property or index key short enough to be
 * indexed. A 100,000-character "Liens relatifs" entry became a `:LegalText` id that Neo4j refused
 * ("Property value is too large to index") halfway through a write (issue 15); it is now an error
 * on its line, and the file is rejected before anything is written.
 */
import { DEFAULT_LIMITS, quoteForMessage, type IngestLimits } from './limits.ts';
import { splitArticleKey } from '../codes/code-registry.ts';
import type { Article, FreeTextDocument, IngestMessage, Reference } from '../types.ts';

/** Errors for an article whose id or values are past the limits; empty when it may be stored. */
export function checkArticleLimits(article: Article, limits: IngestLimits = DEFAULT_LIMITS): IngestMessage[] {
  const file = article.sourceFile;
  const messages: IngestMessage[] = [];
  // Another code's key is "<code>:<number>": the limit is on the number, as for the CGCT's ids.
  const number = splitArticleKey(article.id).number;
  if (number.length === 0 || number.length > limits.maxIdLength) {
    messages.push({ file, line: 1, ruleId: 'invalid-article-id', reason: `article id ${quoteForMessage(number)} is ${number.length} characters long (limit maxIdLength ${limits.maxIdLength})`, severity: 'error' });
  }
  const tooLong = (value: string | undefined) => value !== undefined && value.length > limits.maxValueLength;
  for (const link of article.relatedLinks) {
    const field = (['textTitle', 'textId', 'article', 'heading'] as const).find((name) => tooLong(link[name]));
    if (field) messages.push(reportTooLong(file, link.line, `"Liens relatifs" ${field}`, link[field]!, limits));
  }
  for (const link of article.links) {
    const field = (['href', 'targetArticle', 'targetCode', 'legiId'] as const).find((name) => tooLong(link[name]));
    if (field) messages.push(reportTooLong(file, 1, `link ${field}`, link[field]!, limits));
  }
  for (const level of article.toc) {
    if (tooLong(level.id) || tooLong(level.title)) messages.push(reportTooLong(file, 1, 'table of contents level', tooLong(level.id) ? level.id : level.title, limits));
  }
  return messages;
}

/** Errors for a free-text document whose id (its file name) or title is too long to store. */
export function checkDocumentLimits(document: FreeTextDocument, limits: IngestLimits = DEFAULT_LIMITS): IngestMessage[] {
  const field = document.id.length > limits.maxValueLength ? document.id : document.title.length > limits.maxValueLength ? document.title : undefined;
  return field === undefined ? [] : [reportTooLong(document.sourceFile, 1, field === document.id ? 'document id' : 'document title', field, limits)];
}

/** Errors for a text making too many references or one whose values are too long to store. */
export function checkReferenceLimits(file: string, references: Reference[], limits: IngestLimits = DEFAULT_LIMITS): IngestMessage[] {
  if (references.length > limits.maxReferencesPerText) {
    return [{ file, line: 1, ruleId: 'too-many-references', reason: `${references.length} references in one text (limit maxReferencesPerText ${limits.maxReferencesPerText})`, severity: 'error' }];
  }
  for (const reference of references) {
    const field = (['code', 'target', 'rangeEnd', 'pinpoint', 'hrefDisagrees', 'legiId'] as const).find((name) => (reference[name]?.length ?? 0) > limits.maxValueLength);
    if (field) return [reportTooLong(file, 1, `reference ${field}`, reference[field]!, limits)];
  }
  return [];
}

function reportTooLong(file: string, line: number, what: string, value: string, limits: IngestLimits): IngestMessage {
  return { file, line, ruleId: 'value-too-long', reason: `${what} is ${value.length} characters long (limit maxValueLength ${limits.maxValueLength}): ${quoteForMessage(value)}`, severity: 'error' };
}
