import { describe, expect, it } from 'vitest';
import { parseHighlight, segmentArticleText } from '../../web/src/article-text.ts';
import type { Reference } from '../../web/src/types.ts';

function reference(target: string, text: string, designators: string[]): Reference {
  const spans = designators.flatMap((designator) => {
    const start = text.indexOf(designator);
    return [start, start + designator.length];
  });
  return { target: { id: target, label: target, kind: 'ARTICLE' }, code: 'CGCT', pinpoints: [], spans, resolution: 'RESOLVED', candidates: [] };
}

describe('segmentArticleText', () => {
  it('cuts paragraphs at blank lines and makes each designator a reference run', () => {
    const text = 'Les actes mentionnés aux articles L. 2131-1 et L. 2131-2 sont transmis.\n\nVoir aussi L. 2131-1.';
    const first = reference('L2131-1', text, ['L. 2131-1']);
    first.spans.push(text.lastIndexOf('L. 2131-1'), text.lastIndexOf('L. 2131-1') + 'L. 2131-1'.length);
    const second = reference('L2131-2', text, ['L. 2131-2']);
    const paragraphs = segmentArticleText(text, [first, second]);
    expect(paragraphs.map((p) => p.map((s) => [s.text, s.reference?.target.id ?? null]))).toEqual([
      [['Les actes mentionnés aux articles ', null], ['L. 2131-1', 'L2131-1'], [' et ', null], ['L. 2131-2', 'L2131-2'], [' sont transmis.', null]],
      [['Voir aussi ', null], ['L. 2131-1', 'L2131-1'], ['.', null]],
    ]);
  });

  it('keeps the text whole when a span is out of range or overlaps another', () => {
    const text = 'aux articles L. 4141-1 et L. 4141-2';
    const grouped = reference('L4141-1', text, ['L. 4141-1 et L. 4141-2']);
    const inner = reference('L4141-2', text, ['L. 4141-2']);
    const broken: Reference = { ...inner, spans: [30, 999, 5] };
    const segments = segmentArticleText(text, [grouped, inner, broken])[0]!;
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.reference)).toHaveLength(1);
  });

  it('ignores spans that cover no designator (offsets into another version of the text)', () => {
    const text = 'Les collectivités territoriales peuvent conclure des conventions.';
    const stale: Reference = { ...reference('L2131-1', text, []), spans: [4, 17] };
    expect(segmentArticleText(text, [stale])).toEqual([[{ text }]]);
  });
});

describe('parseHighlight', () => {
  it('marks only <mark> runs and decodes the escaped rest as text', () => {
    expect(parseHighlight('la <mark>commune</mark> &amp; &lt;script&gt; &#39;x&#39;')).toEqual([
      { text: 'la ', marked: false },
      { text: 'commune', marked: true },
      { text: " & <script> 'x'", marked: false },
    ]);
  });

  it('leaves any other tag as visible text', () => {
    expect(parseHighlight('<img src=x onerror=alert(1)><mark>a</mark>').map((r) => r.text)).toEqual(['<img src=x onerror=alert(1)>', 'a']);
  });
});
