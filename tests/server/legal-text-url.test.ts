import { describe, expect, it } from 'vitest';
import { buildLegalTextUrl, isLegifranceSearchUrl, searchQueryOf } from '../../server/legal-text-url.ts';

const SEARCH = 'https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=';

describe('buildLegalTextUrl', () => {
  it("opens a law's page in the Journal officiel by its JORFTEXT id", () => {
    expect(buildLegalTextUrl({ id: 'loi n° 84-53 du 26 janvier 1984', legifranceId: 'JORFTEXT000000320434' }))
      .toBe('https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000000320434');
  });

  it("opens a code's page by its LEGITEXT id, another text's consolidated page by its own", () => {
    expect(buildLegalTextUrl({ id: "code de l'environnement", legifranceId: 'LEGITEXT000006074220' })).toBe('https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074220');
    expect(buildLegalTextUrl({ id: 'loi n° 82-213 du 2 mars 1982', legifranceId: 'LEGITEXT000006068736' })).toBe('https://www.legifrance.gouv.fr/loda/id/LEGITEXT000006068736');
  });

  it('opens a code named without a link by the LEGITEXT of data/codes.json', () => {
    expect(buildLegalTextUrl({ id: "code de l'urbanisme" })).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\/codes\/texte_lc\/LEGITEXT\d{12}$/);
  });

  it('opens a text known only by its id (a link with no words of its own) at that id', () => {
    expect(buildLegalTextUrl({ id: 'JORFTEXT000000320197' })).toBe('https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000000320197');
    // A link to a section of the CGCT names it by its LEGITEXT: a code's page, not a law's.
    expect(buildLegalTextUrl({ id: 'LEGITEXT000006070633' })).toBe('https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633');
  });

  it('ignores an id that is not a text id (never an article\'s LEGIARTI)', () => {
    expect(buildLegalTextUrl({ id: 'loi n° 83-8 du 7 janvier 1983', legifranceId: 'LEGIARTI000006367034' })).toBe(`${SEARCH}Loi%20n%C2%B0%2083-8%20du%207%20janvier%201983`);
  });

  it('searches Légifrance for a text without id, by its nature, number and date', () => {
    const url = buildLegalTextUrl({ id: 'loi n° 83-8 du 7 janvier 1983' })!;
    expect(url).toBe(`${SEARCH}Loi%20n%C2%B0%2083-8%20du%207%20janvier%201983`);
    expect(isLegifranceSearchUrl(url)).toBe(true);
    expect(isLegifranceSearchUrl('https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000000320434')).toBe(false);
  });

  it('returns null for a name with nothing to search', () => {
    expect(buildLegalTextUrl({ id: '  ' })).toBeNull();
  });
});

describe('searchQueryOf', () => {
  it.each([
    // A law: its long title would narrow the search wrongly when Légifrance words it otherwise.
    ['loi n° 2015-991 du 7 août 2015 portant nouvelle organisation territoriale de la République', 'Loi n° 2015-991 du 7 août 2015'],
    ['loi organique n° 2021-467 du 19 avril 2021', 'Loi organique n° 2021-467 du 19 avril 2021'],
    ['décret n° 94-469 du 3 juin 1994', 'Décret n° 94-469 du 3 juin 1994'],
    ['ordonnance n° 2005-649 du 6 juin 2005 relative aux marchés passés par certaines personnes publiques', 'Ordonnance n° 2005-649 du 6 juin 2005'],
    // Dates are printed "1er": kept as printed.
    ['décret-loi n° 1935-10 du 1er octobre 1935', 'Décret-loi n° 1935-10 du 1er octobre 1935'],
    // A number without a date.
    ['décret n° 2000-318', 'Décret n° 2000-318'],
    // An arrêté has no number most of the time: its whole title says which.
    ['arrêté du 20 mai 2020 relatif aux conditions', 'Arrêté du 20 mai 2020 relatif aux conditions'],
    ['arrêté n° 2014-12 du 3 mars 2014', 'Arrêté n° 2014-12 du 3 mars 2014'],
    // A décret-loi without number, a constitution, a treaty: their name as it is.
    ['décret-loi du 30 octobre 1935', 'Décret-loi du 30 octobre 1935'],
    ['constitution du 4 octobre 1958', 'Constitution du 4 octobre 1958'],
    ['traité sur le fonctionnement de l\'union européenne', 'Traité sur le fonctionnement de l\'union européenne'],
    // Odd spacing, and a runaway title cut.
    ['loi   n°  83-8   du 7 janvier 1983', 'Loi n° 83-8 du 7 janvier 1983'],
  ])('"%s" → "%s"', (name, query) => {
    expect(searchQueryOf(name)).toBe(query);
  });

  it('cuts a runaway title to 200 characters', () => {
    expect(searchQueryOf(`circulaire ${'x'.repeat(500)}`)).toHaveLength(200);
  });
});
