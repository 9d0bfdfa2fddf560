import { describe, expect, it } from 'vitest';
import { collectSectionTitles } from '../../../ingest/parsing/collect-section-titles.ts';
import { parseEtalabMd } from '../../../ingest/parsing/parse-etalab-md.ts';

const ROOT = 'codes-en-vigueur/code-general-des-collectivites-territoriales/partie-legislative/premiere-partie/livre-ier/titre-ier/chapitre-v';
const READMES = [
  { path: 'codes-en-vigueur/code-general-des-collectivites-territoriales/partie-legislative/README.md', text: '# Partie législative\n\n- [PREMIÈRE PARTIE : DISPOSITIONS GÉNÉRALES](premiere-partie)\n' },
  { path: 'codes-en-vigueur/code-general-des-collectivites-territoriales/partie-legislative/premiere-partie/README.md', text: '# PREMIÈRE PARTIE : DISPOSITIONS GÉNÉRALES\n' },
  { path: `${ROOT}/README.md`, text: '# CHAPITRE V : Action extérieure des collectivités territoriales\n\n- [Section 1 : …](section-1)\n' },
];
const ARTICLE = '# Article L1115-1\n\nDans le respect des engagements internationaux de la France, les collectivités territoriales peuvent agir.\n\nElles peuvent conclure des conventions, dans les conditions fixées aux articles L. 2131-1 et L. 2131-2.\n';

describe('collectSectionTitles', () => {
  it("maps each folder to its README's first heading", () => {
    const titles = collectSectionTitles(READMES);
    expect(titles.get(ROOT)).toBe('CHAPITRE V : Action extérieure des collectivités territoriales');
    expect(titles.size).toBe(3);
  });
});

describe('parseEtalabMd', () => {
  const titles = collectSectionTitles(READMES);

  it('reads an article in force with its two paragraphs', () => {
    const { article, messages } = parseEtalabMd(`${ROOT}/article-l1115-1.md`, ARTICLE, titles);
    expect(messages).toEqual([]);
    expect(article).toMatchObject({ id: 'L1115-1', status: 'in-force', sourceFormat: 'etalab-md', links: [] });
    expect(article!.text.split('\n\n')).toHaveLength(2);
  });

  it('names the sections by their README titles, and the others by their slugs', () => {
    const { article } = parseEtalabMd(`${ROOT}/article-l1115-1.md`, ARTICLE, titles);
    expect(article!.toc.map((level) => [level.kind, level.title])).toEqual([
      ['code-part', 'Partie législative'],
      ['partie', 'PREMIÈRE PARTIE : DISPOSITIONS GÉNÉRALES'],
      ['livre', 'Livre Ier'],
      ['titre', 'Titre Ier'],
      ['chapitre', 'CHAPITRE V : Action extérieure des collectivités territoriales'],
    ]);
  });

  it('reads a file under codes-non-en-vigueur as no longer in force', () => {
    const { article } = parseEtalabMd(`codes-non-en-vigueur/${ROOT.slice('codes-en-vigueur/'.length)}/article-l1115-1.md`, ARTICLE, titles);
    expect(article!.status).toBe('repealed');
  });
});
