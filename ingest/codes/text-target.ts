/**
 * The node an article of another text is: an article of one of the 78 codes is keyed as that
 * code's article will be once the code is loaded ("code-de-lurbanisme:L300-5"), so that loading
 * the code turns the placeholder into the article itself, with every citation already pointing
 * to it; an article of a law keeps "<text>|<number>" ("loi n° 83-8 du 7 janvier 1983|6").
 */
import { articleKey, CGCT_CODE, codesNamed, normalizeCodeArticleNumber } from './code-registry.ts';

/** An article of another text, as a graph node. */
export interface ExternalArticleKey {
  id: string;
  /** The number as the key holds it. */
  number: string;
  /** The code's id, for an article of a known code. */
  code?: string;
}

/** The key of article `article` of the text named `textId` (a normalized text name, see text-name.ts). */
export function externalArticleKey(textId: string, article: string): ExternalArticleKey {
  const code = codesNamed(textId).find((candidate) => candidate.id !== CGCT_CODE);
  if (code) {
    const number = normalizeCodeArticleNumber(article) ?? article;
    return { id: articleKey(code.id, number), number, code: code.id };
  }
  return { id: `${textId}|${article}`, number: article };
}
