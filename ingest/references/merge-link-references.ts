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
import { THIS_CODE } from './text-name.ts';

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
  }
  return [...merged, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** True when the reference names the CGCT article `id`, itself or within its range. */
function designates(reference: Reference, id: string): boolean {
  if (reference.code !== THIS_CODE || !reference.target) return false;
  if (reference.kind === 'single' || !reference.rangeEnd) return reference.target === id;
  return compareArticleIds(reference.target, id) <= 0 && compareArticleIds(id, reference.rangeEnd) <= 0;
}

// A link whose anchor holds no designator: its href is the only reading. An old Légifrance URL
// carries only an id ("affichTexte.do?cidTexte=JORFTEXT000000320197"), kept for the resolver.
function referenceFromLink(link: HrefLink): Reference | undefined {
  const base = { kind: 'single' as const, start: link.start, end: link.end, via: 'link' as const };
  if (link.targetArticle) return { ...base, target: link.targetArticle, code: THIS_CODE, ...(link.legiId ? { legiId: link.legiId } : {}) };
  if (link.targetCode) return { ...base, code: link.targetCode, ...(link.legiId ? { legiId: link.legiId } : {}) };
  if (link.legiId) return { ...base, code: link.legiId, legiId: link.legiId };
  return undefined;
}
