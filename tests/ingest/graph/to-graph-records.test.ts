// An unresolved target named only in "Liens relatifs" gets the same reason a text reference would,
// and gives way to the text's resolution of the same number, which carries the likely articles.
import { describe, expect, it } from 'vitest';
import { toGraphRecords } from '../../../ingest/graph/to-graph-records.ts';
import { extractFromSources } from '../../../ingest/references/run-extraction.ts';
import type { Article, RelatedLink, ResolvedReference } from '../../../ingest/types.ts';

function article(id: string, relatedLinks: RelatedLink[] = []): Article {
  return {
    id, number: id, code: 'CGCT', part: id.startsWith('R') ? 'regulatory' : 'legislative', toc: [], text: `Texte de ${id}.`, html: `<p>Texte de ${id}.</p>`,
    status: 'in-force', links: [], relatedLinks, sourceFile: `${id}.md`, sourceFormat: 'liens-relatifs-md', contentHash: id,
  };
}

const cites = (target: string): RelatedLink => ({ type: 'cites', heading: 'Cite', textTitle: 'Code général des collectivités territoriales', textId: 'CGCT', article: target, line: 3 });

function unresolvedReference(from: string, target: string): ResolvedReference {
  return { from, target, code: 'CGCT', kind: 'single', start: 0, end: 5, via: 'text', targets: [], resolution: 'unresolved', reason: 'never-existed', candidates: ['L5211-3'] };
}

function unresolvedTarget(records: ReturnType<typeof toGraphRecords>, number: string) {
  return records.nodes.find((node) => node.label === 'UnresolvedTarget' && node.props.number === number)?.props;
}

describe('unresolved targets from "Liens relatifs"', () => {
  it('calls a well-formed CGCT number that no article has "never-existed", another one "not-in-code"', () => {
    const records = toGraphRecords({ source: 'lexlib', date: '2026-01-01', articles: [article('L2336-3', [cites('L5211-30'), cites('L115-1')])], documents: [], references: [] });
    expect(unresolvedTarget(records, 'L5211-30')).toMatchObject({ reason: 'never-existed', candidates: [] });
    expect(unresolvedTarget(records, 'L115-1')).toMatchObject({ reason: 'not-in-code' });
  });

  it('takes the text resolution of the same number, with its likely articles, even from a later article', () => {
    const records = toGraphRecords({
      source: 'lexlib', date: '2026-01-01',
      articles: [article('L2336-3', [cites('L5211-30')]), article('R5211-12-1')],
      documents: [], references: [unresolvedReference('R5211-12-1', 'L5211-30')],
    });
    expect(unresolvedTarget(records, 'L5211-30')).toMatchObject({ reason: 'never-existed', candidates: ['L5211-3'] });
  });
});

// L5111-7 of cgct-legifrance-md (tip), its link to an article of the loi n° 84-53 as printed: the
// href names the law by its cidTexte (JORFTEXT) and the article by its idArticle (LEGIARTI).
const L5111_7 = `# Article L5111-7

<p>I bis. – … avec l'un des organismes mentionnés à <a href='/affichTexteArticle.do?cidTexte=JORFTEXT000000320434&idArticle=LEGIARTI000020959726&dateTexte=&categorieLien=cid'>l'article 88-2 </a>de la loi n° 84-53 du 26 janvier 1984 précitée.</p><p>Il en est de même … à l'article 11 de l'ordonnance n° 2021-1574 du 24 novembre 2021.</p>
`;

function externalReference(from: string, code: string, textLegifranceId?: string): ResolvedReference {
  return { from, code, kind: 'single', start: 0, end: 5, via: 'text', targets: [], resolution: 'external', ...(textLegifranceId ? { textLegifranceId } : {}) };
}

function legalText(records: ReturnType<typeof toGraphRecords>, id: string) {
  return records.nodes.find((node) => node.label === 'LegalText' && node.id === id)?.props;
}

describe("a legal text's Légifrance id", () => {
  it("stores the JORFTEXT id of a real href on the law's node, not the LEGIARTI of its article", () => {
    const path = 'code-general-des-collectivites-territoriales/partie-legislative/cinquieme-partie-la-cooperation-locale/livre-ier-dispositions-generales/titre-unique/chapitre-unique/l5111-7.md';
    const extraction = extractFromSources([[{ path, bytes: Buffer.from(L5111_7) }]]);
    const records = toGraphRecords({ source: 'legifrance-md', date: '2026-08-22', articles: extraction.articles, documents: [], references: extraction.references });
    expect(legalText(records, 'loi n° 84-53 du 26 janvier 1984')).toEqual({ kind: 'loi', title: 'loi n° 84-53 du 26 janvier 1984', legifranceId: 'JORFTEXT000000320434' });
    expect(records.edges).toContainEqual(expect.objectContaining({ type: 'PART_OF', from: 'loi n° 84-53 du 26 janvier 1984|88-2', to: 'loi n° 84-53 du 26 janvier 1984' }));
    // No link: no id, and no property at all (a source without links erases nothing).
    expect(legalText(records, 'ordonnance n° 2021-1574 du 24 novembre 2021')).toEqual({ kind: 'ordonnance', title: 'ordonnance n° 2021-1574 du 24 novembre 2021' });
  });

  it('takes the id a later link gives to a text first named without one, in "Liens relatifs" or in words', () => {
    const modifiedBy: RelatedLink = { type: 'modified-by', heading: 'Modifié par', textTitle: 'Loi n°83-8 du 7 janvier 1983', textId: 'loi n° 83-8 du 7 janvier 1983', line: 3 };
    const records = toGraphRecords({
      source: 'legifrance-md', date: '2026-08-22',
      articles: [article('L1321-1', [modifiedBy]), article('L1321-6')],
      documents: [],
      references: [externalReference('L1321-1', 'loi n° 83-8 du 7 janvier 1983'), externalReference('L1321-6', 'loi n° 83-8 du 7 janvier 1983', 'JORFTEXT000000320197')],
    });
    expect(legalText(records, 'loi n° 83-8 du 7 janvier 1983')).toMatchObject({ kind: 'loi', legifranceId: 'JORFTEXT000000320197' });
  });

  it('keeps the first id read, in article order, when two links disagree', () => {
    const records = toGraphRecords({
      source: 'legifrance-md', date: '2026-08-22',
      articles: [article('L2', []), article('L1', [])],
      documents: [],
      references: [externalReference('L2', 'décret n° 94-469 du 3 juin 1994', 'JORFTEXT000000222222'), externalReference('L1', 'décret n° 94-469 du 3 juin 1994', 'JORFTEXT000000713789')],
    });
    expect(legalText(records, 'décret n° 94-469 du 3 juin 1994')?.legifranceId).toBe('JORFTEXT000000713789');
  });
});
