import { describe, expect, it } from 'vitest';
import { classifyHref } from '../../../ingest/references/classify-href.ts';
import { convertHtmlBody, convertMarkdownBody } from '../../../ingest/parsing/html-to-text.ts';

describe('convertHtmlBody', () => {
  it('separates paragraphs by a blank line and collapses white space', () => {
    expect(convertHtmlBody('<p>Un   premier\n alinéa. </p><p> Un second.</p>').text).toBe('Un premier alinéa.\n\nUn second.');
  });

  it('reads "<br/><br/>" as a paragraph break and one "<br/>" as a line break', () => {
    expect(convertHtmlBody('<p>1° Un ;<br/><br/>\n\n2° Deux<br/>suite</p>').text).toBe('1° Un ;\n\n2° Deux\nsuite');
  });

  it('decodes character references', () => {
    expect(convertHtmlBody('<p>L&#39;article L.&nbsp;2131-1 &amp; suivants</p>').text).toBe("L'article L.\u00a02131-1 & suivants");
  });

  it('locates a link by offsets whose slice is the anchor text, trailing space excluded', () => {
    const body = convertHtmlBody("<p>fixées aux <a href='/code-general-des-collectivites-territoriales/x/l3131-1.md'>L. 3131-1, L. 3131-2, </a>et L. 4141-1.</p>");
    expect(body.links).toEqual([{ href: '/code-general-des-collectivites-territoriales/x/l3131-1.md', text: 'L. 3131-1, L. 3131-2,', start: 11, end: 32, targetArticle: 'L3131-1' }]);
    expect(body.text.slice(11, 32)).toBe('L. 3131-1, L. 3131-2,');
  });

  it('removes scripts, event handlers and javascript: URLs from the HTML but keeps links', () => {
    const body = convertHtmlBody('<p onclick="steal()">a <a href="javascript:steal()">b</a> <a href="/code-general-des-collectivites-territoriales/l1.md" title="t">c</a><script>steal()</script></p><img src="x" onerror="steal()">');
    expect(body.html).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(body.html).toContain('<a href="/code-general-des-collectivites-territoriales/l1.md" title="t">c</a>');
    expect(body.text).toBe('a b c');
  });

  it('reports elements left open at the end and keeps their text', () => {
    const body = convertHtmlBody('<p>Premier.</p><div>Coupé au milieu <a href="/x">du lien');
    expect(body.text).toBe('Premier.\n\nCoupé au milieu du lien');
    expect(body.unclosed.map((open) => open.tagName)).toEqual(['div', 'a']);
  });
});

describe('convertHtmlBody on tables', () => {
  // L2123-23 as legifrance-md writes it: header cells with <br/>, figures in their own cells.
  const SCALE = "<p>le barème suivant :</p><center><table border='1'><tbody><tr><th><br/>\n\nPopulation<br/><br/>\n\n(habitants)</th><th><br/>\n\nTaux</th></tr>"
    + "<tr><td align='justify'><br/>\n\nDe 1 000 à 3 499</td><td align='right'><br/>\n\n51,6</td></tr><tr><td align='justify'><br/>\n\nDe 3 500 à 9 999</td><td align='right'><br/>\n\n55</td></tr></tbody></table></center><p>Suite.</p>";

  it('writes one line per row and a tab between cells, so a rate never runs into its population bracket', () => {
    expect(convertHtmlBody(SCALE).text).toBe('le barème suivant :\n\nPopulation (habitants)\tTaux\nDe 1 000 à 3 499\t51,6\nDe 3 500 à 9 999\t55\n\nSuite.');
  });

  it('keeps the table in the sanitized HTML, with colspan and rowspan but no presentational attribute', () => {
    const html = convertHtmlBody("<p align='left'>Barème :</p><table border='1' cellpadding='0' width='680' align='center'><tbody><tr><td rowspan='2' width='228' vAlign='top' align='justify'>POPULATION</td><th colspan='2' scope='col' onclick='x()' style='color:red'>TAUX</th></tr></tbody></table>").html;
    expect(html).toBe('<p align="left">Barème :</p><table><tbody><tr><td rowspan="2">POPULATION</td><th colspan="2" scope="col">TAUX</th></tr></tbody></table>');
  });

  it('keeps an empty cell as its tab, so the figures after it stay in their column', () => {
    expect(convertHtmlBody('<table><tr><td>a</td><td></td><td>c</td></tr><tr><td></td><td>y</td></tr></table>').text).toBe('a\t\tc\n\ty');
  });

  it('never breaks a row inside a cell: paragraphs and line breaks in a cell become spaces', () => {
    const text = convertHtmlBody('<table><tr><td><p>NOMBRE DES MEMBRES<br/>du conseil</p><p>municipal</p></td><td><p>7</p></td></tr></table>').text;
    expect(text).toBe('NOMBRE DES MEMBRES du conseil municipal\t7');
  });

  it('does not turn an empty row or thead / tbody into a paragraph break inside the table', () => {
    const text = convertHtmlBody('<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td> </td></tr><tr><td>1</td><td>2</td></tr></tbody></table>').text;
    expect(text).toBe('A\tB\n1\t2');
  });

  it('locates a link inside a cell by offsets into the tabbed text', () => {
    const body = convertHtmlBody("<table><tr><th>Dispositions</th><th>Rédaction</th></tr><tr><td><a href='/code-general-des-collectivites-territoriales/x/r2335-1.md'>R. 2335-1</a> et R. 2335-2</td><td>Décret</td></tr></table>");
    const [link] = body.links;
    expect(body.text).toBe('Dispositions\tRédaction\nR. 2335-1 et R. 2335-2\tDécret');
    expect(body.text.slice(link!.start, link!.end)).toBe('R. 2335-1');
    expect(link!.targetArticle).toBe('R2335-1');
  });

  it('locates a link that opens a cell after an empty one, past both tabs', () => {
    const body = convertHtmlBody("<table><tr><td>x</td><td></td><td><a href='/code-general-des-collectivites-territoriales/x/l1.md'>L. 1</a></td></tr></table>");
    expect(body.text).toBe('x\t\tL. 1');
    expect(body.text.slice(body.links[0]!.start, body.links[0]!.end)).toBe('L. 1');
  });

  // Quadratic work on 200,000 cells (4·10¹⁰ steps) would not end within the test's timeout: no clock needed.
  it('reads a row of 200,000 empty cells in linear time (each cell\'s offset counted, not built)', () => {
    const body = convertHtmlBody(`<table><tr>${'<td></td>'.repeat(200_000)}<td><a href="/code-general-des-collectivites-territoriales/x/l1.md">L. 1</a></td></tr></table>`);
    expect(body.text).toBe(`${'\t'.repeat(200_000)}L. 1`);
    expect(body.links[0]!.start).toBe(200_000);
  });

  it('reads a table nested in a cell flat, as that cell\'s words', () => {
    expect(convertHtmlBody('<table><tr><td>a</td><td><table><tr><td>b</td><td>c</td></tr></table></td></tr></table>').text).toBe('a\tb c');
  });
});

describe('convertMarkdownBody', () => {
  it('joins hard-wrapped lines of a paragraph with a space, so a split reference is whole again', () => {
    const body = convertMarkdownBody("aux dispositions du premier alinéa de l'article L.\n2334-33 sont applicables.\n\n1. Un second alinéa numéroté.");
    expect(body.text).toBe("aux dispositions du premier alinéa de l'article L. 2334-33 sont applicables.\n\n1. Un second alinéa numéroté.");
    expect(body.html).toBe("<p>aux dispositions du premier alinéa de l'article L.\n2334-33 sont applicables.</p>\n<p>1. Un second alinéa numéroté.</p>");
  });

  it('reads the raw HTML some Markdown bodies embed', () => {
    const body = convertMarkdownBody('<div align="left">Selon des conditions fixées.<br/>\n<br/>  Tout autre avantage.</div>');
    expect(body.text).toBe('Selon des conditions fixées.\n\nTout autre avantage.');
  });

  it('turns "- " lines into list items and **bold** into strong', () => {
    const body = convertMarkdownBody('- un ;\n- deux.\n\n**Titre**');
    expect(body.html).toBe('<ul><li>un ;</li><li>deux.</li></ul>\n<p><strong>Titre</strong></p>');
    expect(body.text).toBe('un ;\n\ndeux.\n\nTitre');
  });
});

describe('classifyHref', () => {
  it('reads the CGCT article of a corpus path, the dash after the prefix of "r-1424-61.md" dropped', () => {
    expect(classifyHref('/code-general-des-collectivites-territoriales/partie-reglementaire/x/r-1424-61.md')).toEqual({ targetArticle: 'R1424-61' });
  });

  it("names another code from the link's title, else from its slug", () => {
    expect(classifyHref('/code-du-travail/partie-legislative/l1271-1.md', 'Code du travail - art. L1271-1 (V)')).toEqual({ targetCode: 'code du travail' });
    expect(classifyHref('/code-de-lenvironnement/partie-legislative/l211-7.md')).toEqual({ targetCode: "code de l'environnement" });
  });

  it('takes the LEGIARTI id of an old affichCodeArticle URL and the article from its title', () => {
    expect(classifyHref('/affichCodeArticle.do?cidTexte=LEGITEXT000006070633&idArticle=LEGIARTI000006397511&dateTexte=&categorieLien=cid', 'Code général des collectivités territoriales - art. R3533-2 (V)'))
      .toEqual({ targetArticle: 'R3533-2', legiId: 'LEGIARTI000006397511' });
  });

  it('takes the JORFTEXT id of an old affichTexte URL as the id of the text its title names', () => {
    expect(classifyHref('/affichTexte.do?cidTexte=JORFTEXT000000320197&categorieLien=cid', 'Loi n°83-8 du 7 janvier 1983 (V)'))
      .toEqual({ legiId: 'JORFTEXT000000320197', textLegifranceId: 'JORFTEXT000000320197', targetText: 'loi n° 83-8 du 7 janvier 1983' });
  });

  it("takes the text's id from cidTexte, never the LEGIARTI / JORFARTI of its article", () => {
    expect(classifyHref('/affichTexteArticle.do?cidTexte=JORFTEXT000000320434&idArticle=LEGIARTI000020959726&dateTexte=&categorieLien=cid'))
      .toEqual({ legiId: 'LEGIARTI000020959726', textLegifranceId: 'JORFTEXT000000320434' });
    expect(classifyHref('/affichTexteArticle.do?cidTexte=JORFTEXT000020671201&idArticle=JORFARTI000020671453&categorieLien=cid').textLegifranceId).toBe('JORFTEXT000020671201');
  });

  it("takes another code's LEGITEXT from its page's URL, and the JORF's PDF id", () => {
    expect(classifyHref("/affichCodeArticle.do?cidTexte=LEGITEXT000006074220&idArticle=LEGIARTI000045210503&dateTexte=&categorieLien=id", "Code de l'environnement - art. L213-12 (V)"))
      .toEqual({ targetCode: "code de l'environnement", legiId: 'LEGIARTI000045210503', textLegifranceId: 'LEGITEXT000006074220' });
    expect(classifyHref('https://www.legifrance.gouv.fr/jo_pdf.do?id=JORFTEXT000000886460').textLegifranceId).toBe('JORFTEXT000000886460');
  });
});

describe('classifyHref on other codes numbered without prefix', () => {
  it('names the code général des impôts for "…/1609-nonies-c.md"', () => {
    expect(classifyHref('/code-general-des-impots-cgi/livre-premier/1609-nonies-c.md', 'Code général des impôts, CGI. - art. 1609 nonies C (V)')).toEqual({ targetCode: 'code général des impôts' });
  });
});
