import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLiensRelatifsMd } from '../../../ingest/parsing/parse-liens-relatifs-md.ts';

const SEED_002 = readFileSync(new URL('../../../../shared/seeds/002_d17a05eb9a599249.txt', import.meta.url), 'utf8');

// lexlib's syntax, hand-written: italic headings, two-space lists, a Nota, a repeal.
const LEXLIB = [
  '# Article L3534-4',
  '',
  "Pour l'application des dispositions de l'article L. 3123-15, après le mot : \" publique \", sont insérés",
  'les mots : " de Mayotte ".',
  '',
  '**Nota:**',
  '',
  'Le livre V de la troisième partie est abrogé.',
  '',
  '**Liens relatifs à cet article**',
  '',
  '_Codifié par_:',
  '',
  '  - Loi n°96-142 1996-02-21',
  '',
  '_Abrogé par_:',
  '',
  '  - Loi n°2007-223 du 21 février 2007 - art. 17 (V)',
  '',
  '_Cite_:',
  '',
  '  - Code général des collectivités territoriales - art. L3123-15 (V)',
  '',
].join('\n');

describe('parseLiensRelatifsMd on seed 002 (lexxxit syntax)', () => {
  const { article, messages } = parseLiensRelatifsMd('002_d17a05eb9a599249.txt', SEED_002);

  it('reads article L5111-1, in force, without messages', () => {
    expect(messages).toEqual([]);
    expect(article).toMatchObject({ id: 'L5111-1', part: 'legislative', status: 'in-force', sourceFormat: 'liens-relatifs-md', links: [] });
  });

  it('joins the hard-wrapped lines back into three paragraphs, the block left out of the text', () => {
    const paragraphs = article!.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe("Les collectivités territoriales peuvent s'associer pour l'exercice de leurs compétences en créant des organismes publics de coopération dans les formes et conditions prévues par la législation en vigueur.");
    expect(paragraphs[1]).toContain('mentionnés aux articles L. 5711-1 et L. 5721-8, les pôles métropolitains, les pôles');
    expect(paragraphs[2]).toContain("prévues aux I et III de l'article L. 5111-1-1, ces conventions");
    expect(article!.text).not.toContain('Liens relatifs');
    expect(article!.html.match(/<p>/g)).toHaveLength(3);
  });

  it('gives its five groups, in the order of the file', () => {
    const groups = [...new Set(article!.relatedLinks.map((link) => `${link.type}:${link.heading}`))];
    expect(groups).toEqual(['former-texts:Anciens textes', 'codified-by:Codifié par', 'cites:Cite', 'modified-by:Modifié par', 'cited-by:Cité par']);
  });

  it('reads every entry with its text, article, status and line', () => {
    const rows = article!.relatedLinks.map((link) => [link.type, link.textId, link.article, link.status, link.line]);
    expect(rows).toEqual([
      ['former-texts', 'loi n° 83-8 du 7 janvier 1983', '6', 'Ab', 25],
      ['codified-by', 'loi n° 96-142 du 21 février 1996', undefined, undefined, 29],
      ['cites', 'ordonnance n° 2005-649 du 6 juin 2005', undefined, undefined, 33],
      ['cites', 'CGCT', 'L5711-1', undefined, 34],
      ['cites', 'CGCT', 'L5721-8', undefined, 35],
      ['modified-by', 'loi n° 2014-58 du 27 janvier 2014', '79', 'V', 39],
      ['cited-by', 'loi n° 2016-925 du 7 juillet 2016', '47', 'V', 43],
      ['cited-by', "code de l'environnement", 'L211-7', 'VD', 44],
      ['cited-by', 'CGCT', 'L1111-9', 'V', 45],
      ['cited-by', 'CGCT', 'L5111-1-1', 'V', 46],
      ['cited-by', 'CGCT', 'L5841-2', 'V', 47],
      ['cited-by', 'code rural', 'L313-1', 'V', 48],
      ['cited-by', 'code rural', 'L313-3', 'V', 49],
    ]);
    expect(article!.relatedLinks[5]!.textTitle).toBe('Loi n°2014-58 du 27 janvier 2014');
  });
});

describe('parseLiensRelatifsMd on lexlib syntax', () => {
  const { article, messages } = parseLiensRelatifsMd('01. Partie législative/Article L3534-4 - 6391993.md', LEXLIB);

  it('takes the LEGIARTI id from the digits ending the file name', () => {
    expect(messages).toEqual([]);
    expect(article!.legiarti).toBe('LEGIARTI000006391993');
  });

  it('marks an article whose block has "Abrogé par" as repealed', () => {
    expect(article!.status).toBe('repealed');
    expect(article!.relatedLinks.map((link) => link.type)).toEqual(['codified-by', 'repealed-by', 'cites']);
  });

  it('spells an ISO date so that "Loi n°96-142 1996-02-21" is the same text as "… du 21 février 1996"', () => {
    expect(article!.relatedLinks[0]!.textId).toBe('loi n° 96-142 du 21 février 1996');
  });

  it('keeps the Nota apart from the text', () => {
    expect(article!.text).toBe("Pour l'application des dispositions de l'article L. 3123-15, après le mot : \" publique \", sont insérés les mots : \" de Mayotte \".");
    expect(article!.note).toBe('Le livre V de la troisième partie est abrogé.');
  });

  it('takes the table of contents from the number, the folders being flat', () => {
    expect(article!.toc.map((level) => level.title)).toEqual(['Partie législative', 'Troisième partie', 'Livre V', 'Titre III', 'Chapitre IV']);
  });
});
