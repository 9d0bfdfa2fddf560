/** The first words of an article (about 200 characters), cut at a word boundary. */
export const EXCERPT_LENGTH = 200;

/** "Dans le respect des engagements …": paragraphs joined, cut after a whole word, with "…". */
export function toExcerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
