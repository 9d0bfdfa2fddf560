import { describe, expect, it } from 'vitest';
import { diffWords } from '../../web/src/text-diff.ts';

describe('diffWords', () => {
  it('shows the words an amendment added and removed, the rest kept', () => {
    const runs = diffWords(
      'Les collectivités territoriales peuvent conclure des conventions.',
      'Les collectivités territoriales et leurs groupements peuvent conclure des conventions.',
    )!;
    expect(runs).toEqual([
      { kind: 'same', text: 'Les collectivités territoriales ' },
      { kind: 'added', text: 'et leurs groupements ' },
      { kind: 'same', text: 'peuvent conclure des conventions.' },
    ]);
  });

  it('re-joins into the exact older and newer texts', () => {
    const older = 'Le maire transmet les actes.\n\nIls sont exécutoires.';
    const newer = 'Le président transmet les actes au préfet.\n\nIls sont exécutoires de plein droit.';
    const runs = diffWords(older, newer)!;
    expect(runs.filter((r) => r.kind !== 'added').map((r) => r.text).join('')).toBe(older);
    expect(runs.filter((r) => r.kind !== 'removed').map((r) => r.text).join('')).toBe(newer);
  });

  it('gives up on texts too long to compare rather than freezing the page', () => {
    const long = 'mot '.repeat(3000);
    expect(diffWords(long, `${long}fin`)).toBeUndefined();
  });
});
