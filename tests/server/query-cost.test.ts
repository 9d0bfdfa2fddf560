/** The cost of a request (server/query-cost.ts): one row per way of asking, each with its points. */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { computeQueryCost } from '../../server/query-cost.ts';
import { findQueryTextProblem, jsonDepth } from '../../server/query-guards.ts';

describe('computeQueryCost', () => {
  const cases: Array<[string, string, Record<string, unknown>, number]> = [
    // The heaviest neighbourhood is the unit: 100 points.
    ['a depth-3 / limit-500 neighbourhood', '{ neighborhood(id: "L1", depth: 3, limit: 500) { center } }', {}, 100],
    // SDL defaults: depth 1, limit 150.
    ['a neighbourhood with its defaults', '{ neighborhood(id: "L1") { center } }', {}, 10],
    ['every alias counted', '{ a: neighborhood(id: "L1", depth: 3, limit: 500) { center } b: neighborhood(id: "L1", depth: 3, limit: 500) { center } }', {}, 200],
    ['arguments from variables', 'query ($d: Int, $l: Int) { neighborhood(id: "L1", depth: $d, limit: $l) { center } }', { d: 3, l: 500 }, 100],
    ['a variable default', 'query ($d: Int = 3) { neighborhood(id: "L1", depth: $d, limit: 500) { center } }', {}, 100],
    // Out of range: counted at the bound, checkRange refuses it with the argument's name.
    ['a value out of range counted at its bound', '{ neighborhood(id: "L1", depth: 50, limit: 100000) { center } }', {}, 100],
    ['fields in fragments and inline fragments', '{ ...F ... on Query { impact(id: "L1", maxDepth: 5, first: 1000) { totalCount } } } fragment F on Query { path(from: "L1", to: "L2", maxLength: 8) { length } }', {}, 200],
    ['introspection is free', '{ __schema { queryType { name } } }', {}, 0],
    ['an article and a search', '{ article(id: "L1") { id } search(query: "commune") { totalCount } }', {}, 8],
  ];
  for (const [name, query, variables, cost] of cases) {
    it(`${name}: ${cost} points`, () => {
      expect(computeQueryCost(parse(query), variables)).toBe(cost);
    });
  }

  it('counts only the operation asked for by name', () => {
    const document = parse('query A { stats { articles } } query B { neighborhood(id: "L1", depth: 3, limit: 500) { center } }');
    expect(computeQueryCost(document, {}, 'A')).toBe(5);
    expect(computeQueryCost(document, {}, 'B')).toBe(100);
  });
});

describe('findQueryTextProblem', () => {
  // A quadratic scan of these inputs would run past the test's timeout: no clock needed.
  it('finds bracket nesting past the limit in linear time, even on a megabyte of brackets', () => {
    expect(findQueryTextProblem('['.repeat(1_000_000).slice(0, 40_000))).toMatch(/levels deep/);
    expect(findQueryTextProblem(`# ${'['.repeat(40_000)}`)).toBeUndefined();
    expect(findQueryTextProblem(`{ a(b: "${'\\"['.repeat(10_000)}") }`)).toBeUndefined();
    expect(findQueryTextProblem('x'.repeat(60_000))).toMatch(/characters long/);
  });

  it('measures JSON depth without recursion', () => {
    expect(jsonDepth(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 10)).toBe(11);
    expect(jsonDepth({ a: [1, 2], b: { c: null } }, 10)).toBe(2);
    expect(jsonDepth('text', 10)).toBe(0);
  });
});

describe('a fragment bomb', () => {
  // Expanding 2^30 spreads would never end within the test's timeout.
  it('counts as too costly without expanding 2^30 spreads', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ${i === 29 ? 'stats { articles }' : `...F${i + 1} ...F${i + 1}`} }`);
    expect(computeQueryCost(parse(`{ ...F0 } ${fragments.join(' ')}`))).toBe(Number.POSITIVE_INFINITY);
  });
});
