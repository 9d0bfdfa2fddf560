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
