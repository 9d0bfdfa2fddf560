/**
 * `cgct query 'CYPHER' [--param name=value]…`: runs a read-only query against the configured Neo4j
 * and prints one JSON object per row (JSON lines), for `jq` or a quick look at the graph.
 * A value is read as JSON when it parses (`--param limit=5`, `--param ids='["L1"]'`), else as text.
 */
import neo4j from 'neo4j-driver';
import { openDriver, readRows } from '../../neo4j/driver.ts';
import { isExplainedError } from '../../neo4j/errors.ts';

export const describe = "run a read-only Cypher query, print the rows as JSON lines (query 'CYPHER' [--param k=v])";

const USAGE = "Usage: cgct query 'MATCH (a:Article) RETURN a.id LIMIT 5' [--param name=value]...";

/** Splits the arguments into the query and its parameters; throws a usage message on bad input. */
export function parseQueryArgs(args: string[]): { cypher: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg !== '--param' && !arg.startsWith('--param=')) {
      rest.push(arg);
      continue;
    }
    const pair = arg === '--param' ? args[(i += 1)] : arg.slice('--param='.length);
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq <= 0) throw new Error(`--param needs name=value, got "${pair ?? ''}".`);
    params[pair.slice(0, eq)] = parseValue(pair.slice(eq + 1));
  }
  if (rest.length !== 1 || !rest[0]!.trim()) throw new Error('Give exactly one Cypher query, in quotes.');
  return { cypher: rest[0]!, params };
}

function parseValue(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  // A JS number goes to Neo4j as a float, which LIMIT and SKIP refuse: whole numbers go as integers.
  return typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseQueryArgs(args);
  } catch (error) {
    console.error(`cgct query: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const driver = await openDriver();
    try {
      const rows = await readRows(driver, parsed.cypher, parsed.params);
      process.stdout.write(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
      return 0;
    } finally {
      await driver.close();
    }
  } catch (error) {
    if (!isExplainedError(error)) throw error;
    console.error(`cgct query: ${error.message}`);
    return 1;
  }
}
