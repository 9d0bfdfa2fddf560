import { describe, expect, it } from 'vitest';
import { abbreviateTextName, toGraphNode } from '../../server/graph-node.ts';

describe('abbreviateTextName', () => {
  it.each([
    ["code de l'environnement", 'C. env.'],
    ['code électoral', 'C. éle.'],
    ['loi n° 2015-991 du 7 août 2015', 'Loi 2015-991'],
    ['ordonnance n° 2005-649 du 6 juin 2005', 'Ord. 2005-649'],
    ['décret n° 2000-318 du 7 avril 2000', 'Décret 2000-318'],
    ['loi organique n° 2009-403 du 15 avril 2009', 'LO 2009-403'],
  ])('shortens "%s" to "%s"', (name, short) => {
    expect(abbreviateTextName(name)).toBe(short);
  });
});

describe('toGraphNode', () => {
  it('colours an article by the Partie its number places it in', () => {
    expect(toGraphNode({ id: 'L2131-1', labels: ['Article'], part: 'legislative', status: 'in-force', excerpt: 'Les actes' })).toEqual({
      id: 'L2131-1', label: 'L2131-1', kind: 'ARTICLE', code: 'CGCT', part: 'LEGISLATIVE', partie: 2, status: 'IN_FORCE', title: 'Les actes',
    });
  });

  it('labels another code\'s article with its number and the code\'s short name, and names the code in its title', () => {
    expect(toGraphNode({ id: 'code-de-lurbanisme:L300-5', labels: ['Article'], part: 'legislative', status: 'in-force', excerpt: 'Le traité' })).toEqual({
      id: 'code-de-lurbanisme:L300-5', label: 'L300-5 C. urb.', kind: 'ARTICLE', code: 'code-de-lurbanisme', part: 'LEGISLATIVE', partie: null, status: 'IN_FORCE',
      title: "Code de l'urbanisme, article L300-5 — Le traité",
    });
    expect(toGraphNode({ id: 'code-general-des-impots-cgi:1609 nonies C', labels: ['Article'], part: 'legislative', status: 'in-force' }).label).toBe('1609 nonies C CGI');
  });

  it('says an article absent from its code is absent from that code', () => {
    expect(toGraphNode({ id: 'code-de-lurbanisme:L300-9', labels: ['UnresolvedTarget'], number: 'L300-9', code: 'code-de-lurbanisme', reason: 'absent-from-code' })).toMatchObject({
      label: 'L300-9 C. urb. ?', title: "Introuvable : article absent du code de l'urbanisme",
    });
  });

  it('labels an article of another code with the code and the number', () => {
    expect(toGraphNode({ id: "code de l'environnement|L211-7", labels: ['ExternalArticle'], textId: "code de l'environnement", number: 'L211-7' })).toMatchObject({
      kind: 'EXTERNAL_ARTICLE', label: 'C. env. L211-7', partie: null,
    });
  });

  it("gives a law its Légifrance page, by the id a link gave, and an article of a law its law's", () => {
    expect(toGraphNode({ id: 'loi n° 84-53 du 26 janvier 1984', labels: ['LegalText'], title: 'Loi n° 84-53 du 26 janvier 1984', legifranceId: 'JORFTEXT000000320434' })).toEqual({
      id: 'loi n° 84-53 du 26 janvier 1984', kind: 'LEGAL_TEXT', label: 'Loi 84-53', part: null, partie: null, status: null,
      title: 'Loi n° 84-53 du 26 janvier 1984', url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000000320434',
    });
    expect(toGraphNode({ id: 'loi n° 84-53 du 26 janvier 1984|111', labels: ['ExternalArticle'], textId: 'loi n° 84-53 du 26 janvier 1984', number: '111', legifranceId: 'JORFTEXT000000320434' }).url)
      .toBe('https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000000320434');
    expect(toGraphNode({ id: 'décret n° 94-469 du 3 juin 1994', labels: ['LegalText'] }).url).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\/search\/all\?.*query=D%C3%A9cret%20n%C2%B0%2094-469%20du%203%20juin%201994$/);
  });

  it('marks an unresolved target with a question mark, and says why in French', () => {
    expect(toGraphNode({ id: 'unresolved:CGCT|L115-1', labels: ['UnresolvedTarget'], number: 'L115-1', reason: 'not-in-code' })).toMatchObject({ kind: 'UNRESOLVED', label: 'L115-1 ?', title: 'Introuvable : numéro hors du code' });
    expect(toGraphNode({ id: 'unresolved:CGCT|L1115-9', labels: ['UnresolvedTarget'], number: 'L1115-9', reason: 'never-existed' }).title).toBe('Introuvable : article qui n’a jamais existé');
  });
});
