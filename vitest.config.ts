import { defineConfig } from 'vitest/config';

// One real Neo4j serves every database test (started by the global setup, on its own port and
// data folder); test files run one after another so that each can start from a clean graph.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/neo4j-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
