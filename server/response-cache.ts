/**
 * Whole GraphQL answers kept in memory, in front of yoga, for as long as the graph does not change.
 *
 * The graph changes only when an ingest or a replay runs, and each of their write transactions
 * changes the graph's revision (graph-schema/graph-revision.ts). An answer is kept with the
 * revision read before it was computed and served again, byte for byte, while that revision is
 * current: a repeated request costs no Cypher and no GraphQL execution. Only complete answers
 * are kept (200, JSON, no `errors`); a failed revision read (Neo4j away) bypasses the cache so the
 * request gets the API's own 503. Identical requests arriving while the first is computed wait
 * for it instead of running the same Cypher again.
 *
 * The key is the request as sent (method, Accept, content type, URL or body), so two spellings of
 * one query are two entries: cheaper than parsing every request to normalise it.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';

/** Response header saying how an answer was obtained: HIT (kept), MISS (computed), BYPASS (not cacheable now). */
export const CACHE_STATUS_HEADER = 'x-cgct-cache';

/** How the cache behaves. */
export interface ResponseCacheOptions {
  /** Reads the graph's current revision. */
  readRevision: () => Promise<string>;
  /** Bytes of answers kept at most; the least recently used go first. */
  maxBytes: number;
  /**
   * How long a revision read is trusted, in milliseconds. 0 reads it for every request (answers
   * are never stale); more spares Neo4j a round trip per request, and a write becomes visible
   * at most that long after it committed.
   */
  revisionCheckMs: number;
}

interface CachedAnswer {
  revision: string;
  contentType: string;
  body: Buffer;
}

// Requests whose key would be larger are not cached (a huge query is not a repeated one).
const MAX_KEY_LENGTH = 16 * 1024;
const CACHEABLE_TYPE = /^application\/(graphql-response\+)?json\b/i;

/** The middleware; mount it on the GraphQL endpoint after the body is read, before yoga. */
export function createResponseCache(options: ResponseCacheOptions): RequestHandler {
  const answers = new AnswerStore(options.maxBytes);
  const currentRevision = createRevisionClock(options.readRevision, options.revisionCheckMs);
  const inFlight = new Map<string, { revision: string; done: Promise<void> }>();

  const send = (response: Response, answer: CachedAnswer) => {
    response.status(200).set({ 'content-type': answer.contentType, [CACHE_STATUS_HEADER]: 'HIT' }).end(answer.body);
  };

  return async (request, response, next) => {
    const key = requestKey(request);
    if (key === null) {
      response.setHeader(CACHE_STATUS_HEADER, 'BYPASS');
      next();
      return;
    }
    let revision: string;
    try {
      revision = await currentRevision();
    } catch {
      response.setHeader(CACHE_STATUS_HEADER, 'BYPASS');
      next();
      return;
    }
    answers.keepOnly(revision);
    const kept = answers.get(key);
    if (kept) return send(response, kept);

    const pending = inFlight.get(key);
    if (pending && pending.revision === revision) {
      await pending.done;
      const computed = answers.get(key);
      if (computed && computed.revision === revision) return send(response, computed);
    }

    let finished!: () => void;
    const entry = { revision, done: new Promise<void>((resolve) => (finished = resolve)) };
    inFlight.set(key, entry);
    captureAnswer(response, (answer) => {
      if (answer && isCompleteAnswer(answer.body)) answers.set(key, { revision, ...answer });
      if (inFlight.get(key) === entry) inFlight.delete(key);
      finished();
    });
    response.setHeader(CACHE_STATUS_HEADER, 'MISS');
    next();
  };
}

/** The request as a cache key, or null when it must not be cached. */
function requestKey(request: Request): string | null {
  let payload: string;
  if (request.method === 'GET') payload = request.originalUrl;
  else if (request.method === 'POST' && Buffer.isBuffer(request.body)) payload = request.body.toString('utf8');
  else return null;
  const headers: IncomingHttpHeaders = request.headers;
  const key = `${request.method}\n${headers.accept ?? ''}\n${headers['content-type'] ?? ''}\n${payload}`;
  return key.length <= MAX_KEY_LENGTH ? key : null;
}

/** A GraphQL answer with data and no error (partial answers are not kept). */
function isCompleteAnswer(body: Buffer): boolean {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { data?: unknown; errors?: unknown };
    return parsed.data !== undefined && parsed.data !== null && parsed.errors === undefined;
  } catch {
    return false;
  }
}

/**
 * Calls `onDone` once the response is over with its body and content type when it was a 200 in
 * JSON, else with null. Wraps writeHead/write/end, as compression middleware does, because yoga
 * writes through Node's response directly.
 */
function captureAnswer(response: Response, onDone: (answer: { contentType: string; body: Buffer } | null) => void): void {
  const chunks: Buffer[] = [];
  let contentType: string | undefined;
  const original = { writeHead: response.writeHead, write: response.write, end: response.end };
  const collect = (chunk: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  response.writeHead = function (this: Response, ...args: unknown[]) {
    const headers = args.find((arg): arg is OutgoingHttpHeaders => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
    const declared = headers && Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    if (declared !== undefined) contentType = String(declared);
    return (original.writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
  response.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    collect(chunk);
    return (original.write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as Response['write'];
  response.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') collect(chunk);
    return (original.end as (...a: unknown[]) => Response).call(this, chunk, ...rest);
  } as Response['end'];

  let reported = false;
  const report = () => {
    if (reported) return;
    reported = true;
    const type = contentType ?? String(response.getHeader('content-type') ?? '');
    const complete = response.writableFinished && response.statusCode === 200 && CACHEABLE_TYPE.test(type);
    onDone(complete ? { contentType: type, body: Buffer.concat(chunks) } : null);
  };
  response.once('finish', report);
  response.once('close', report);
}

/** Reads the revision, reusing a read for `maxAgeMs`; a failed read is not reused. */
function createRevisionClock(read: () => Promise<string>, maxAgeMs: number): () => Promise<string> {
  let last: { value: Promise<string>; at: number } | undefined;
  return () => {
    const now = Date.now();
    if (maxAgeMs > 0 && last && now - last.at < maxAgeMs) return last.value;
    const entry = { value: read(), at: now };
    last = entry;
    entry.value.catch(() => {
      if (last === entry) last = undefined;
    });
    return entry.value;
  };
}

/** Answers by key, least recently used first out, bounded in bytes, all of one revision. */
class AnswerStore {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private revision: string | undefined;

  constructor(private readonly maxBytes: number) {}

  /** Drops everything when the graph has changed: no answer of an older revision is ever served. */
  keepOnly(revision: string): void {
    if (revision === this.revision) return;
    this.entries.clear();
    this.bytes = 0;
    this.revision = revision;
  }

  get(key: string): CachedAnswer | undefined {
    const answer = this.entries.get(key);
    if (!answer || answer.revision !== this.revision) return undefined;
    this.entries.delete(key);
    this.entries.set(key, answer);
    return answer;
  }

  set(key: string, answer: CachedAnswer): void {
    // Computed at a revision that has since been replaced: useless, and must not be served.
    if (answer.revision !== this.revision) return;
    const size = answer.body.length + key.length;
    // One answer may not push out more than a quarter of the others.
    if (size > this.maxBytes / 4) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.body.length + key.length;
    }
    this.entries.set(key, answer);
    this.bytes += size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.body.length + oldest.length;
    }
  }
}
