import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { extractReferences } from '../../../ingest/references/extract-references.ts';
import { mergeLinkReferences } from '../../../ingest/references/merge-link-references.ts';
import { parseFile } from '../../../ingest/parsing/parse-file.ts';
import type { HrefLink } from '../../../ingest/types.ts';

/** A link over `anchor`, the first time it occurs in `text`. */
function linkOver(text: string, anchor: string, target: Omit<HrefLink, 'text' | 'start' | 'end' | 'href'>, href = 'x.md'): HrefLink {
  const start = text.indexOf(anchor);
  return { href, text: anchor, start, end: start + anchor.length, ...target };
}

describe('mergeLinkReferences', () => {
  it('confirms every reference an anchor groups when its href names one of them', () => {
    const text = 'dans les conditions fixées aux articles L. 2131-1, L. 2131-2 et L. 3131-1';
    const links = [linkOver(text, 'articles L. 2131-1, L. 2131-2', { targetArticle: 'L2131-1' })];
    const merged = mergeLinkReferences(extractReferences(text), links);
    expect(merged.map((r) => [r.target, r.via])).toEqual([['L2131-1', 'text+link'], ['L2131-2', 'text+link'], ['L3131-1', 'text']]);
  });

  it("keeps the text's reading and flags the href when it names another article", () => {
    const text = 'aux articles L. 4141-1 et L. 4141-2.';
    const links = [linkOver(text, 'L. 4141-1 et L. 4141-2', { targetArticle: 'L4131-1' })];
    const merged = mergeLinkReferences(extractReferences(text), links);
    expect(merged.map((r) => [r.target, r.hrefDisagrees])).toEqual([['L4141-1', 'L4131-1'], ['L4141-2', 'L4131-1']]);
  });

  it('adds a reference from the href when the anchor holds no number', () => {
    const text = 'Les articles mentionnés sont applicables.';
    const merged = mergeLinkReferences(extractReferences(text), [linkOver(text, 'articles', { targetArticle: 'L2131-6' })]);
    expect(merged).toEqual([{ target: 'L2131-6', code: 'CGCT', kind: 'single', start: 4, end: 12, via: 'link' }]);
  });

  it("keeps an old Légifrance URL's id for the resolver", () => {
    const text = 'selon la loi susvisée';
    const merged = mergeLinkReferences([], [linkOver(text, 'loi', { legiId: 'JORFTEXT000000320197' })]);
    expect(merged[0]).toMatchObject({ via: 'link', legiId: 'JORFTEXT000000320197' });
  });

  it("confirms a reference to another code by the href's code", () => {
    const text = "à l'article L. 211-7 du code de l'environnement";
    const merged = mergeLinkReferences(extractReferences(text), [linkOver(text, 'L. 211-7', { targetCode: "code de l'environnement" })]);
    expect(merged.map((r) => r.via)).toEqual(['text+link']);
  });

  it('confirms a range by an href to an article inside it', () => {
    const text = 'les articles L. 2131-1 à L. 2131-5';
    const merged = mergeLinkReferences(extractReferences(text), [linkOver(text, 'L. 2131-1 à L. 2131-5', { targetArticle: 'L2131-2' })]);
    expect(merged.map((r) => [r.via, r.hrefDisagrees])).toEqual([['text+link', undefined]]);
  });

  it('reads seed 000: nine references, the l4131-1 link flagged on L4141-1 and L4141-2 only', () => {
    const dir = '../shared/seeds';
    const name = readdirSync(dir).find((file) => file.startsWith('000_'))!;
    const article = parseFile(name, readFileSync(`${dir}/${name}`)).article!;
    const merged = mergeLinkReferences(extractReferences(article.text), article.links);
    expect(merged.map((r) => [r.target, r.via, r.hrefDisagrees ?? null])).toEqual([
      ['L2131-1', 'text+link', null],
      ['L2131-2', 'text+link', null],
      ['L3131-1', 'text+link', null],
      ['L3131-2', 'text+link', null],
      ['L4141-1', 'text', 'L4131-1'],
      ['L4141-2', 'text', 'L4131-1'],
      ['L2131-6', 'text+link', null],
      ['L3132-1', 'text+link', null],
      ['L4142-1', 'text+link', null],
    ]);
  });
});

describe("mergeLinkReferences: a text's Légifrance id", () => {
  it("gives the href's text id to the reference to that law, not to the CGCT's beside it", () => {
    // L5111-7: "<a href='/affichTexteArticle.do?cidTexte=JORFTEXT000000320434&idArticle=LEGIARTI000020959726…'>l'article 88-2 </a>de la loi n° 84-53 du 26 janvier 1984"
    const text = "à l'article 88-2 de la loi n° 84-53 du 26 janvier 1984 et à l'article L. 2131-1";
    const href = '/affichTexteArticle.do?cidTexte=JORFTEXT000000320434&idArticle=LEGIARTI000020959726&dateTexte=&categorieLien=cid';
    const merged = mergeLinkReferences(extractReferences(text), [linkOver(text, "l'article 88-2", { legiId: 'LEGIARTI000020959726', textLegifranceId: 'JORFTEXT000000320434' }, href)]);
    expect(merged.map((r) => [r.code, r.textLegifranceId])).toEqual([['loi n° 84-53 du 26 janvier 1984', 'JORFTEXT000000320434'], ['CGCT', undefined]]);
  });

  it("gives no id when the link's title names another text than the reference", () => {
    const text = 'selon le décret n° 94-469 du 3 juin 1994';
    const link = linkOver(text, 'décret n° 94-469 du 3 juin 1994', { legiId: 'JORFTEXT000000320197', textLegifranceId: 'JORFTEXT000000320197', targetText: 'loi n° 83-8 du 7 janvier 1983' }, '/affichTexte.do?cidTexte=JORFTEXT000000320197');
    expect(mergeLinkReferences(extractReferences(text), [link])[0]?.textLegifranceId).toBeUndefined();
  });

  it("gives a code page's LEGITEXT to the code, never to a law", () => {
    const text = "à l'article L. 213-12 du code de l'environnement";
    const href = '/affichCodeArticle.do?cidTexte=LEGITEXT000006074220&idArticle=LEGIARTI000045210503';
    const merged = mergeLinkReferences(extractReferences(text), [linkOver(text, 'L. 213-12', { targetCode: "code de l'environnement", legiId: 'LEGIARTI000045210503', textLegifranceId: 'LEGITEXT000006074220' }, href)]);
    expect(merged.map((r) => [r.code, r.textLegifranceId])).toEqual([["code de l'environnement", 'LEGITEXT000006074220']]);
  });

  it('names a link-only reference by the text its title names, with that id', () => {
    // Annexe XI-I: "<a href='/affichTexte.do?cidTexte=JORFTEXT000000320197&categorieLien=cid' title='Loi n°83-8 du 7 janvier 1983 (V)'>7 janvier 1983 </a>"
    const text = 'la loi du 7 janvier 1983';
    const link = linkOver(text, '7 janvier 1983', { legiId: 'JORFTEXT000000320197', textLegifranceId: 'JORFTEXT000000320197', targetText: 'loi n° 83-8 du 7 janvier 1983' }, '/affichTexte.do?cidTexte=JORFTEXT000000320197&categorieLien=cid');
    expect(mergeLinkReferences([], [link])[0]).toMatchObject({ code: 'loi n° 83-8 du 7 janvier 1983', via: 'link', textLegifranceId: 'JORFTEXT000000320197' });
  });
});
