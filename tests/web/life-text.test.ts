/** The sentences telling an article's life (web/src/life-text.ts). */
import { describe, expect, it } from 'vitest';
import { describePeriod, describeReason, sentence } from '../../web/src/life-text.ts';

const TODAY = '2026-12-01';

describe('an article\'s life in French', () => {
  it('tells a closed, an open and a future period', () => {
    expect(describePeriod({ from: '1996-02-24', to: '2009-03-12' }, TODAY)).toBe('en vigueur du 24/02/1996 au 12/03/2009');
    expect(describePeriod({ from: '2004-07-30', to: null }, TODAY)).toBe('en vigueur depuis le 30/07/2004');
    expect(describePeriod({ from: '2038-01-01' }, TODAY)).toBe('en vigueur à partir du 01/01/2038');
  });

  it.each([
    ['repealed', { repealedOn: '2009-03-12', repealedBy: 'LOI n° 2009-257 du 5 mars 2009' }, 'abrogé le 12/03/2009 par LOI n° 2009-257 du 5 mars 2009'],
    ['repealed', {}, 'abrogé'], // a repealed number whose dates the graph does not hold
    ['not-yet-in-force', { inForceFrom: '2038-01-01' }, 'pas encore en vigueur (à partir du 01/01/2038)'],
    ['not-in-code', {}, 'hors du code'],
    ['never-existed', {}, 'n’a jamais existé'],
  ])('says why a reference to a %s number leads nowhere', (reason, life, text) => {
    expect(describeReason(reason, life)).toBe(text);
  });

  it('makes a sentence of a phrase', () => {
    expect(sentence('abrogé le 12/03/2009')).toBe('Abrogé le 12/03/2009.');
  });
});
