import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../ingest/sources/detect-format.ts';

describe('detectFormat', () => {
  it.each([
    // seed 000's shape: heading then HTML
    ['000.txt', '# Article L1115-1\n\n<p>Dans le respect…</p>', 'legifrance-md'],
    // a short legifrance-md body may have no tag: its folder decides
    ['code-general-des-collectivites-territoriales/partie-legislative/x/l1.md', '# Article L1\n\nSans balise.', 'legifrance-md'],
    // seed 002's shape: the "Liens relatifs" block
    ['002.txt', '# Article L5111-1\n\nTexte.\n\n**Liens relatifs à cet article**\n', 'liens-relatifs-md'],
    // a lexlib file without block is still lexlib, by its name
    ['01. Partie législative/Article L1 - 123.md', '# Article L1\n\nTexte.', 'liens-relatifs-md'],
    // etalab, even with embedded HTML
    ['codes-en-vigueur/code-general-des-collectivites-territoriales/x/article-l4135-19-3.md', '# Article L4135-19-3\n\n<div align="left">Selon…</div>', 'etalab-md'],
    ['notes/l1.md', '# Article L1\n\nTexte brut.', 'etalab-md'],
    ['page.html', '<html><h1>Article L1</h1></html>', 'html-page'],
    // seed 001's shape: a guide
    ['001.txt', 'ASSOCIATION DES MAIRES DE FRANCE\n\n## L’action extérieure…', 'free-text'],
    ['partie/l2131-1.md', '<p>Sans titre</p>', 'article-without-heading'],
  ])('reads %s as %s', (path, text, format) => {
    expect(detectFormat(path, text)).toBe(format);
  });
});
