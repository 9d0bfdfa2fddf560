// The graph's schema: constraints and indexes (Cypher) and their application; the GraphQL SDL is schema.graphql beside it.
export { SCHEMA_STATEMENTS } from './schema-statements.ts';
export { applySchema } from './apply-schema.ts';
export { BUMP_GRAPH_REVISION, NO_GRAPH_REVISION } from './graph-revision.ts';
