/**
 * How many articles each section of a table of contents holds, itself and below, from the count
 * each section holds directly: the repository reads one row per section (one statement for the
 * whole code), the sum runs here, so the table of contents page gets every count in one request.
 */

/** One section as the repository reads it. */
export interface SectionCountRow {
  /** The section's id. */
  id: string;
  /** Its parent section's id; null at the top of the code. */
  parent: string | null;
  /** Articles directly in it (in force on the date read). */
  direct: number;
}

/** Each section's count of articles, its subsections' included. */
export function sumSectionCounts(rows: readonly SectionCountRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const row of rows) {
    totals.set(row.id, row.direct);
    if (row.parent === null) continue;
    const siblings = children.get(row.parent);
    if (siblings) siblings.push(row.id);
    else children.set(row.parent, [row.id]);
  }
  // Children before parents, without recursion: a depth-first order, then summed backwards. A
  // cycle (a graph written by hand) is walked once, never forever.
  const order: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.parent !== null && totals.has(row.parent)) continue;
    const stack = [row.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      for (const child of children.get(id) ?? []) stack.push(child);
    }
  }
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index]!;
    const sum = (children.get(id) ?? []).reduce((total, child) => total + (seen.has(child) ? totals.get(child)! : 0), totals.get(id)!);
    totals.set(id, sum);
  }
  return totals;
}
