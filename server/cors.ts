/**
 * Cross-origin access to the API: off unless CGCT_CORS_ORIGINS lists the origins allowed
 * ("https://a.example,https://b.example", or "*" for any origin). yoga's own CORS, which echoed
 * any Origin — `null` included — with `Access-Control-Allow-Credentials: true`, is turned off:
 * this middleware never allows credentials (the API has no cookies or sessions to send), never
 * allows the `null` origin (sandboxed frames, file: pages), and answers a preflight from an origin
 * not listed with 403.
 */
import type { RequestHandler } from 'express';
import { refuse } from './refuse.ts';

/** Origins allowed to read the API from a browser; empty: none (same origin only). */
export type CorsOrigins = readonly string[];

/** Reads CGCT_CORS_ORIGINS: a comma-separated list of origins (scheme://host[:port]) or "*". */
export function corsOriginsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): CorsOrigins {
  const raw = environment.CGCT_CORS_ORIGINS?.trim();
  if (!raw) return [];
  const origins = raw.split(',').map((origin) => origin.trim().replace(/\/$/, '')).filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/i.test(origin)) throw new Error(`CGCT_CORS_ORIGINS: "${origin}" is not an origin (expected scheme://host[:port], or *).`);
  }
  return origins;
}

/** The CORS middleware for `origins`. */
export function createCors(origins: CorsOrigins): RequestHandler {
  const anyOrigin = origins.includes('*');
  const listed = new Set(origins.map((origin) => origin.toLowerCase()));
  return (request, response, next) => {
    const origin = request.headers.origin;
    response.vary('Origin');
    const allowed = origin !== undefined && origin !== 'null' && (anyOrigin || listed.has(origin.toLowerCase()));
    if (allowed) {
      response.set('Access-Control-Allow-Origin', anyOrigin ? '*' : origin);
    }
    if (request.method !== 'OPTIONS' || !request.headers['access-control-request-method']) return next();
    if (!allowed) return refuse(response, 403, 'CORS_ORIGIN_REFUSED', `Cross-origin requests from ${origin ?? 'this page'} are not allowed (CGCT_CORS_ORIGINS).`);
    response
      .status(204)
      .set({
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Accept',
        'Access-Control-Max-Age': '600',
      })
      .end();
  };
}
