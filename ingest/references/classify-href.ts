/**
 * What an `<a href>` of a Légifrance body points to. Three shapes occur in cgct-legifrance-md:
 * - this code's path: "/code-general-des-collectivites-territoriales/…/l2131-1.md" → L2131-1;
 * - another code's path: "/code-du-travail/…/l1271-1.md", whose title attribute names the code
 *   ("Code du travail - art. L1271-1 (V)");
 * - old Légifrance URLs: "/affichCodeArticle.do?cidTexte=LEGITEXT000006070633&idArticle=LEGIARTI000006397511…"
 *   and "/affichTexte.do?cidTexte=JORFTEXT000000320197…", which carry ids, not numbers.
 */
import { normalizeArticleId } from '../article-id.ts';
import { DEFAULT_LIMITS } from '../parsing/limits.ts';
import { THIS_CODE, normalizeTextName, textKindOf } from './text-name.ts';

/** The CGCT's Légifrance id, in old URLs' cidTexte. */
const CGCT_LEGITEXT = 'LEGITEXT000006070633';
// The file may have no prefix: the code général des impôts numbers "1609-nonies-c.md", "879.md".
const CODE_PATH = /^(?:https?:\/\/[^/]+)?\/((?:code|livre-des-procedures-fiscales)[a-z0-9-]*)\/(?:.*\/)?([\w*-]+)\.md(?:[?#].*)?$/i;
// "Code du travail - art. R116-17 (Ab)", "Loi n°83-8 du 7 janvier 1983 (V)"
const TITLE = /^(.+?)(?:\s+-\s+art\.\s*(.+?))?\s*(?:\((\w*)\))?\s*$/;
// The text an old URL points into, whatever the article: "affichTexteArticle.do?cidTexte=JORFTEXT000000320434&idArticle=LEGIARTI000006367034",
// "affichCode.do?cidTexte=LEGITEXT000006070239&idSectionTA=…", "jo_pdf.do?id=JORFTEXT000000886460"; an
// idArticle (LEGIARTI, JORFARTI) names an article, never the text.
const TEXT_ID = /(?:[?&;]cidTexte=|jo_pdf\.do\?id=)((?:JORF|LEGI)TEXT\d{12})/i;
// Real titles run to about a hundred characters.
const MAX_TITLE = 500;
// Slugs of the codes most cited, whose apostrophes and accents the slug lost.
const CODE_SLUGS: Record<string, string> = {
  'code-de-lenvironnement': "code de l'environnement",
  'code-de-lurbanisme': "code de l'urbanisme",
  'code-de-lenergie': "code de l'énergie",
  'code-de-laction-sociale-et-des-familles': "code de l'action sociale et des familles",
  'code-de-leducation': "code de l'éducation",
  'code-electoral': 'code électoral',
  'code-general-des-impots': 'code général des impôts',
  'code-de-la-sante-publique': 'code de la santé publique',
  'code-de-la-securite-interieure': 'code de la sécurité intérieure',
  'code-de-la-securite-sociale': 'code de la sécurité sociale',
  'code-penal': 'code pénal',
  'code-rural-et-de-la-peche-maritime': 'code rural et de la pêche maritime',
  'livre-des-procedures-fiscales': 'livre des procédures fiscales',
};

/** Where a link points. */
export interface HrefTarget {
  targetArticle?: string;
  targetCode?: string;
  legiId?: string;
  textLegifranceId?: string;
  targetText?: string;
}

/** Reads the target of an href, helped by the anchor's title attribute when there is one. */
export function classifyHref(href: string, title?: string): HrefTarget {
  // An href past the limit rejects its file anyway (check-article-limits.ts); and TITLE's lazy
  // groups are linear only on a short title with single spaces (a title of 150,000 newlines took 6 s).
  if (href.length > DEFAULT_LIMITS.maxValueLength) return {};
  const shortTitle = title?.replace(/\s+/g, ' ').trim();
  const titled = shortTitle && shortTitle.length <= MAX_TITLE ? TITLE.exec(shortTitle) : null;
  // "Code général des impôts, CGI." carries its abbreviation: the body says "du code général des impôts".
  const titleCode = titled ? normalizeTextName(titled[1]!.replace(/,\s*[A-Z]{2,}\.?\s*$/, '')) : undefined;
  const titleArticle = titled?.[2] ? normalizeArticleId(titled[2]) : undefined;
  const codePath = CODE_PATH.exec(href);
  if (codePath) {
    const slug = codePath[1]!.toLowerCase();
    // File names drop the space after the prefix of "R 1424-61" as "r-1424-61.md".
    const fileArticle = normalizeArticleId(codePath[2]!.replace(/^([a-z]+\*?)-(?=\d)/i, '$1'));
    if (slug === 'code-general-des-collectivites-territoriales') {
      const article = titleCode === THIS_CODE && titleArticle ? titleArticle : fileArticle;
      return article ? { targetArticle: article } : {};
    }
    const code = titleCode && titleCode !== THIS_CODE ? titleCode : (CODE_SLUGS[slug] ?? slug.replace(/-/g, ' '));
    return { targetCode: code };
  }
  const legiId = /(LEGIARTI\d{12})/.exec(href)?.[1] ?? /(JORFTEXT\d{12}|LEGITEXT\d{12}|JORFARTI\d{12})/.exec(href)?.[1];
  if (isCodeHref(href) && href.includes(CGCT_LEGITEXT)) {
    const target: HrefTarget = titleArticle && titleCode === THIS_CODE ? { targetArticle: titleArticle } : {};
    return legiId ? { ...target, legiId } : target;
  }
  if (legiId) {
    const text = textOfUrl(href);
    if (titleCode && titleCode !== THIS_CODE && /^code\b/.test(titleCode)) return { targetCode: titleCode, legiId, ...text };
    // "Loi n°83-8 du 7 janvier 1983 (V)": the title names the text the id belongs to.
    const targetText = titleCode && titleCode !== THIS_CODE && textKindOf(titleCode) !== 'code' ? titleCode : undefined;
    return { legiId, ...text, ...(targetText ? { targetText } : {}) };
  }
  return {};
}

/** The Légifrance id of the text an old URL points into, when it is not the CGCT itself. */
function textOfUrl(href: string): Pick<HrefTarget, 'textLegifranceId'> {
  const id = TEXT_ID.exec(href)?.[1]?.toUpperCase();
  return id && id !== CGCT_LEGITEXT ? { textLegifranceId: id } : {};
}

/** True for an old URL of a code's page ("affichCode.do", "affichCodeArticle.do"): its LEGITEXT is a code's, not a law's. */
export function isCodeHref(href: string): boolean {
  return /affichCode(?:Article)?\.do/i.test(href);
}
