import { describe, expect, it } from 'vitest';
import { clampSpan, readTableShapes } from '../../web/src/text-tables.ts';

describe('readTableShapes', () => {
  it('reads the grid of each table of the sanitized HTML: headers, spans, and each cell\'s letters without white space', () => {
    // R5212-1: "POPULATION" over two rows, "TAUX EN %" over two columns.
    const html = '<p>Barème :</p><table><tbody><tr><td rowspan="2"><p align="center">POPULATION </p></td><td colspan="2"><p>TAUX EN % </p></td></tr>'
      + '<tr><th>Président</th><th>Vice-<br>président</th></tr><tr><td>De 1&#x26;nbsp;000</td><td>4,73</td><td></td></tr></tbody></table>';
    expect(readTableShapes(html)).toEqual([[
      [{ header: false, colSpan: 1, rowSpan: 2, letters: 'POPULATION' }, { header: false, colSpan: 2, rowSpan: 1, letters: 'TAUX EN %'.replace(/\s/g, '') }],
      [{ header: true, colSpan: 1, rowSpan: 1, letters: 'Président' }, { header: true, colSpan: 1, rowSpan: 1, letters: 'Vice-président' }],
      [{ header: false, colSpan: 1, rowSpan: 1, letters: 'De1&nbsp;000' }, { header: false, colSpan: 1, rowSpan: 1, letters: '4,73' }, { header: false, colSpan: 1, rowSpan: 1, letters: '' }],
    ]]);
  });

  it('reads a table inside a cell as that cell\'s letters, and the tables one after the other', () => {
    const shapes = readTableShapes('<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td></tr></table><table><tr><td>z</td></tr></table>');
    expect(shapes.map((table) => table.map((row) => row.map((cell) => cell.letters)))).toEqual([[['abc']], [['z']]]);
  });

  it('reads markup that would run as plain letters, parsing nothing into a document', () => {
    const shapes = readTableShapes('<table><tr><td><img src="x" onerror="alert(1)">a</td><td><script>alert(2)</script>b</td></tr></table>');
    expect(shapes[0]![0]!.map((cell) => cell.letters)).toEqual(['a', 'alert(2)b']);
  });

  it('finds no table in HTML without one, or none at all', () => {
    expect(readTableShapes('<p>Un alinéa.</p>')).toEqual([]);
    expect(readTableShapes(undefined)).toEqual([]);
  });
});

describe('clampSpan', () => {
  it('keeps a span between 1 and 50, whatever the source wrote', () => {
    expect([clampSpan(2), clampSpan(0), clampSpan(Number.NaN), clampSpan(100_000), clampSpan(2.7)]).toEqual([2, 1, 1, 50, 2]);
  });
});
