import { describe, expect, it } from 'vitest';
import { convertMarkdownToHtml } from '../../../ingest/parsing/markdown-to-html.ts';

describe('convertMarkdownToHtml', () => {
  it('makes one paragraph per block and keeps a printed "1." as text, not a list', () => {
    expect(convertMarkdownToHtml("Premier alinéa\ncoupé.\n\n1. L'élu local exerce ses fonctions.")).toBe("<p>Premier alinéa\ncoupé.</p>\n<p>1. L'élu local exerce ses fonctions.</p>");
  });

  it('passes an indented HTML table through instead of reading it as code', () => {
    expect(convertMarkdownToHtml('<table>\n    <tr>\n      <td>x</td>\n    </tr>\n</table>')).toBe('<table>\n    <tr>\n      <td>x</td>\n    </tr>\n</table>');
  });

  it('reads emphasis and escapes, and leaves underscores inside words alone', () => {
    expect(convertMarkdownToHtml('**Nota** _important_ PILOTE_SUIVEUR \\*')).toBe('<p><strong>Nota</strong> <em>important</em> PILOTE_SUIVEUR *</p>');
  });
});

describe('convertMarkdownToHtml on the annexes', () => {
  it('closes bold after a trailing space, as the annexes write it', () => {
    expect(convertMarkdownToHtml("**LE SERVICE PUBLIC DE L'ASSAINISSEMENT **")).toBe("<p><strong>LE SERVICE PUBLIC DE L'ASSAINISSEMENT</strong></p>");
  });
});
