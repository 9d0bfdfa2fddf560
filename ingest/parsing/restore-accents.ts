/**
 * Section titles read from legifrance-md's slugged folders have lost their accents, capitals and
 * apostrophes ("chapitre-v-defense-exterieure-contre-lincendie" → "Chapitre V : Defense
 * exterieure contre lincendie"). The articles' own text has them, so each word takes the
 * spelling the code uses most often for it ("exterieure" → "extérieure", "polynesie" →
 * "Polynésie"), and "lincendie", unknown as such, becomes "l'incendie" since "incendie" is known.
 */

/** What the texts teach about spelling. */
export interface AccentDictionary {
  /** Unaccented lower-case word → the spelling the texts use most (accents and, for proper nouns, capitals). */
  spellings: Map<string, string>;
}

const WORD = /[A-Za-zÀ-ÖØ-öø-ÿŒœ]+/g;
// Elided articles and pronouns glued to the next word once the apostrophe is gone: "lissue", "dun", "quil".
const ELISION = /^(qu|l|d|j|n|s|c)([aeiouyhàâéèêîôû].+)$/;

/** Learns the spellings of every word of the texts. */
export function buildAccentDictionary(texts: Iterable<string>): AccentDictionary {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const [word] of text.matchAll(WORD)) {
      const folded = foldWord(word.toLowerCase());
      let forms = counts.get(folded);
      if (!forms) counts.set(folded, (forms = new Map()));
      forms.set(word, (forms.get(word) ?? 0) + 1);
    }
  }
  const spellings = new Map<string, string>();
  for (const [folded, forms] of counts) {
    const lower = new Map<string, number>();
    for (const [form, count] of forms) lower.set(form.toLowerCase(), (lower.get(form.toLowerCase()) ?? 0) + count);
    const [bestLower] = [...lower.entries()].sort((a, b) => b[1] - a[1])[0]!;
    // A proper noun is capitalized more often than not ("Polynésie"); a sentence-initial "Le" is not.
    const capitalized = forms.get(bestLower[0]!.toUpperCase() + bestLower.slice(1)) ?? 0;
    const properNoun = capitalized > (forms.get(bestLower) ?? 0);
    spellings.set(folded, properNoun ? bestLower[0]!.toUpperCase() + bestLower.slice(1) : bestLower);
  }
  return { spellings };
}

/** Puts back the accents, proper-noun capitals and elided apostrophes of the words of a title rebuilt from a slug. */
export function restoreAccents(title: string, dictionary: AccentDictionary): string {
  return title.replace(WORD, (word) => {
    // A word that has its accents came with them ("Première partie", inferred from the number,
    // before the slug's "Dispositions generales"): only the others are restored.
    if (/[À-ÿ]/.test(word)) return word;
    if (/^[IVXLC]+$/.test(word) && word.length > 1) return word;
    // "Garanties accordées a l'issue du mandat": in a title, a lone "a" is the preposition.
    if (word === 'a') return 'à';
    if (word.length < 2) return word;
    const known = dictionary.spellings.get(word.toLowerCase());
    if (known) return matchCase(word, known);
    const elided = ELISION.exec(word.toLowerCase());
    const rest = elided ? dictionary.spellings.get(elided[2]!) : undefined;
    return elided && rest ? `${matchCase(word, elided[1]!)}'${rest}` : word;
  });
}

/** The dictionary's spelling with the title's capital on the first letter, proper nouns kept capitalized. */
function matchCase(original: string, spelling: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return spelling.toUpperCase();
  const capital = original[0] !== original[0]!.toLowerCase() || spelling[0] !== spelling[0]!.toLowerCase();
  return capital ? spelling[0]!.toUpperCase() + spelling.slice(1) : spelling;
}

function foldWord(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
