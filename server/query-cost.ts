/**
 * What a request costs the server, counted before it runs, with its variables: the sum over every
 * root field it asks (aliases and fragments included) of that field's share of the most one field
 * may ask, in points (a neighbourhood at depth 3 and limit 500 is 100, an article 2). GraphQL
 * Armor bounds the query's shape but not this product: 15 aliases of a depth-3 / limit-500
 * neighbourhood passed its cost, depth and alias limits and took 5.9 s of the server. Over
 * MAX_QUERY_COST the request is refused with 400 before any Cypher runs.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Plugin } from 'graphql-yoga';
import { ARGUMENT_LIMITS, MAX_QUERY_COST } from './limits.ts';
import { clientAddress, type TokenBuckets } from './rate-limit.ts';

type Arguments = Record<string, unknown>;

const L = ARGUMENT_LIMITS;

// A number argument as asked, else its SDL default, counted at most at its bound: a value out of
// range is refused by checkRange with a message naming the argument, not here.
function count(args: Arguments, name: string, fallback: number, range: { max: number }): number {
  const value = args[name];
  return Math.min(typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback, range.max);
}

/** Points of one root field, by name (defaults as in graph-schema/schema.graphql); others cost 1. */
export const FIELD_COSTS: Record<string, (args: Arguments) => number> = {
  neighborhood: (a) => 100 * (count(a, 'depth', 1, L.neighborhoodDepth) * count(a, 'limit', 150, L.neighborhoodLimit)) / (L.neighborhoodDepth.max * L.neighborhoodLimit.max),
  impact: (a) => 100 * (count(a, 'maxDepth', 3, L.impactMaxDepth) * count(a, 'first', 200, L.impactFirst)) / (L.impactMaxDepth.max * L.impactFirst.max),
  path: (a) => 100 * count(a, 'maxLength', 6, L.pathMaxLength) / L.pathMaxLength.max,
  // Its filters (inForceOnly, part, partie) choose among the matches read, not how many are read.
  search: (a) => 2 + 20 * count(a, 'first', 20, L.searchFirst) / L.searchFirst.max,
  unresolvedReferences: (a) => 2 + 20 * count(a, 'first', 50, L.unresolvedFirst) / L.unresolvedFirst.max,
  // A section reads its articles and every amendment of the period to cut them down.
  changes: (a) => 2 + 20 * count(a, 'first', 20, L.changesFirst) / L.changesFirst.max + (typeof a.section === 'string' ? 20 : 0),
  // The walk is the work: how far it goes, not how many changes are listed.
  dependencyChanges: (a) => 10 + 90 * count(a, 'maxDepth', 3, L.dependencyChangesMaxDepth) / L.dependencyChangesMaxDepth.max,
  tableOfContents: () => 5,
  stats: () => 5,
  article: () => 2,
  articleLife: () => 2,
};

const MAX_STEPS = 10_000;

function valueOf(node: ValueNode, variables: Arguments): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  return undefined;
}

/** The cost of the operation that will run, in points. */
export function computeQueryCost(document: DocumentNode, variables: Arguments = {}, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((definition) => !operationName || definition.name?.value === operationName);
  if (!operation) return 0;
  // Variables' defaults count as the values asked.
  const values: Arguments = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) values[definition.variable.name.value] = valueOf(definition.defaultValue, {});
  }
  Object.assign(values, variables);

  let total = 0;
  let steps = 0;
  // Root selections, fragments spread in place (validation has refused cycles; `seen` still
  // counts each spread once per path so a hostile document cannot make this loop). Fragments
  // spreading others twice over double at each level: past MAX_STEPS selections the request
  // counts as too costly rather than being walked to the end.
  const stack: Array<{ set: SelectionSetNode; seen: ReadonlySet<string> }> = [{ set: operation.selectionSet, seen: new Set() }];
  while (stack.length > 0) {
    const { set, seen } = stack.pop()!;
    steps += set.selections.length;
    if (steps > MAX_STEPS) return Number.POSITIVE_INFINITY;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const args: Arguments = {};
        for (const argument of selection.arguments ?? []) args[argument.name.value] = valueOf(argument.value, values);
        total += (FIELD_COSTS[selection.name.value] ?? (() => 1))(args);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        stack.push({ set: selection.selectionSet, seen });
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) stack.push({ set: fragment.selectionSet, seen: new Set([...seen, fragment.name.value]) });
      }
    }
  }
  return Math.round(total);
}

/**
 * The yoga plugin refusing, with 400, an operation whose cost is over `maxCost`; with a budget
 * (server/rate-limit.ts), charging the cost to the client's address and refusing with 429 once a
 * client has spent its points.
 */
export function useQueryCostLimit(maxCost: number = MAX_QUERY_COST, budget?: TokenBuckets): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = computeQueryCost(args.document, (args.variableValues ?? {}) as Arguments, args.operationName);
      if (cost <= maxCost) {
        // yoga's server context holds the express request (its `req`).
        const request = (args.contextValue as { req?: Parameters<typeof clientAddress>[0] }).req;
        const retryAfter = budget && request ? budget.take(clientAddress(request), cost) : 0;
        if (retryAfter === 0) return;
        setResultAndStopExecution({
          errors: [
            createGraphQLError(`Too much asked from this address lately (this request costs ${cost} points): retry in ${retryAfter} s, or ask for less.`, {
              extensions: { code: 'RATE_LIMITED', cost, http: { status: 429, headers: { 'Retry-After': String(retryAfter) } } },
            }),
          ],
        });
        return;
      }
      const finite = Number.isFinite(cost);
      const why = finite
        ? `it would cost ${cost} points, more than the ${maxCost} one request may (a neighborhood at depth 3 and limit 500 costs 100, each alias counts)`
        : `its fragments expand to more than ${MAX_STEPS} selections`;
      setResultAndStopExecution({
        errors: [
          createGraphQLError(
            `Query refused: ${why}. Ask for less (fewer aliases, a smaller depth, limit or page) or split it into several requests.`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: finite ? cost : null, maxCost, http: { status: 400 } } },
          ),
        ],
      });
    },
  };
}
