import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffWords, splitParagraphs } from '../../../ingest/history/diff-paragraphs.ts';
import type { ParagraphDiff } from '../../../ingest/history/diff-paragraphs.ts';

const same = (text: string): ParagraphDiff => ({ kind: 'same', before: text, after: text });
const added = (text: string): ParagraphDiff => ({ kind: 'added', after: text });
const removed = (text: string): ParagraphDiff => ({ kind: 'removed', before: text });
/** A changed paragraph, with its word runs written as [kind, text] pairs. */
const changed = (before: string, after: string, words: Array<['same' | 'added' | 'removed', string]>): ParagraphDiff =>
  ({ kind: 'changed', before, after, words: words.map(([kind, text]) => ({ kind, text })) });

const P1 = "Le conseil municipal règle par ses délibérations les affaires de la commune.";
const P2 = "Les dispositions de l'article L. 2131-1 sont applicables.";
const P2_LIST = "Les dispositions des articles L. 2131-1 et L. 2131-2 sont applicables.";
const P3 = "Un décret en Conseil d'Etat fixe les modalités d'application du présent article.";
const REPEALED = "II. - Le représentant de l'Etat dans le département peut, dans un délai de deux mois, déférer l'acte au tribunal administratif.";
const INSERTED = "Le maire rend compte de cette décision à la plus proche réunion du conseil municipal.";

// One row per kind of amendment, in the words of the amending texts ("est ainsi modifié", "est
// abrogé", "il est inséré un alinéa ainsi rédigé").
const ROWS: Array<[comment: string, before: string, after: string, expected: ParagraphDiff[]]> = [
  ['identical texts are all kept', `${P1}\n\n${P2}`, `${P1}\n\n${P2}`, [same(P1), same(P2)]],
  ['"les mots « de l\'article » sont remplacés par les mots « des articles »" and "et L. 2131-2" inserted: one changed paragraph', `${P1}\n\n${P2}\n\n${P3}`, `${P1}\n\n${P2_LIST}\n\n${P3}`, [
    same(P1),
    changed(P2, P2_LIST, [['same', 'Les dispositions '], ['removed', "de l'article "], ['added', 'des articles '], ['same', 'L. 2131-1 '], ['added', 'et L. 2131-2 '], ['same', 'sont applicables.']]),
    same(P3),
  ]],
  ['"il est inséré un alinéa ainsi rédigé": an added paragraph', `${P1}\n\n${P3}`, `${P1}\n\n${INSERTED}\n\n${P3}`, [same(P1), added(INSERTED), same(P3)]],
  ['"le deuxième alinéa est supprimé": a removed paragraph', `${P1}\n\n${REPEALED}\n\n${P3}`, `${P1}\n\n${P3}`, [same(P1), removed(REPEALED), same(P3)]],
  ['an alinéa replaced by an unrelated one is removed then added, not changed', `${P1}\n\n${REPEALED}`, `${P1}\n\n${INSERTED}`, [same(P1), removed(REPEALED), added(INSERTED)]],
  ['a rewritten alinéa next to a new one: the similar one is paired, the other added', `${P2}\n\n${P3}`, `${INSERTED}\n\n${P2_LIST}\n\n${P3}`, [
    added(INSERTED),
    changed(P2, P2_LIST, [['same', 'Les dispositions '], ['removed', "de l'article "], ['added', 'des articles '], ['same', 'L. 2131-1 '], ['added', 'et L. 2131-2 '], ['same', 'sont applicables.']]),
    same(P3),
  ]],
  ['a trailing full stop turned into a list: the punctuation is a word of its own', 'Sont applicables les articles L. 2122-1 à L. 2122-17.', 'Sont applicables les articles L. 2122-1 à L. 2122-17, L. 2122-22 et L. 2122-23.', [
    changed('Sont applicables les articles L. 2122-1 à L. 2122-17.', 'Sont applicables les articles L. 2122-1 à L. 2122-17, L. 2122-22 et L. 2122-23.', [
      ['same', 'Sont applicables les articles L. 2122-1 à L. 2122-17'], ['added', ', L. 2122-22 et L. 2122-23'], ['same', '.'],
    ]),
  ]],
  ['"l\'article est abrogé": every paragraph removed', `${P1}\n\n${P2}`, '', [removed(P1), removed(P2)]],
  ['a new article: every paragraph added', '', `${P1}\n\n${P2}`, [added(P1), added(P2)]],
  ['blank lines with spaces and extra newlines still separate paragraphs, and are not text', `${P1}\n \n\n${P2}\n`, `${P1}\n\n${P2}`, [same(P1), same(P2)]],
  ['a repeated paragraph (the "1° … ; 2° …" of two lists) is matched once per occurrence', `${P1}\n\n${P3}\n\n${P1}`, `${P1}\n\n${P1}`, [same(P1), removed(P3), same(P1)]],
];

describe('diffParagraphs', () => {
  it.each(ROWS)('%s', (_comment, before, after, expected) => {
    expect(diffParagraphs(before, after)).toEqual(expected);
  });

  it('pairs more or fewer paragraphs as the similarity threshold is lowered or raised', () => {
    const before = `${P1}\n\n${P2}`;
    const after = `${P1}\n\n${P2_LIST}`;
    expect(diffParagraphs(before, after, { similarity: 0.9 }).map((entry) => entry.kind)).toEqual(['same', 'removed', 'added']);
    expect(diffParagraphs(`${P1}\n\n${REPEALED}`, `${P1}\n\n${INSERTED}`, { similarity: 0.1 }).map((entry) => entry.kind)).toEqual(['same', 'changed']);
  });

  it('keeps every paragraph of both texts, in order', () => {
    const before = [P1, P2, REPEALED, P3].join('\n\n');
    const after = [INSERTED, P1, P2_LIST, P3, P1].join('\n\n');
    const diff = diffParagraphs(before, after);
    expect(diff.flatMap((entry) => (entry.before === undefined ? [] : [entry.before]))).toEqual(splitParagraphs(before));
    expect(diff.flatMap((entry) => (entry.after === undefined ? [] : [entry.after]))).toEqual(splitParagraphs(after));
  });

  it('compares an article of 300 paragraphs with 30 of them amended, paragraph by paragraph', () => {
    const paragraphs = Array.from({ length: 300 }, (_, k) => `${k + 1}° Les dispositions de l'article L. ${2000 + k}-1 sont applicables aux communes de moins de ${k * 100} habitants.`);
    const amended = paragraphs.map((paragraph, k) => (k % 10 === 0 ? paragraph.replace("de l'article", 'des articles').replace('-1 sont', '-1 et L. 2131-2 sont') : paragraph));
    const diff = diffParagraphs(paragraphs.join('\n\n'), amended.join('\n\n'));
    expect(diff.filter((entry) => entry.kind === 'changed')).toHaveLength(30);
    expect(diff.filter((entry) => entry.kind === 'same')).toHaveLength(270);
  });

  it('shows a wholly rewritten annex of thousands of lines as removed and added rather than comparing every pair', () => {
    const before = Array.from({ length: 600 }, (_, k) => `Rubrique ${k} : pièces justificatives ancienne version`).join('\n\n');
    const after = Array.from({ length: 600 }, (_, k) => `Rubrique ${k} : pièces justificatives nouvelle version`).join('\n\n');
    const diff = diffParagraphs(before, after);
    expect(diff.filter((entry) => entry.kind === 'removed')).toHaveLength(600);
    expect(diff.filter((entry) => entry.kind === 'added')).toHaveLength(600);
  });
});

describe('diffWords', () => {
  it('joins back into the older text from its same and removed runs, and into the newer from its same and added runs', () => {
    const before = "Le maire peut, par délégation du conseil municipal, être chargé, en tout ou partie, et pour la durée de son mandat : 1° D'arrêter et modifier l'affectation des propriétés communales.";
    const after = "Le maire peut, en outre, par délégation du conseil municipal, être chargé, pour la durée de son mandat : 1° D'arrêter et de modifier l'affectation des propriétés communales utilisées par les services publics municipaux.";
    const runs = diffWords(before, after);
    expect(runs.filter((run) => run.kind !== 'added').map((run) => run.text).join('')).toBe(before);
    expect(runs.filter((run) => run.kind !== 'removed').map((run) => run.text).join('')).toBe(after);
  });

  it('gives a single replacement for paragraphs too long to compare word by word', () => {
    const before = Array.from({ length: 3000 }, (_, k) => `a${k}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, k) => `b${k}`).join(' ');
    expect(diffWords(before, after)).toEqual([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  });
});
