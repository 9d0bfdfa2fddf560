/**
 * The HTTP application: /health and /ready, the GraphQL API at /graphql (GraphiQL in a browser),
 * and the web UI. No port here: main.ts listens, tests listen on an ephemeral one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import express, { type Express } from 'express';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { maskServerError } from './errors.ts';
import { createGraphRepository, type GraphRepository } from './graph-repository.ts';
import { createHealthRouter } from './health.ts';
import { readBoundedBody, refuseBadBodies, refuseUnsupportedMediaType } from './http-guards.ts';
import { ARMOR_CONFIG, DEFAULT_QUERY_TIMEOUT_MS } from './limits.ts';
import { createServerContext, resolvers } from './resolvers.ts';
import { createResponseCache } from './response-cache.ts';
import { today } from '../graph-schema/today.ts';
import { createWebUiRouter } from './web-ui.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The SDL file the schema is built from. */
export const SCHEMA_FILE = path.join(ROOT, 'graph-schema', 'schema.graphql');

/** What buildApp needs. */
export interface AppOptions {
  /** A driver to the graph; the caller closes it. */
  driver: Driver;
  /** Database name (default: the server's default database). */
  database?: string;
  /** Neo4j transaction timeout per query, in milliseconds (default 10 s). */
  queryTimeoutMs?: number;
  /** The Vite build of the web UI (default web/dist). */
  webDistDir?: string;
  /** Log masked errors and warnings (default true). */
  logging?: boolean;
  /** Keep whole answers while the graph's revision stands (server/response-cache.ts); false: off. */
  responseCache?: ResponseCacheSettings | false;
}

/** The response cache's size and how often it asks Neo4j whether the graph changed. */
export interface ResponseCacheSettings {
  maxBytes: number;
  revisionCheckMs: number;
}

/** 64 MB of answers; a write shows within one second. */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheSettings = { maxBytes: 64 * 1024 * 1024, revisionCheckMs: 1000 };

/** The app and the repository it reads through (for the benchmark's direct comparison). */
export interface BuiltApp {
  app: Express;
  repository: GraphRepository;
}

/** Builds the Express application. */
export function buildApp(options: AppOptions): BuiltApp {
  const repository = createGraphRepository({ driver: options.driver, database: options.database, queryTimeoutMs: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS });
  const yoga = createYoga({
    schema: createSchema({ typeDefs: readFileSync(SCHEMA_FILE, 'utf8'), resolvers }),
    context: () => createServerContext(repository),
    graphqlEndpoint: '/graphql',
    maskedErrors: { maskError: maskServerError },
    plugins: [EnvelopArmorPlugin(ARMOR_CONFIG)],
    landingPage: false,
    logging: options.logging === false ? false : 'warn',
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(createHealthRouter(repository));
  app.use(yoga.graphqlEndpoint, refuseUnsupportedMediaType, readBoundedBody, refuseBadBodies);
  const cache = options.responseCache ?? DEFAULT_RESPONSE_CACHE;
  // An answer read "as of today" goes stale at midnight as surely as after a write: the day is
  // part of the revision the cache keeps answers for.
  if (cache) app.use(yoga.graphqlEndpoint, createResponseCache({ ...cache, readRevision: async () => `${await repository.getGraphRevision()}@${today()}` }));
  app.use(yoga.graphqlEndpoint, yoga);
  app.use(createWebUiRouter(options.webDistDir ?? path.join(ROOT, 'web', 'dist')));
  return { app, repository };
}
