/** The content hash the graph compares to decide whether an article changed between two commits. */
import { createHash } from 'node:crypto';
import type { RelatedLink } from '../types.ts';

/** sha256 hex of text + html + JSON of relatedLinks (Article.contentHash). */
export function hashArticleContent(text: string, html: string, relatedLinks: RelatedLink[]): string {
  return createHash('sha256').update(text).update(html).update(JSON.stringify(relatedLinks)).digest('hex');
}

/** sha256 hex of a text (FreeTextDocument.contentHash). */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
