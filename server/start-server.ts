/**
 * Connects to Neo4j (settings from neo4j/connection-settings.ts), builds the app and listens.
 * The driver gives up quickly when Neo4j is away (the API then answers 503 at once rather than
 * after the driver's default 30 s of retries) and reconnects by itself when it is back.
 */
import type { Server } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { resolveConnectionSettings, type ConnectionSettings } from '../neo4j/connection-settings.ts';
import { explainConnectionError } from '../neo4j/explain-error.ts';
import { buildApp, DEFAULT_RESPONSE_CACHE, type ResponseCacheSettings } from './app.ts';
import { corsOriginsFromEnvironment } from './cors.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitSettings } from './rate-limit.ts';
import { today } from '../graph-schema/today.ts';

/**
 * The server's driver: fails fast while Neo4j is away (1 s of retries instead of 30 s, 2 s to
 * connect or to get a connection from the pool) so that the request which finds Neo4j gone gets
 * its 503 promptly; the database monitor (server/database-monitor.ts) then answers the next ones
 * at once. New sessions reconnect on their own once Neo4j is back.
 */
export function createServerDriver(settings: ConnectionSettings = resolveConnectionSettings()): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    userAgent: 'cgct-graph-server',
    maxTransactionRetryTime: 1000,
    connectionAcquisitionTimeout: 2000,
    connectionTimeout: 2000,
    maxConnectionPoolSize: 50,
  });
}

/**
 * The per-client rate limit from CGCT_RATE_LIMIT_PER_MINUTE (0 or "off": none),
 * CGCT_RATE_LIMIT_BURST and CGCT_RATE_LIMIT_POINTS_PER_MINUTE (0: no cost budget), over
 * DEFAULT_RATE_LIMIT.
 */
export function rateLimitFromEnvironment(environment: NodeJS.ProcessEnv = process.env): RateLimitSettings | false {
  if (environment.CGCT_RATE_LIMIT_PER_MINUTE?.trim() === 'off') return false;
  const perMinute = readNumber(environment, 'CGCT_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute);
  if (perMinute === 0) return false;
  return {
    perMinute,
    burst: Math.max(1, readNumber(environment, 'CGCT_RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst)),
    pointsPerMinute: readNumber(environment, 'CGCT_RATE_LIMIT_POINTS_PER_MINUTE', DEFAULT_RATE_LIMIT.pointsPerMinute!),
  };
}

/** CGCT_TRUST_PROXY: "true", a number of hops, or express's list of addresses; unset: off. */
function trustProxyFromEnvironment(environment: NodeJS.ProcessEnv = process.env): boolean | number | string | undefined {
  const raw = environment.CGCT_TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return undefined;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** CGCT_RESPONSE_CACHE_MB (0: off) and CGCT_GRAPH_REVISION_CHECK_MS, over the defaults. */
export function responseCacheFromEnvironment(environment: NodeJS.ProcessEnv = process.env): ResponseCacheSettings | false {
  const megabytes = readNumber(environment, 'CGCT_RESPONSE_CACHE_MB', DEFAULT_RESPONSE_CACHE.maxBytes / (1024 * 1024));
  if (megabytes === 0) return false;
  return { maxBytes: megabytes * 1024 * 1024, revisionCheckMs: readNumber(environment, 'CGCT_GRAPH_REVISION_CHECK_MS', DEFAULT_RESPONSE_CACHE.revisionCheckMs) };
}

function readNumber(environment: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = environment[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}=${raw}: expected a number ≥ 0.`);
  return value;
}

/** Where to listen. */
export interface StartServerOptions {
  port: number;
  /** Interface to bind (default 127.0.0.1: loopback only unless asked). */
  host?: string;
}

/** A listening server. */
export interface StartedServer {
  url: string;
  server: Server;
  /** Stops listening and closes the driver. */
  close: () => Promise<void>;
}

/** Starts the GraphQL server and web UI. */
export async function startServer(options: StartServerOptions): Promise<StartedServer> {
  // A malformed CGCT_TODAY is a setting to fix before serving, not an error in every answer.
  today();
  const settings = resolveConnectionSettings();
  const driver = createServerDriver(settings);
  // Serve even when Neo4j is down (/ready says so, the API answers 503 until it is back), but say why.
  await driver.getServerInfo({ database: settings.database }).catch((error: unknown) => {
    console.warn(`cgct serve: ${explainConnectionError(error, settings).message}`);
  });
  const hardening = {
    rateLimit: rateLimitFromEnvironment(),
    corsOrigins: corsOriginsFromEnvironment(),
    trustProxy: trustProxyFromEnvironment(),
    graphiql: process.env.CGCT_GRAPHIQL !== 'off',
  };
  const { app, monitor } = buildApp({ driver, database: settings.database, queryTimeoutMs: Number(process.env.CGCT_QUERY_TIMEOUT_MS) || undefined, responseCache: responseCacheFromEnvironment(), ...hardening, readModel: process.env.CGCT_READ_MODEL !== 'off' });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  // A client sending its headers or its body a byte at a time holds a socket: bound both.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      monitor.stop();
      await driver.close();
    },
  };
}
