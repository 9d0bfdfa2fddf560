import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLegifranceMd } from '../../../ingest/parsing/parse-legifrance-md.ts';

const SEED_000 = readFileSync(new URL('../../../../shared/seeds/000_c854f3f50c2c0da0.txt', import.meta.url), 'utf8');
const CGCT = '/code-general-des-collectivites-territoriales/partie-legislative';

describe('parseLegifranceMd on seed 000', () => {
  const { article, messages } = parseLegifranceMd('000_c854f3f50c2c0da0.txt', SEED_000);

  it('reads article L1115-1 of the legislative part, in force, without messages', () => {
    expect(messages).toEqual([]);
    expect(article).toMatchObject({ id: 'L1115-1', number: 'L1115-1', code: 'CGCT', part: 'legislative', status: 'in-force', sourceFormat: 'legifrance-md', relatedLinks: [] });
  });

  it('keeps the two paragraphs of the body apart and drops the tags', () => {
    const paragraphs = article!.text.split('\n\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toMatch(/^Dans le respect des engagements internationaux de la France,.*à caractère humanitaire\.$/);
    expect(paragraphs[1]).toMatch(/^A cette fin, .* Les articles L\. 2131-6, L\. 3132-1 et L\. 4142-1 leur sont applicables\.$/);
    expect(article!.text).not.toMatch(/<|>/);
  });

  it('locates its six links in the text, each slice equal to the anchor text', () => {
    const expected = [
      { text: 'articles L. 2131-1, L. 2131-2', targetArticle: 'L2131-1', file: 'chapitre-ier-regime-juridique-des-actes-pris-par-les-autorites-communales/l2131-1.md' },
      { text: 'L. 3131-1, L. 3131-2,', targetArticle: 'L3131-1', file: 'chapitre-ier-publicite-et-entree-en-vigueur/l3131-1.md' },
      // The link that lies: its text says L. 4141-1 and L. 4141-2, its href l4131-1.
      { text: 'L. 4141-1 et L. 4141-2', targetArticle: 'L4131-1', file: 'chapitre-ier-dispositions-generales/l4131-1.md' },
      { text: 'articles L. 2131-6', targetArticle: 'L2131-6', file: 'chapitre-ier-regime-juridique-des-actes-pris-par-les-autorites-communales/l2131-6.md' },
      { text: 'L. 3132-1', targetArticle: 'L3132-1', file: 'chapitre-ii-controle-de-legalite/l3132-1.md' },
      { text: 'L. 4142-1', targetArticle: 'L4142-1', file: 'chapitre-ii-controle-de-legalite/l4142-1.md' },
    ];
    expect(article!.links).toHaveLength(6);
    article!.links.forEach((link, index) => {
      expect(link.text).toBe(expected[index]!.text);
      expect(article!.text.slice(link.start, link.end)).toBe(expected[index]!.text);
      expect(link.targetArticle).toBe(expected[index]!.targetArticle);
      expect(link.href.startsWith(CGCT)).toBe(true);
      expect(link.href.endsWith(expected[index]!.file)).toBe(true);
    });
    // In the order of the text, without overlap.
    for (let i = 1; i < article!.links.length; i++) expect(article!.links[i]!.start).toBeGreaterThan(article!.links[i - 1]!.end);
  });

  it('keeps the links in the sanitized HTML', () => {
    expect(article!.html).toContain(`<a href="${CGCT}/quatrieme-partie-la-region/`);
    expect(article!.html.match(/<a /g)).toHaveLength(6);
  });

  it('infers the table of contents from the number when the file is outside the slugged folders', () => {
    expect(article!.toc.map((level) => level.title)).toEqual(['Partie législative', 'Première partie', 'Livre Ier', 'Titre Ier', 'Chapitre V']);
    expect(article!.toc.every((level) => level.inferred)).toBe(true);
  });

  it('hashes text, html and related links into a 64-hex-digit content hash that changes with the text', () => {
    expect(article!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const changed = parseLegifranceMd('x.md', SEED_000.replace('annuelle ou pluriannuelle', 'pluriannuelle'));
    expect(changed.article!.contentHash).not.toBe(article!.contentHash);
  });
});

describe('parseLegifranceMd in the corpus folders', () => {
  const path = 'code-general-des-collectivites-territoriales/partie-legislative/deuxieme-partie-la-commune/livre-ier-organisation-de-la-commune/titre-iii-actes-des-autorites-communales-et-actions-contentieuses/chapitre-ier-regime-juridique-des-actes-pris-par-les-autorites-communales/section-2-bis-dispositions-diverses/l2131-2-1.md';
  const { article } = parseLegifranceMd(path, '# Article L2131-2-1\n\n<p>Premier alinéa.<br/><br/>1° Un ;<br/><br/>2° Deux.</p>');

  it('names each level from its slug: "Livre Ier", "Titre III", "Chapitre Ier", "Section 2 bis"', () => {
    expect(article!.toc.map((level) => [level.kind, level.title])).toEqual([
      ['code-part', 'Partie législative'],
      ['partie', 'Deuxième partie : La commune'],
      ['livre', 'Livre Ier : Organisation de la commune'],
      ['titre', 'Titre III : Actes des autorites communales et actions contentieuses'],
      ['chapitre', 'Chapitre Ier : Regime juridique des actes pris par les autorites communales'],
      ['section', 'Section 2 bis : Dispositions diverses'],
    ]);
    expect(article!.toc[2]!.id).toBe('partie-legislative/deuxieme-partie-la-commune/livre-ier-organisation-de-la-commune');
    expect(article!.toc.some((level) => level.inferred)).toBe(false);
  });

  it('turns two <br/> into a paragraph break', () => {
    expect(article!.text).toBe('Premier alinéa.\n\n1° Un ;\n\n2° Deux.');
  });

  it('reads the numbers Légifrance prints oddly: "R 1424-61", "D. 2335-23", "R*4433-26", "Rubrique 4"', () => {
    expect(parseLegifranceMd('r-1424-61.md', '# Article R 1424-61\n\n<p>x</p>').article!.id).toBe('R1424-61');
    expect(parseLegifranceMd('d-2335-23.md', '# Article D. 2335-23\n\n<p>x</p>').article!.id).toBe('D2335-23');
    expect(parseLegifranceMd('r4433-26.md', '# Article R*4433-26\n\n<p>x</p>').article!.id).toBe('R*4433-26');
    const rubrique = parseLegifranceMd('code-general-des-collectivites-territoriales/annexes/annexe-i/rubrique-4.md', '# Article Rubrique 4\n\n<p>x</p>').article!;
    expect([rubrique.id, rubrique.part]).toEqual(['Rubrique 4', 'annex']);
  });
});
