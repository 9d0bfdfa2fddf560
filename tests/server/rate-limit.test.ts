/** The per-client token bucket (server/rate-limit.ts), on a clock the test moves. */
import type { Request, Response } from 'express';
import { expect, it } from 'vitest';
import { createRateLimiter } from '../../server/rate-limit.ts';

function harness(settings: Parameters<typeof createRateLimiter>[0]) {
  let time = 0;
  const limiter = createRateLimiter(settings, () => time);
  const ask = (ip: string): { status: number; retryAfter?: string } => {
    const outcome: { status: number; retryAfter?: string } = { status: 200 };
    const response = {
      status(code: number) { outcome.status = code; return response; },
      set(headers: Record<string, string>) { outcome.retryAfter = headers['Retry-After']; return response; },
      json() { return response; },
    };
    limiter({ ip, socket: {} } as unknown as Request, response as unknown as Response, () => undefined);
    return outcome;
  };
  return { ask, advance: (ms: number) => { time += ms; } };
}

it('lets a burst through, then one request per refill, with Retry-After in seconds', () => {
  const { ask, advance } = harness({ perMinute: 60, burst: 3 });
  expect([ask('a'), ask('a'), ask('a')].map((outcome) => outcome.status)).toEqual([200, 200, 200]);
  expect(ask('a')).toEqual({ status: 429, retryAfter: '1' });
  // Another client has its own bucket.
  expect(ask('b').status).toBe(200);
  advance(1000);
  expect(ask('a').status).toBe(200);
  expect(ask('a').status).toBe(429);
  advance(60_000);
  expect([ask('a'), ask('a'), ask('a'), ask('a')].map((outcome) => outcome.status)).toEqual([200, 200, 200, 429]);
});

it('remembers at most maxClients addresses, forgetting the least recently seen', () => {
  const { ask } = harness({ perMinute: 60, burst: 1, maxClients: 100 });
  expect(ask('first').status).toBe(200);
  expect(ask('first').status).toBe(429);
  for (let i = 0; i < 100; i++) ask(`10.0.0.${i}`);
  // Forgotten, so it starts again with a full bucket: memory stays bounded whatever the flood.
  expect(ask('first').status).toBe(200);
});
