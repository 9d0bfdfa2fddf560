/**
 * An article as a user names it → its graph key (ingest/codes/code-registry.ts): "L1115-1" and
 * every notation of it are the CGCT's; another code is named by the `code` argument (its folder
 * "code-de-lurbanisme", its name "code de l'urbanisme", an abbreviation "CGI") or inside the id
 * itself ("L. 300-5 du code de l'urbanisme", "article 1609 nonies C du CGI", or the key
 * "code-de-lurbanisme:L300-5").
 */
import { normalizeArticleKey } from '../ingest/article-id.ts';
import { articleKey, CGCT_CODE, codesNamed, normalizeCodeArticleNumber, splitArticleKey, type CodeEntry } from '../ingest/codes/code-registry.ts';

/** Why a name gives no key. */
export type ArticleKeyProblem = 'not-a-number' | 'unknown-code';

// "… du code de l'urbanisme", "… de la loi", "… du CGI": the code after the number.
const WITH_CODE = /^(.*?\S)\s*,?\s+(?:du|de\s+la|de\s+l['’]|des|de)\s+((?:code|livre)\b.*|[A-Z][A-Za-z. ]{1,12})\s*\.?$/u;

/** The key of the article `raw` names, in `code` when given; a problem when there is none. */
export function parseArticleKey(raw: string, code?: string | null): { key: string; code: CodeEntry } | { problem: ArticleKeyProblem } {
  let number = raw.replace(/\u00a0/g, ' ').trim();
  let codes: CodeEntry[] | undefined;
  if (code !== undefined && code !== null && code.trim() !== '') {
    codes = codesNamed(code);
    if (codes.length === 0) return { problem: 'unknown-code' };
  } else {
    const split = splitArticleKey(number);
    if (split.code !== CGCT_CODE) return { key: number, code: codesNamed(split.code)[0]! };
    const named = WITH_CODE.exec(number);
    if (named) {
      const found = codesNamed(named[2]!);
      if (found.length > 0) {
        codes = found;
        number = named[1]!;
      }
    }
  }
  const entry = codes?.[0];
  if (!entry || entry.id === CGCT_CODE) {
    // The CGCT's few ids that are no number in its grammar ("Rubrique 2" of annex I, "4425-34"
    // printed without its prefix) are ids still: a search result leads to them (issue 13).
    const id = normalizeArticleKey(number);
    return id ? { key: id, code: entry ?? codesNamed(CGCT_CODE)[0]! } : { problem: 'not-a-number' };
  }
  const normalized = normalizeCodeArticleNumber(number);
  if (!normalized || normalized.length > 160) return { problem: 'not-a-number' };
  return { key: articleKey(entry.id, normalized), code: entry };
}
