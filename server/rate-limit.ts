/**
 * Per-client rate limiting of /graphql: a token bucket per IP address, in memory. Each client may
 * send `burst` requests at once and `perMinute` a minute over time; past that it gets 429 with
 * Retry-After (seconds until a request would pass). The buckets are bounded: past `maxClients`
 * the least recently seen client is forgotten (it starts again with a full bucket), so a flood
 * of addresses cannot grow the memory. Behind a reverse proxy, set CGCT_TRUST_PROXY so that the
 * client's address is read from X-Forwarded-For (express's "trust proxy").
 */
import type { RequestHandler } from 'express';
import { refuse } from './refuse.ts';

/** How much one client may ask. */
export interface RateLimitSettings {
  /** Requests a minute, sustained. */
  perMinute: number;
  /** Requests at once (the bucket's size). */
  burst: number;
  /** Clients remembered at most (default 10,000, about 1 MB). */
  maxClients?: number;
}

/** 600 a minute with bursts of 120: far above a person's use of the UI, well below a flood. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { perMinute: 600, burst: 120 };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** The middleware; `now` is for tests. */
export function createRateLimiter(settings: RateLimitSettings, now: () => number = () => performance.now()): RequestHandler {
  const maxClients = settings.maxClients ?? 10_000;
  const perMs = settings.perMinute / 60_000;
  // A Map iterates in insertion order: re-inserting on each request keeps the oldest first.
  const buckets = new Map<string, Bucket>();
  return (request, response, next) => {
    const client = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const time = now();
    const bucket = buckets.get(client) ?? { tokens: settings.burst, updatedAt: time };
    buckets.delete(client);
    bucket.tokens = Math.min(settings.burst, bucket.tokens + (time - bucket.updatedAt) * perMs);
    bucket.updatedAt = time;
    buckets.set(client, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    refuse(response, 429, 'RATE_LIMITED', `Too many requests from this address: at most ${settings.perMinute} a minute (bursts of ${settings.burst}). Retry in ${retryAfter} s.`, { 'Retry-After': String(retryAfter) });
  };
}
