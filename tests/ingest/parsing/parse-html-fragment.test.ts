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

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references and keeps unknown ones', () => {
    expect(decodeEntities('&laquo;&#233;&#xE9;&amp;&unknown;&raquo;')).toBe('«éé&&unknown;»');
  });
});
