import { describe, expect, it } from 'vitest';
import { boxesOverlap, LabelGrid, labelScale, orderByImportance } from '../../web/src/graph-labels.ts';

describe('the label grid', () => {
  it('refuses a box overlapping one placed, in the same cell or across cells, and accepts one beside it', () => {
    const grid = new LabelGrid();
    grid.add({ x1: 60, y1: 60, x2: 110, y2: 74 });
    expect(grid.fits({ x1: 100, y1: 70, x2: 150, y2: 84 })).toBe(false);
    expect(grid.fits({ x1: 0, y1: 50, x2: 61, y2: 64 })).toBe(false);
    expect(grid.fits({ x1: 110, y1: 60, x2: 160, y2: 74 })).toBe(true);
    expect(grid.fits({ x1: 60, y1: 74, x2: 110, y2: 88 })).toBe(true);
  });

  it('agrees with the plain pairwise test on many random boxes', () => {
    let seed = 3;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const grid = new LabelGrid();
    const placed: { x1: number; y1: number; x2: number; y2: number }[] = [];
    for (let i = 0; i < 500; i++) {
      const x = random() * 1000 - 200;
      const y = random() * 800 - 100;
      const box = { x1: x, y1: y, x2: x + 20 + random() * 80, y2: y + 14 };
      const fits = !placed.some((other) => boxesOverlap(other, box));
      expect(grid.fits(box)).toBe(fits);
      if (fits) {
        grid.add(box);
        placed.push(box);
      }
    }
  });
});

describe('label order and placement', () => {
  it('ranks the centre, then its direct neighbours, then the most connected, then by id', () => {
    const order = orderByImportance([
      { id: 'L2', degree: 9, pinned: 0 }, { id: 'L1', degree: 9, pinned: 0 }, { id: 'N', degree: 1, pinned: 1 },
      { id: 'C', degree: 3, pinned: 2 }, { id: 'L3', degree: 12, pinned: 0 },
    ]);
    expect(order.map((n) => n.id)).toEqual(['C', 'N', 'L3', 'L1', 'L2']);
  });

  it('keeps labels the same size on screen whatever the zoom', () => {
    expect(labelScale(0.5)).toBe(2);
    expect(labelScale(2)).toBe(0.5);
  });
});
