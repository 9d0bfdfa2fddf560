import { describe, expect, it } from 'vitest';
import { describeLinkDisagreement, isSameCode } from '../../web/src/link-disagreement.ts';

describe('describeLinkDisagreement', () => {
  // Real cases of the graph npm start builds (CITES with hrefDisagrees, in force today).
  it.each([
    // Seed 000: L1115-1's text says "L. 4141-1", the link went to l4131-1.md.
    ['CGCT', 'L4131-1', { label: 'L4131-1', article: 'L4131-1' }],
    // LO6242-2 says "LO 6242-1", its link went to LO6241-1.
    ['CGCT', 'LO6241-1', { label: 'LO6241-1', article: 'LO6241-1' }],
    // L4433-21's "L. 1521-1" read as the CGCT's, its link went to the code du travail.
    ['CGCT', 'code du travail', { label: 'code du travail' }],
    // The link's slug spells the same code otherwise: no note.
    ['code général des impôts', 'code general des impots cgi', null],
    ["code de la construction et de l'habitation", 'code de la construction et de lhabitation', null],
    ['code général de la propriété des personnes publiques', 'code général de la propriété des personnes publ', null],
    ['code forestier', 'code forestier (nouveau)', null],
    // Another code than the one the text named.
    ['code de la santé publique', 'code du travail', { label: 'code du travail' }],
    ['CGCT', null, null],
    ['CGCT', '', null],
  ])('a reference of %s whose link went to %s', (code, hrefDisagrees, expected) => {
    expect(describeLinkDisagreement({ code, hrefDisagrees })).toEqual(expected);
  });
});

describe('isSameCode', () => {
  it('reads "CGCT" as the code général des collectivités territoriales, and never matches a name too short to tell', () => {
    expect(isSameCode('CGCT', 'code general des collectivites territoriales')).toBe(true);
    expect(isSameCode('code', 'code du travail')).toBe(false);
  });
});
