import { describe, expect, it } from 'vitest';
import { compareCodeNumbers, codeSortKeyString } from '../../../ingest/codes/code-article-order.ts';
import { articleKey, CODES, codesNamed, normalizeCodeArticleNumber, splitArticleKey } from '../../../ingest/codes/code-registry.ts';

describe('the code registry', () => {
  it('knows the 78 codes of the all-codes source, the CGCT first, each folder once', () => {
    expect(CODES).toHaveLength(78);
    expect(CODES[0]!.id).toBe('CGCT');
    expect(new Set(CODES.map((code) => code.folder)).size).toBe(78);
  });

  it.each([
    ['code-de-lurbanisme', 'code-de-lurbanisme'],
    ["code de l'urbanisme", 'code-de-lurbanisme'],
    ['Code de l’Urbanisme.', 'code-de-lurbanisme'],
    ['code de lurbanisme', 'code-de-lurbanisme'],
    ['code general des impots', 'code-general-des-impots-cgi'],
    ['CGI', 'code-general-des-impots-cgi'],
    ['CSP', 'code-de-la-sante-publique'],
    ['CCH', 'code-de-la-construction-et-de-lhabitation'],
    ['CGPPP', 'code-general-de-la-propriete-des-personnes-publiques'],
    ['CRPA', 'code-des-relations-entre-le-public-et-ladministration'],
    ['CSI', 'code-de-la-securite-interieure'],
    ['cgct', 'CGCT'],
    ['code général des collectivités territoriales', 'CGCT'],
    ['livre des procédures fiscales', 'livre-des-procedures-fiscales'],
  ])('reads %j as %s', (name, id) => {
    expect(codesNamed(name)[0]?.id).toBe(id);
  });

  it('gives both codes a shared name may mean, the likelier first', () => {
    expect(codesNamed('code rural').map((code) => code.id)).toEqual(['code-rural-et-de-la-peche-maritime', 'code-rural-ancien']);
    expect(codesNamed('code des marchés publics')).toEqual([]);
  });

  it.each([
    ['L. 300-5', 'L300-5'],
    ['R.* 122-3', 'R*122-3'],
    ['R 1424-59', 'R1424-59'],
    ['1609 nonies C', '1609 nonies C'],
    ['238 BIS', '238 bis'],
    ['A. 462-4', 'A462-4'],
    ['article L. 5210-1-1 A', 'L5210-1-1 A'],
    ['Annexe II : Tableau n° 3', 'Annexe II : Tableau n° 3'],
  ])('normalizes the number %j as %j', (raw, number) => {
    expect(normalizeCodeArticleNumber(raw)).toBe(number);
  });

  it('keys the CGCT by number and another code by code and number, and splits the key back', () => {
    expect(articleKey('CGCT', 'L2131-1')).toBe('L2131-1');
    expect(articleKey('code-du-travail', 'L2131-1')).toBe('code-du-travail:L2131-1');
    expect(splitArticleKey('code-du-travail:L2131-1')).toEqual({ code: 'code-du-travail', number: 'L2131-1' });
    expect(splitArticleKey('L2131-1')).toEqual({ code: 'CGCT', number: 'L2131-1' });
    expect(splitArticleKey('loi n° 83-8 du 7 janvier 1983|6')).toEqual({ code: 'CGCT', number: 'loi n° 83-8 du 7 janvier 1983|6' });
  });

  it('orders another code as it numbers itself', () => {
    const numbers = ['L300-5-1', 'L300-10', 'L300-5', '1609 nonies C', '1609 quater', '1609', 'R*122-3', 'R122-2', 'LO300-6', 'Annexe II'];
    const expected = ['1609', '1609 quater', '1609 nonies C', 'L300-5', 'L300-5-1', 'LO300-6', 'L300-10', 'R122-2', 'R*122-3', 'Annexe II'];
    expect([...numbers].sort(compareCodeNumbers)).toEqual(expected);
    expect([...numbers].sort((a, b) => (codeSortKeyString('x', a) < codeSortKeyString('x', b) ? -1 : 1))).toEqual(expected);
  });
});
