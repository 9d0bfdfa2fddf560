/**
 * What /graphql checks before yoga sees a request, each refusal in the GraphQL error shape:
 * a body over MAX_BODY_BYTES (413, read here with a bound rather than by yoga, which reads any
 * size), an unreadable body (400), a content type GraphQL over HTTP does not define (415: yoga
 * says so with an empty body; a client deserves a sentence).
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { MAX_BODY_BYTES } from './limits.ts';
import { refuse } from './refuse.ts';

// application/json is the spec's; the others are what yoga also reads (GraphiQL, forms, uploads).
const READABLE_TYPES = /^(application\/(json|graphql-response\+json|graphql|x-www-form-urlencoded)|multipart\/form-data)$/i;

/** Reads the body (any type) into a Buffer, at most MAX_BODY_BYTES. */
export const readBoundedBody: RequestHandler = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

/** Answers body-reading failures (too large, aborted, bad encoding). */
export const refuseBadBodies: ErrorRequestHandler = (error: { type?: string; status?: number }, _request, response, next) => {
  if (error.type === 'entity.too.large') refuse(response, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES / 1024} kB.`);
  else if (error.status && error.status >= 400 && error.status < 500) refuse(response, error.status, 'BAD_REQUEST', 'The request body could not be read.');
  else next(error);
};

/** Refuses a POST whose declared content type is not one GraphQL over HTTP reads. */
export const refuseUnsupportedMediaType: RequestHandler = (request, response, next) => {
  const declared = request.headers['content-type'];
  const mediaType = declared?.split(';')[0]!.trim() ?? '';
  if (request.method === 'POST' && declared && !READABLE_TYPES.test(mediaType)) {
    refuse(response, 415, 'UNSUPPORTED_MEDIA_TYPE', `Content type "${mediaType}" is not supported: send the request as application/json.`);
    return;
  }
  next();
};

/**
 * The last handlers: a path nothing answered is a 404 and an unexpected failure a 500, both in
 * the GraphQL error shape and with the security headers (express's own pages replace the CSP and
 * say nothing useful).
 */
export const answerNotFound: RequestHandler = (request, response) => {
  refuse(response, 404, 'NOT_FOUND', `Nothing at ${request.path.slice(0, 200)}.`);
};

/** See answerNotFound. */
export const answerUnexpectedError: ErrorRequestHandler = (error: { status?: number; statusCode?: number }, _request, response, next) => {
  if (response.headersSent) return next(error);
  const status = error.status ?? error.statusCode ?? 500;
  if (status >= 400 && status < 500) refuse(response, status, 'BAD_REQUEST', 'The request could not be read.');
  else {
    console.error('cgct serve: unexpected error', error);
    refuse(response, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
  }
};
