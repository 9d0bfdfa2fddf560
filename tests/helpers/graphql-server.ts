/**
 * The GraphQL server of server/app.ts on an ephemeral loopback port, over the tests' Neo4j (the
 * global setup's NEO4J_URI), with the production driver settings. For the server's tests and the
 * browser tests:
 *
 *   const server = await startTestServer();
 *   const { status, body } = await server.graphql('{ article(id: "L1115-1") { id } }');
 *   await server.close();
 */
import type { Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { createServerDriver } from '../../server/start-server.ts';

// Tests read answers as loose JSON, the way a client would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A GraphQL response as a test reads it. */
export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: { data?: Record<string, Json> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }> };
}

/** A running test server. */
export interface TestServer {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  origin: string;
  driver: Driver;
  /** POSTs a GraphQL request as JSON. */
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;
  close: () => Promise<void>;
}

/** Starts the app on a free port; `options` override buildApp's (the driver is provided). */
export async function startTestServer(options: Partial<Omit<AppOptions, 'driver'>> = {}): Promise<TestServer> {
  if (!process.env.NEO4J_URI) throw new Error('NEO4J_URI is not set: run the tests with vitest, whose global setup starts the test Neo4j.');
  const driver = createServerDriver();
  // The response cache on, reading the revision for every request: tests write and read at once.
  const { app, monitor } = buildApp({ driver, logging: false, responseCache: { maxBytes: 16 * 1024 * 1024, revisionCheckMs: 0 }, ...options });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    driver,
    async graphql(query, variables) {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'] };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The database monitor would go on probing through the closed driver.
      monitor.stop();
      await driver.close();
    },
  };
}
