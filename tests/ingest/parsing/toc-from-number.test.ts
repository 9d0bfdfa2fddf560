import { describe, expect, it } from 'vitest';
import { inferTocFromNumber, toRoman } from '../../../ingest/parsing/toc-from-number.ts';

describe('toRoman', () => {
  it.each([[1, 'Ier'], [2, 'II'], [4, 'IV'], [9, 'IX'], [14, 'XIV']])('prints %i as %s, as the code numbers its levels', (value, roman) => {
    expect(toRoman(value)).toBe(roman);
  });
});

describe('inferTocFromNumber', () => {
  it('reads part, book, title and chapter from the digits: L2131-1 → 2e partie, livre Ier, titre III, chapitre Ier', () => {
    expect(inferTocFromNumber('L2131-1')).toEqual([
      { id: 'partie-legislative', kind: 'code-part', title: 'Partie législative', inferred: true },
      { id: 'partie-legislative/deuxieme-partie', kind: 'partie', title: 'Deuxième partie', inferred: true },
      { id: 'partie-legislative/deuxieme-partie/livre-ier', kind: 'livre', title: 'Livre Ier', inferred: true },
      { id: 'partie-legislative/deuxieme-partie/livre-ier/titre-iii', kind: 'titre', title: 'Titre III', inferred: true },
      { id: 'partie-legislative/deuxieme-partie/livre-ier/titre-iii/chapitre-ier', kind: 'chapitre', title: 'Chapitre Ier', inferred: true },
    ]);
  });

  it('puts R, D and starred articles in the regulatory part, and reads a two-digit chapter', () => {
    expect(inferTocFromNumber('R*4433-26').map((level) => level.title)).toEqual(['Partie réglementaire', 'Quatrième partie', 'Livre IV', 'Titre III', 'Chapitre III']);
    expect(inferTocFromNumber('D24311-1').at(-1)!.title).toBe('Chapitre XI');
  });

  it('gives only the part for numbers too short to say (annexes, "Rubrique 4")', () => {
    expect(inferTocFromNumber('Annexe X-I').map((level) => level.title)).toEqual(['Annexes']);
  });
});
