/**
 * Merges the references read in the text with the `<a href>` links of the source HTML.
 *
 * Légifrance's anchors group several references ("<a href='…/l2131-1.md'>articles L. 2131-1,
 * L. 2131-2</a>", seed 000), cover only some references, and sometimes lie ("<a
 * href='…/l4131-1.md'>L. 4141-1 et L. 4141-2</a>"). So the text's reading wins: a link confirms
 * the references its anchor covers ('text+link') when its href names one of them, flags them
 * with `hrefDisagrees` when it names another article, and only adds a reference of its own
 * ('link') when its anchor holds no designator ("<a href='…/l2131-6.md'>articles</a>").
 */
import { compareArticleIds } from '../article-id.ts';
import type { HrefLink, Reference } from '../types.ts';
import { isCodeHref } from './classify-href.ts';
import { THIS_CODE, textKindOf } from './text-name.ts';

/** The text's references, confirmed or flagged by the links covering them, plus the links covering none; in text order. */
export function mergeLinkReferences(textRefs: Reference[], links: HrefLink[]): Reference[] {
  const merged = textRefs.map((reference) => ({ ...reference }));
  const added: Reference[] = [];
  for (const link of links) {
    const covered = merged.filter((reference) => reference.start < link.end && reference.end > link.start);
    if (covered.length === 0) {
      const own = referenceFromLink(link);
      if (own) added.push(own);
      continue;
    }
    if (link.targetArticle && !covered.some((reference) => designates(reference, link.targetArticle!))) {
      for (const reference of covered) if (reference.via === 'text') reference.hrefDisagrees = link.targetArticle;
      continue;
    }
    if (link.targetCode && !covered.some((reference) => reference.code === link.targetCode)) {
      for (const reference of covered) if (reference.via === 'text') reference.hrefDisagrees = link.targetCode;
      continue;
    }
    for (const reference of covered) {
      reference.via = 'text+link';
      if (link.legiId && !reference.legiId) reference.legiId = link.legiId;
    }
    const text = link.textLegifranceId ? textOfLink(link, covered) : undefined;
    for (const reference of covered) if (text !== undefined && reference.code === text) reference.textLegifranceId ??= link.textLegifranceId;
  }
  return [...merged, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** True when the reference names the CGCT article `id`, itself or within its range. */
function designates(reference: Reference, id: string): boolean {
  if (reference.code !== THIS_CODE || !reference.target) return false;
  if (reference.kind === 'single' || !reference.rangeEnd) return reference.target === id;
  return compareArticleIds(reference.target, id) <= 0 && compareArticleIds(id, reference.rangeEnd) <= 0;
}

/**
 * The one text of the covered references an href's text id belongs to: a code's page
 * ("affichCodeArticle.do?cidTexte=LEGITEXT000006074220") for a code, any other for a law, a decree…,
 * agreeing with the text the link's title names. Two candidate texts under one anchor: none, since
 * which one the id is cannot be told.
 */
function textOfLink(link: HrefLink, covered: Reference[]): string | undefined {
  const toCode = isCodeHref(link.href);
  const names = new Set(covered
    .map((reference) => reference.code)
    .filter((code) => code !== THIS_CODE && (textKindOf(code) === 'code') === toCode)
    .filter((code) => (link.targetText ?? link.targetCode ?? code) === code));
  return names.size === 1 ? [...names][0] : undefined;
}

// A link whose anchor holds no designator: its href is the only reading. An old Légifrance URL
// carries only an id ("affichTexte.do?cidTexte=JORFTEXT000000320197"), kept for the resolver; the
// text is the one its title names ("Loi n°83-8 du 7 janvier 1983 (V)"), else known by its id alone
// (the text's, not its article's LEGIARTI: "affichTexteArticle.do?cidTexte=JORFTEXT…&idArticle=LEGIARTI…").
function referenceFromLink(link: HrefLink): Reference | undefined {
  const base = { kind: 'single' as const, start: link.start, end: link.end, via: 'link' as const };
  const textId = link.textLegifranceId ? { textLegifranceId: link.textLegifranceId } : {};
  if (link.targetArticle) return { ...base, target: link.targetArticle, code: THIS_CODE, ...(link.legiId ? { legiId: link.legiId } : {}) };
  if (link.targetCode) return { ...base, code: link.targetCode, ...(link.legiId ? { legiId: link.legiId } : {}), ...(isCodeHref(link.href) ? textId : {}) };
  if (link.legiId) return { ...base, code: link.targetText ?? link.textLegifranceId ?? link.legiId, legiId: link.legiId, ...textId };
  return undefined;
}
