/**
 * Blanks the HTML tags left in a text, keeping every offset. A legifrance-md anchor whose title
 * holds an apostrophe ("<a href='/code-de-lurbanisme/…/l300-4.md' title='Code de l'urbanisme -
 * art. L300-4 (V)'>L. 300-4 du code de l'urbanisme") is not parsed as HTML and stays in the
 * plain text: its href and title are no references of their own.
 */

const TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>/g;

/** The text with each tag replaced by as many spaces. */
export function maskHtmlTags(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(TAG, (tag) => ' '.repeat(tag.length));
}
