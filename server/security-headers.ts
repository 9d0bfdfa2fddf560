/**
 * Headers every response carries: a strict Content-Security-Policy (the web UI loads only its own
 * scripts, styles and API; nothing inline), no framing (clickjacking), no MIME sniffing, no
 * Referer sent to other sites (an article's address says what a user reads). GraphiQL, a
 * third-party React and Monaco bundle that injects its styles and runs editor workers, gets
 * the same policy with inline styles and its workers allowed (server/graphiql.ts).
 */
import type { RequestHandler } from 'express';

const COMMON = ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"];

/** The web UI's and the API's policy. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // The favicon is `data:,`; a graph exported as PNG is shown from a data URL.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  ...COMMON,
].join('; ');

/** GraphiQL's page: its own files only, but inline styles and blob workers (Monaco's). */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  ...COMMON,
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Sets the security headers on every response (a route may narrow or widen the CSP after). */
export const setSecurityHeaders: RequestHandler = (_request, response, next) => {
  response.set(HEADERS);
  next();
};
