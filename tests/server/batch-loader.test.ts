import { describe, expect, it } from 'vitest';
import { createBatchLoader } from '../../server/batch-loader.ts';

describe('createBatchLoader', () => {
  it('loads the keys asked for in one tick with one call, each key once', async () => {
    const calls: string[][] = [];
    const load = createBatchLoader(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.map((key) => [key, key.toUpperCase()]));
    }, '');
    const values = await Promise.all([load('a'), load('b'), load('a')]);
    expect(values).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual([['a', 'b']]);
    expect(await load('c')).toBe('C');
    expect(calls).toHaveLength(2);
  });

  it('answers the fallback for a key the batch did not return, and passes failures on', async () => {
    const load = createBatchLoader(async () => new Map<string, number[]>(), []);
    expect(await load('missing')).toEqual([]);
    const failing = createBatchLoader<string, number>(async () => Promise.reject(new Error('down')), 0);
    await expect(failing('x')).rejects.toThrow('down');
  });
});
