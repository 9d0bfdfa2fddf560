/**
 * Plain JS at the repository's boundary: the database layer's conversion (Integers to numbers,
 * temporal values to ISO strings), and two readers of optional properties.
 */
export { toPlain } from '../neo4j/to-plain.ts';

/** A string property, or null when absent. */
export function asString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A list of strings, [] when absent. */
export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
