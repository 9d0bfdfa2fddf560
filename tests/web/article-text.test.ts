import { describe, expect, it } from 'vitest';
import { parseHighlight, segmentArticleBlocks, type TextBlock, type TextSegment } from '../../web/src/article-text.ts';
import type { TableShape } from '../../web/src/text-tables.ts';
import type { Reference } from '../../web/src/types.ts';

function reference(target: string, text: string, designators: string[]): Reference {
  const spans = designators.flatMap((designator) => {
    const start = text.indexOf(designator);
    return [start, start + designator.length];
  });
  return { target: { id: target, label: target, kind: 'ARTICLE' }, code: 'CGCT', pinpoints: [], spans, resolution: 'RESOLVED', candidates: [] };
}

/** The paragraphs of the blocks as runs (tables left out): the shape the old tests read. */
function segmentArticleText(text: string, references: Reference[]): TextSegment[][] {
  return segmentArticleBlocks(text, references).flatMap((block) => block.kind === 'paragraph' ? [block.segments] : []);
}

/** A table block as rows of [tag, text, reference id or null, spans]. */
function tableOf(block: TextBlock | undefined): string[][] {
  if (block?.kind !== 'table') throw new Error(`not a table: ${JSON.stringify(block)}`);
  return block.rows.map((row) => row.map((cell) => {
    const spans = `${cell.colSpan > 1 ? ` colspan=${cell.colSpan}` : ''}${cell.rowSpan > 1 ? ` rowspan=${cell.rowSpan}` : ''}`;
    const runs = cell.segments.map((s) => (s.reference ? `[${s.text}→${s.reference.target.id}]` : s.text)).join('');
    return `${cell.header ? 'th' : 'td'}${spans}:${runs}`;
  }));
}

function cellShape(letters: string, header = false, colSpan = 1, rowSpan = 1) {
  return { header, colSpan, rowSpan, letters: letters.replace(/\s+/g, '') };
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

describe('segmentArticleBlocks on ranges', () => {
  const text = 'dans les conditions prévues aux articles L. 2243-2 à L. 2243-4 et L. 2243-5.';
  const member = (id: string): Reference => ({ ...reference(id, text, ['L. 2243-2 à L. 2243-4']), viaRange: true });

  it('gathers the members of a range "L. 2243-2 à L. 2243-4" on its one run, in the API\'s (code) order', () => {
    const single = reference('L2243-5', text, ['L. 2243-5']);
    const [segments] = segmentArticleText(text, [member('L2243-2'), member('L2243-3'), member('L2243-4'), single]);
    const range = segments!.find((s) => s.text === 'L. 2243-2 à L. 2243-4');
    expect(range?.members?.map((m) => m.target.id)).toEqual(['L2243-2', 'L2243-3', 'L2243-4']);
    expect(range?.reference?.target.id).toBe('L2243-2');
    // A single designator has no members.
    expect(segments!.find((s) => s.text === 'L. 2243-5')).toEqual({ text: 'L. 2243-5', reference: single });
  });

  it('gathers the members on the anchor when the source linked the range to its first article (legifrance-md)', () => {
    const linked = 'aux articles L. 300-1 à L. 300-5 du code de l\'urbanisme';
    const anchor = 'L. 300-1 à L. 300-5 du';
    const range = 'L. 300-1 à L. 300-5';
    // L300-1 is cited by the link (the anchor's span) and by the range (its own span): one reference, no longer a range member.
    const first: Reference = { ...reference('L300-1', linked, [anchor]), spans: [...reference('L300-1', linked, [anchor]).spans, ...reference('L300-1', linked, [range]).spans] };
    const others = ['L300-2', 'L300-5'].map((id): Reference => ({ ...reference(id, linked, [range]), viaRange: true }));
    const [segments] = segmentArticleText(linked, [first, ...others]);
    const run = segments!.find((s) => s.reference);
    expect(run?.text).toBe(anchor);
    expect(run?.members?.map((m) => m.target.id)).toEqual(['L300-1', 'L300-2', 'L300-5']);
  });

  it('leaves a range of one resolved article, and overlapping references that are no range, as one reference', () => {
    const lone = segmentArticleText(text, [member('L2243-2'), { ...member('L2243-3'), resolution: 'UNRESOLVED', target: { id: 'u', label: 'L2243-3', kind: 'UNRESOLVED' } }])[0]!;
    expect(lone.find((s) => s.reference)).not.toHaveProperty('members');
    const grouped = segmentArticleText(text, [reference('L2243-2', text, ['L. 2243-2 à L. 2243-4']), reference('L2243-4', text, ['L. 2243-2 à L. 2243-4'])])[0]!;
    expect(grouped.filter((s) => s.reference)).toHaveLength(1);
    expect(grouped.find((s) => s.reference)).not.toHaveProperty('members');
  });
});

describe('segmentArticleBlocks on tables', () => {
  // L2123-23 as the ingest writes it: a row per line, a tab between the population and the rate.
  const SCALE = "au terme de référence mentionné à l'article L. 2123-20 le barème suivant :\n\nPopulation (habitants)\tTaux (en % de l'indice)\nDe 1 000 à 3 499\t51,6\nDe 3 500 à 9 999\t55\n\nLe conseil municipal peut fixer une indemnité inférieure.";
  const SCALE_SHAPE: TableShape = [
    [cellShape('Population (habitants)', true), cellShape("Taux (en % de l'indice)", true)],
    [cellShape('De 1 000 à 3 499'), cellShape('51,6')],
    [cellShape('De 3 500 à 9 999'), cellShape('55')],
  ];

  it('lays a tabbed paragraph on the HTML table of the same cells: headers, and each rate in the row of its bracket', () => {
    const blocks = segmentArticleBlocks(SCALE, [reference('L2123-20', SCALE, ['L. 2123-20'])], [SCALE_SHAPE]);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(tableOf(blocks[1])).toEqual([
      ['th:Population (habitants)', "th:Taux (en % de l'indice)"],
      ['td:De 1 000 à 3 499', 'td:51,6'],
      ['td:De 3 500 à 9 999', 'td:55'],
    ]);
  });

  it('shows a tabbed paragraph without its HTML (another corpus, a version) as a plain grid', () => {
    expect(tableOf(segmentArticleBlocks(SCALE, [])[1])).toEqual([
      ['td:Population (habitants)', "td:Taux (en % de l'indice)"],
      ['td:De 1 000 à 3 499', 'td:51,6'],
      ['td:De 3 500 à 9 999', 'td:55'],
    ]);
  });

  it('keeps the spans of the HTML and its empty cells, which the text leaves out at the end of a row', () => {
    // R5212-1: "TAUX EN %" spans the two rates, "POPULATION" the two header rows.
    const text = 'Barème :\n\nPOPULATION\tTAUX EN %\nPrésident\tVice-président\nMoins de 500\t4,73\t1,89\n\tsans objet';
    const shape: TableShape = [
      [cellShape('POPULATION', false, 1, 2), cellShape('TAUX EN %', false, 2)],
      [cellShape('Président'), cellShape('Vice-président')],
      [cellShape('Moins de 500'), cellShape('4,73'), cellShape('1,89')],
      [cellShape(''), cellShape('')],
      [cellShape(''), cellShape('sans objet'), cellShape('')],
    ];
    expect(tableOf(segmentArticleBlocks(text, [], [shape])[1])).toEqual([
      ['td rowspan=2:POPULATION', 'td colspan=2:TAUX EN %'],
      ['td:Président', 'td:Vice-président'],
      ['td:Moins de 500', 'td:4,73', 'td:1,89'],
      ['td:', 'td:'],
      ['td:', 'td:sans objet', 'td:'],
    ]);
  });

  it('keeps a reference inside a cell a reference, and never lets a span run into the next cell', () => {
    const text = 'Dispositions\tRédaction\nR. 2335-1 et R. 2335-2\tDécret n° 2023-352';
    const cited = reference('R2335-1', text, ['R. 2335-1']);
    const runaway = { ...reference('R2335-2', text, ['R. 2335-2']), spans: [text.indexOf('R. 2335-2'), text.indexOf('Décret') + 6] };
    expect(tableOf(segmentArticleBlocks(text, [cited, runaway])[0])).toEqual([
      ['td:Dispositions', 'td:Rédaction'],
      ['td:[R. 2335-1→R2335-1] et [R. 2335-2→R2335-2]', 'td:Décret n° 2023-352'],
    ]);
  });

  it('reads a paragraph that opens with an empty cell from its tab, not past it', () => {
    const blocks = segmentArticleBlocks('Avant.\n\n\tTaux\nA\t1', []);
    expect(tableOf(blocks[1])).toEqual([['td:', 'td:Taux'], ['td:A', 'td:1']]);
  });

  it('tries only a few tables ahead, so a text and an HTML that do not belong together stay cheap', () => {
    const strangers: TableShape[] = Array.from({ length: 20_000 }, () => [[cellShape('Autre'), cellShape('chose')]]);
    const text = Array.from({ length: 2_000 }, (_, i) => `Ligne ${i}\t${i}`).join('\n\n');
    // Trying all 20,000 tables on each of 2,000 paragraphs would not end within the test's timeout.
    const blocks = segmentArticleBlocks(text, [], strangers);
    expect(blocks).toHaveLength(2_000);
    expect(blocks.every((block) => block.kind === 'table')).toBe(true);
  });

  it('does not lay a table on a paragraph whose cells differ, and tries the next table', () => {
    const other: TableShape = [[cellShape('Autre'), cellShape('chose')]];
    const blocks = segmentArticleBlocks(SCALE, [], [other, SCALE_SHAPE]);
    expect(tableOf(blocks[1])[0]).toEqual(['th:Population (habitants)', "th:Taux (en % de l'indice)"]);
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
