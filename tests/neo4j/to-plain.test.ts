// toPlain turns whatever the driver returns into plain JS; maps built by a query are the common case.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../neo4j/to-plain.ts';

describe('toPlain', () => {
  it('keeps strings, numbers, booleans and null as they are, undefined as null', () => {
    expect([toPlain('L1115-1'), toPlain(1.5), toPlain(true), toPlain(null), toPlain(undefined)]).toEqual(['L1115-1', 1.5, true, null, null]);
  });

  it('turns Integers into numbers, and those beyond 2^53 into strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('converts inside query-built maps and lists', () => {
    const row = { id: 'L1115-1', count: neo4j.int(9), nested: [{ at: new neo4j.types.Date(2024, 3, 1) }], empty: null };
    expect(toPlain(row)).toEqual({ id: 'L1115-1', count: 9, nested: [{ at: '2024-03-01' }], empty: null });
  });

  it('turns nodes and relationships into plain objects', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Article'], { id: 'L1115-1', order: neo4j.int(3) }, 'e:1');
    expect(toPlain(node)).toEqual({ elementId: 'e:1', labels: ['Article'], properties: { id: 'L1115-1', order: 3 } });
    const relationship = new neo4j.types.Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'CITES', { via: ['text'] }, 'r:7', 'e:1', 'e:2');
    expect(toPlain(relationship)).toEqual({ elementId: 'r:7', type: 'CITES', startNodeElementId: 'e:1', endNodeElementId: 'e:2', properties: { via: ['text'] } });
  });
});
