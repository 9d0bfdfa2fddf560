/**
 * Per-client rate limiting, in memory: token buckets keyed by IP address. Two budgets:
 * requests to /graphql (`perMinute`, bursts of `burst`), checked before the body is read, and
 * the cost of what they run (`pointsPerMinute`, server/query-cost.ts), charged when an operation
 * is about to execute — so that one client sending many requests each just under the cost limit
 * cannot take the server's CPU either; answers served from the response cache cost nothing.
 * Past either, 429 with Retry-After (seconds until it would pass). The buckets are bounded: past
 * `maxClients` the least recently seen client is forgotten (it starts again with a full bucket),
 * so a flood of addresses cannot grow the memory. Behind a reverse proxy, set CGCT_TRUST_PROXY
 * so that the client's address is read from X-Forwarded-For (express's "trust proxy").
 */
import type { Request, RequestHandler } from 'express';
import { refuse } from './refuse.ts';

/** How much one client may ask. */
export interface RateLimitSettings {
  /** Requests a minute, sustained. */
  perMinute: number;
  /** Requests at once (the bucket's size). */
  burst: number;
  /** Points of query cost a minute, sustained (a depth-3 / limit-500 neighbourhood is 100); 0: no cost budget. */
  pointsPerMinute?: number;
  /** Clients remembered at most (default 10,000, about 1 MB per budget). */
  maxClients?: number;
}

/** 600 requests a minute in bursts of 120, 6,000 points: far above a person's use of the UI. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { perMinute: 600, burst: 120, pointsPerMinute: 6000 };

/** Buckets of tokens per client. */
export interface TokenBuckets {
  /** Takes `amount` tokens from the client's bucket: 0 if it could, else the seconds to wait. */
  take: (client: string, amount: number) => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets of `burst` tokens refilled at `perMinute`; `now` (milliseconds) is for tests. */
export function createTokenBuckets(settings: { perMinute: number; burst: number; maxClients?: number }, now: () => number = () => performance.now()): TokenBuckets {
  const maxClients = settings.maxClients ?? 10_000;
  const perMs = settings.perMinute / 60_000;
  // A Map iterates in insertion order: re-inserting on each use keeps the oldest first.
  const buckets = new Map<string, Bucket>();
  return {
    take(client, amount) {
      const time = now();
      const bucket = buckets.get(client) ?? { tokens: settings.burst, updatedAt: time };
      buckets.delete(client);
      bucket.tokens = Math.min(settings.burst, bucket.tokens + (time - bucket.updatedAt) * perMs);
      bucket.updatedAt = time;
      buckets.set(client, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      // A request costing more than the whole bucket waits for a full bucket.
      const needed = Math.min(amount, settings.burst);
      if (bucket.tokens >= needed) {
        bucket.tokens -= needed;
        return 0;
      }
      return Math.max(1, Math.ceil((needed - bucket.tokens) / perMs / 1000));
    },
  };
}

/** The client's address as express sees it (X-Forwarded-For only under "trust proxy"). */
export function clientAddress(request: Pick<Request, 'ip' | 'socket'>): string {
  return request.ip ?? request.socket?.remoteAddress ?? 'unknown';
}

/** The request budget's middleware; `now` is for tests. */
export function createRateLimiter(settings: RateLimitSettings, now?: () => number): RequestHandler {
  const buckets = createTokenBuckets(settings, now);
  return (request, response, next) => {
    const retryAfter = buckets.take(clientAddress(request), 1);
    if (retryAfter === 0) return next();
    refuse(response, 429, 'RATE_LIMITED', `Too many requests from this address: at most ${settings.perMinute} a minute (bursts of ${settings.burst}). Retry in ${retryAfter} s.`, { 'Retry-After': String(retryAfter) });
  };
}

/** The cost budget's buckets (bursts of a sixth of a minute's points), or undefined when off. */
export function createCostBudget(settings: RateLimitSettings, now?: () => number): TokenBuckets | undefined {
  const pointsPerMinute = settings.pointsPerMinute ?? DEFAULT_RATE_LIMIT.pointsPerMinute!;
  if (pointsPerMinute <= 0) return undefined;
  return createTokenBuckets({ perMinute: pointsPerMinute, burst: Math.max(1, pointsPerMinute / 6), maxClients: settings.maxClients }, now);
}
