import { describe, expect, it } from 'vitest';
import { buildAccentDictionary, restoreAccents } from '../../../ingest/parsing/restore-accents.ts';

// Texts written for the test, in the code's style: they teach the spellings.
const dictionary = buildAccentDictionary([
  "La coopération décentralisée des collectivités territoriales est régie par le présent chapitre.",
  "Le service départemental d'incendie et de secours assure la défense extérieure contre l'incendie.",
  "En Polynésie française, la commission de la coopération intercommunale se réunit. La Polynésie française est consultée.",
  "Les garanties sont accordées à l'issue du mandat.",
  "Les dispositions générales du présent titre s'appliquent dans les conditions prévues à l'article 73 de la Constitution.",
]);

describe('restoreAccents', () => {
  it.each([
    // Accents lost in the slug "chapitre-v-cooperation-decentralisee".
    ['Chapitre V : Cooperation decentralisee', 'Chapitre V : Coopération décentralisée'],
    // Elided article glued to its noun once the apostrophe is gone: "contre-lincendie".
    ['Chapitre V : Defense exterieure contre lincendie', "Chapitre V : Défense extérieure contre l'incendie"],
    // Proper nouns get their capital back; a lone "a" in a title is the preposition.
    ['Paragraphe 8 : Commission de la cooperation intercommunale de la polynesie francaise', 'Paragraphe 8 : Commission de la coopération intercommunale de la Polynésie française'],
    ['Sous-section 3 : Garanties accordees a lissue du mandat', "Sous-section 3 : Garanties accordées à l'issue du mandat"],
    // Roman numerals and unknown words are left alone.
    ['Titre III : Recettes fiscales', 'Titre III : Recettes fiscales'],
    // Words that have their accents keep them.
    ['Chapitre Ier : Dispositions générales', 'Chapitre Ier : Dispositions générales'],
    // A part's name inferred from its number ("Première partie") before a slug's words: the slug's are restored (issue 13).
    ['Première partie : Dispositions generales', 'Première partie : Dispositions générales'],
    ['Titre III : Dispositions relatives a larticle 73', "Titre III : Dispositions relatives à l'article 73"],
  ])('turns "%s" into "%s"', (title, expected) => {
    expect(restoreAccents(title, dictionary)).toBe(expected);
  });
});
