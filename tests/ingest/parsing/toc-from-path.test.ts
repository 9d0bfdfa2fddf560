import { describe, expect, it } from 'vitest';
import { readTocFromPath, readTocSlug } from '../../../ingest/parsing/toc-from-path.ts';

describe('readTocSlug', () => {
  it.each([
    ['partie-legislative', 'code-part', 'Partie législative'],
    ['deuxieme-partie-la-commune', 'partie', 'Deuxième partie : La commune'],
    ['quatrieme-partie', 'partie', 'Quatrième partie'],
    ['livre-ier-organisation-de-la-commune', 'livre', 'Livre Ier : Organisation de la commune'],
    ['titre-iii', 'titre', 'Titre III'],
    ['titre-unique', 'titre', 'Titre unique'],
    ['chapitre-ier-dispositions-generales', 'chapitre', 'Chapitre Ier : Dispositions generales'],
    // "bis" is a suffix of the number only when a whole word
    ['section-2-bis-dispositions', 'section', 'Section 2 bis : Dispositions'],
    ['chapitre-ii-competences', 'chapitre', 'Chapitre II : Competences'],
    ['sous-section-1-composition', 'sous-section', 'Sous-section 1 : Composition'],
    ['paragraphe-3', 'paragraphe', 'Paragraphe 3'],
    ['annexe-i', 'annexe', 'Annexe I'],
  ])('reads "%s" as a %s titled "%s"', (slug, kind, title) => {
    expect(readTocSlug(slug)).toEqual({ kind, title });
  });
});

describe('readTocFromPath', () => {
  it('starts below the code folder, leaves the file out, and prefers a README title', () => {
    const folder = 'codes-en-vigueur/code-general-des-collectivites-territoriales/partie-legislative/premiere-partie';
    const levels = readTocFromPath(`${folder}/livre-ier/article-l1111-1.md`, new Map([[folder, 'PREMIÈRE PARTIE : DISPOSITIONS GÉNÉRALES']]));
    expect(levels.map((level) => [level.id, level.title])).toEqual([
      ['partie-legislative', 'Partie législative'],
      ['partie-legislative/premiere-partie', 'PREMIÈRE PARTIE : DISPOSITIONS GÉNÉRALES'],
      ['partie-legislative/premiere-partie/livre-ier', 'Livre Ier'],
    ]);
  });

  it('gives nothing for a file outside the code folders', () => {
    expect(readTocFromPath('notes/l1111-1.md')).toEqual([]);
  });
});
