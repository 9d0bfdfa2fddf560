/**
 * The HTTP application: /health and /ready, the GraphQL API at /graphql (GraphiQL in a browser),
 * and the web UI. No port here: main.ts listens, tests listen on an ephemeral one.
 *
 * What a request meets, in order (the refusals of issue 15, each with its status): security
 * headers on every response; on /graphql, CORS (403 for a preflight from an origin not listed),
 * the rate limit (429), the body's type (415) and size (413), the query's nesting and size and the
 * variables' nesting (400, before graphql-js parses), Neo4j's availability (503 at once while it
 * is away), the response cache, then yoga: Armor's shape limits and the cost of the operation with
 * its variables (400), the arguments' ranges (BAD_USER_INPUT), Neo4j's timeout (QUERY_TIMEOUT).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import express, { type Express } from 'express';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { createCors, type CorsOrigins } from './cors.ts';
import { createDatabaseMonitor, type DatabaseMonitor } from './database-monitor.ts';
import { maskServerError, refuseWhileDatabaseAway } from './errors.ts';
import { createGraphiQLRouter, handleGraphiQLPage, renderGraphiQL } from './graphiql.ts';
import { serveGraphQL } from './serve-graphql.ts';
import { createGraphRepository, type GraphRepository } from './graph-repository.ts';
import { createHealthRouter } from './health.ts';
import { answerNotFound, answerUnexpectedError, readBoundedBody, refuseBadBodies, refuseUnsupportedMediaType } from './http-guards.ts';
import { useQueryCostLimit } from './query-cost.ts';
import { refuseOversizedQueries } from './query-guards.ts';
import { createCostBudget, createRateLimiter, type RateLimitSettings } from './rate-limit.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { ARMOR_CONFIG, DEFAULT_QUERY_TIMEOUT_MS, MAX_QUERY_COST } from './limits.ts';
import { createServerContext, resolvers } from './resolvers.ts';
import { createResponseCache } from './response-cache.ts';
import { createReadModelHolder, type ReadModelHolder } from './read-model/read-model-holder.ts';
import { today } from '../graph-schema/today.ts';
import { createWebUiRouter } from './web-ui.ts';
import { createFeedRouter } from './feeds/feed-routes.ts';
import { createExportRouter } from './export/export-routes.ts';

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
  /** Requests per client (IP address) on /graphql (server/rate-limit.ts); default: no limit. */
  rateLimit?: RateLimitSettings | false;
  /** Origins allowed to call the API from a browser (server/cors.ts); default none. */
  corsOrigins?: CorsOrigins;
  /** express's "trust proxy" (the client's address from X-Forwarded-For); default off. */
  trustProxy?: boolean | number | string;
  /** Serve GraphiQL at /graphql to browsers (default true). */
  graphiql?: boolean;
  /** Answer the hot reads from a model of the graph kept in memory (server/read-model/); default true. */
  readModel?: boolean;
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
  /** Whether Neo4j answers, probed in the background; stop it when closing the driver. */
  monitor: DatabaseMonitor;
  /** The read model's holder, unless turned off. */
  readModel?: ReadModelHolder;
}

/** Builds the Express application. */
export function buildApp(options: AppOptions): BuiltApp {
  const cache = options.responseCache ?? DEFAULT_RESPONSE_CACHE;
  const readModel = options.readModel === false ? undefined : createReadModelHolder({
    driver: options.driver,
    database: options.database,
    readRevision: () => repository.getGraphRevision(),
    revisionCheckMs: (cache || DEFAULT_RESPONSE_CACHE).revisionCheckMs,
    log: options.logging === false ? undefined : (message) => console.log(`cgct serve: ${message}`),
  });
  const repository = createGraphRepository({ driver: options.driver, database: options.database, queryTimeoutMs: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS, readModel: readModel?.current });
  void readModel?.ready();
  const monitor = createDatabaseMonitor({ driver: options.driver, database: options.database });
  const yoga = createYoga({
    schema: createSchema({ typeDefs: readFileSync(SCHEMA_FILE, 'utf8'), resolvers }),
    context: () => createServerContext(repository),
    graphqlEndpoint: '/graphql',
    maskedErrors: { maskError: (error, message) => maskServerError(error, message, monitor) },
    plugins: [EnvelopArmorPlugin(ARMOR_CONFIG), useQueryCostLimit(MAX_QUERY_COST, options.rateLimit ? createCostBudget(options.rateLimit) : undefined)],
    landingPage: false,
    // yoga's CORS echoed any Origin with credentials: server/cors.ts decides instead.
    cors: false,
    graphiql: options.graphiql === false ? false : { title: 'GraphiQL — cgct-graph' },
    renderGraphiQL,
    logging: options.logging === false ? false : 'warn',
  });

  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.use(setSecurityHeaders);
  app.use(createHealthRouter(monitor));
  app.use(createGraphiQLRouter());
  app.use(yoga.graphqlEndpoint, createCors(options.corsOrigins ?? []));
  if (options.rateLimit) app.use(yoga.graphqlEndpoint, createRateLimiter(options.rateLimit));
  app.use(yoga.graphqlEndpoint, handleGraphiQLPage(options.graphiql !== false), refuseUnsupportedMediaType, readBoundedBody, refuseBadBodies, refuseOversizedQueries, refuseWhileDatabaseAway(monitor));
  // An answer read "as of today" goes stale at midnight as surely as after a write: the day is
  // part of the revision the cache keeps answers for.
  if (cache) app.use(yoga.graphqlEndpoint, createResponseCache({ ...cache, readRevision: async () => `${await repository.getGraphRevision()}@${today()}` }));
  app.use(yoga.graphqlEndpoint, serveGraphQL(yoga, monitor));
  app.use(createFeedRouter(repository, monitor));
  app.use(createExportRouter(options.driver, monitor, () => repository.getGraphRevision()));
  app.use(createWebUiRouter(options.webDistDir ?? path.join(ROOT, 'web', 'dist')));
  app.use(answerNotFound, answerUnexpectedError);
  return { app, repository, monitor, readModel };
}
