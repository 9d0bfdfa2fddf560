/**
 * The Markdown of lexlib, lexxxit and etalab bodies → HTML, for the same fast path as
 * legifrance-md bodies. These bodies use little Markdown: paragraphs hard-wrapped at ~128
 * characters ("…aux dispositions du premier alinéa de l'article L.\n2334-…"), "- " lists,
 * "**bold**", and raw HTML tables or divs ('<div align="left">…<br/>'). remark-parse handles all
 * CommonMark but costs ~2 ms per article; and it would read "1. L'élu local exerce…" as a list
 * (losing the printed number) and an indented "    <tr>" as code. Raw HTML passes through; the
 * result is sanitized later like any body.
 */

const LIST_ITEM = /^\s{0,3}[-*+]\s+/;
const HTML_START = /^\s*<\/?[a-zA-Z]/;
// The text is the rest of the line, closing "#"s trimmed by trimClosingHashes (a lazy `(.*?)\s*#*\s*$`
// tried every split of a run of spaces: quadratic).
const HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+(.*)$/;

/** Converts a Markdown body to HTML, one `<p>` per paragraph. */
export function convertMarkdownToHtml(markdown: string): string {
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  const html: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (HTML_START.test(lines[0]!)) {
      html.push(lines.join('\n'));
      continue;
    }
    const heading = HEADING.exec(lines[0]!);
    if (heading && lines.length === 1) {
      html.push(`<h${heading[1]!.length}>${convertInline(trimClosingHashes(heading[2]!))}</h${heading[1]!.length}>`);
      continue;
    }
    if (LIST_ITEM.test(lines[0]!)) {
      html.push(convertList(lines));
      continue;
    }
    html.push(`<p>${convertInline(lines.join('\n'))}</p>`);
  }
  return html.join('\n');
}

/** A "- " list; a line not starting an item continues the previous one (hard wrap). */
function convertList(lines: string[]): string {
  const items: string[] = [];
  for (const line of lines) {
    if (LIST_ITEM.test(line) || items.length === 0) items.push(line.replace(LIST_ITEM, ''));
    else items[items.length - 1] += `\n${line.trim()}`;
  }
  return `<ul>${items.map((item) => `<li>${convertInline(item)}</li>`).join('')}</ul>`;
}

/** Emphasis, links and backslash escapes; raw inline HTML ("<br/>", "<sup>") is left as is. */
function convertInline(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, (_, character: string) => (character === '<' ? '&lt;' : character === '>' ? '&gt;' : character))
    // The annexes close bold after a space: "**LE SERVICE PUBLIC DE L'ASSAINISSEMENT **".
    .replace(/\*\*(?=\S)([\s\S]*?\S)\s*\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_(?=\S)([^_\n]*?\S)_(?=[\s.,;:)]|$)/g, '$1<em>$2</em>')
    // A label holds no "[" and an href no "(" nor "[": each "[" of "[[[[…" (or "](" of "[a]([a](…")
    // scanned to the end of the line (50,000 of them took 11–16 s).
    .replace(/\[([^[\]\n]+)\]\(([^()[\]\s]+)\)/g, (_, label: string, href: string) => `<a href="${href.replace(/"/g, '&quot;')}">${label}</a>`);
}

/** "Titre ##  " → "Titre": drops trailing spaces and "#"s in one backward scan. */
export function trimClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t#'.includes(text[end - 1]!)) end--;
  return text.slice(0, end).trim();
}
