/** The one shape of every refusal made outside yoga: `{ errors: [{ message, extensions: { code } }] }`. */
import type { Response } from 'express';

/** Sends a GraphQL-shaped error with an HTTP status (and extra headers such as Retry-After). */
export function refuse(response: Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  response.status(status).set(headers).json({ errors: [{ message, extensions: { code } }] });
}
