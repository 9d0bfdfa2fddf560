/**
 * Neo4j values to plain JavaScript, at the boundary, so nothing past the database layer sees a
 * driver type: Integers become numbers (strings beyond 2^53, which no count here reaches), nodes
 * and relationships plain objects, temporal values ISO strings.
 */
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

/** A node as plain data. */
export interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

/** A relationship as plain data. */
export interface PlainRelationship {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}

/** Converts any value returned by the driver. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans are most of what a query returns: answer them first.
  if (typeof value !== 'object' && typeof value !== 'bigint') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  // A map the query built ({id: n.id, …}) arrives as a plain object: no driver type to look for.
  if (Object.getPrototypeOf(value) === Object.prototype) return toPlainMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return value;
  if (neo4j.isNode(value)) {
    return { elementId: value.elementId, labels: value.labels, properties: toPlainMap(value.properties) } satisfies PlainNode;
  }
  if (neo4j.isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: toPlainMap(value.properties),
    } satisfies PlainRelationship;
  }
  if (neo4j.isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((segment) => segment.end)].map(toPlain),
      relationships: value.segments.map((segment) => toPlain(segment.relationship)),
    };
  }
  if (neo4j.isPoint(value)) {
    return { srid: toPlain(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  }
  if (isTemporal(value)) return value.toString();
  return toPlainMap(value as Record<string, unknown>);
}

function isTemporal(value: object): boolean {
  return (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)
  );
}

function toPlainMap(map: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(map)) plain[key] = toPlain(map[key]);
  return plain;
}

/** One result row as a plain object keyed by the query's column names. */
export function toPlainRow(record: Neo4jRecord): Record<string, unknown> {
  return Object.fromEntries(record.keys.map((key) => [String(key), toPlain(record.get(key))]));
}
