import { describe, expect, it } from 'vitest';
import { decodeEntities, parseHtmlFragment } from '../../../ingest/parsing/parse-html-fragment.ts';

describe('parseHtmlFragment', () => {
  it("reads single-quoted attributes, as Légifrance writes them (<a href='…' title='…'>)", () => {
    const { tree } = parseHtmlFragment("<a href='/code/l1.md' title='Code - art. L1 (V)'>L. 1</a>");
    expect(tree.children[0]).toMatchObject({ type: 'element', tagName: 'a', properties: { href: '/code/l1.md', title: 'Code - art. L1 (V)' } });
  });

  it('closes an open <p> when a new block starts, like a browser', () => {
    const { tree, unclosed } = parseHtmlFragment('<p>un<p>deux</p>');
    expect(tree.children.map((child) => (child.type === 'element' ? child.tagName : child.type))).toEqual(['p', 'p']);
    expect(unclosed).toEqual([]);
  });

  it('keeps a "<" that opens no tag as text and skips comments', () => {
    const { tree } = parseHtmlFragment('a < b<!-- note -->c');
    expect(tree.children.map((child) => (child.type === 'text' ? child.value : '?')).join('')).toBe('a < bc');
  });

  it('reports where an unclosed element starts', () => {
    expect(parseHtmlFragment('<p>ok</p><div>cut').unclosed).toEqual([{ tagName: 'div', offset: 9 }]);
  });
});

describe('a single-quoted attribute holding an apostrophe', () => {
  // cgct-legifrance-md's L1523-2: title='Code de l'urbanisme - art. L300-4 (V)'; the link was read as text, raw tag and all.
  it('is one attribute, and the link a link', () => {
    const { tree } = parseHtmlFragment("visée à l'article <a href='/code-de-lurbanisme/l300-4.md' title='Code de l'urbanisme - art. L300-4 (V)'>L. 300-4 </a>du code");
    const link = tree.children.find((node) => node.type === 'element');
    expect(link).toMatchObject({ tagName: 'a', properties: { href: '/code-de-lurbanisme/l300-4.md', title: "Code de l'urbanisme - art. L300-4 (V)" } });
  });

  it('still closes at a quote followed by a space or the end of the tag', () => {
    const { tree } = parseHtmlFragment("<a title='l'a' href='/x.md'>x</a>");
    expect(tree.children[0]).toMatchObject({ tagName: 'a', properties: { title: "l'a", href: '/x.md' } });
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references and keeps unknown ones', () => {
    expect(decodeEntities('&laquo;&#233;&#xE9;&amp;&unknown;&raquo;')).toBe('«éé&&unknown;»');
  });
});
