/**
 * The bounds every input is held to, so that no file among thousands can crash, hang or exhaust
 * the ingest (issue 15). The defaults sit far above anything the four corpora hold (largest file
 * 65 kB, longest line 31 kB: cgct-legifrance-md's l5219-1.md; deepest HTML 7 levels; longest
 * heading number 22 characters) and far below what breaks a stage (a call stack, a Neo4j index
 * key of ~8 kB). An input past a limit is rejected with `file:line [rule] reason`; the rest goes on.
 */
import type { IngestMessage } from '../types.ts';

/** The named limits. */
export interface IngestLimits {
  /** Largest file read, in bytes (rule `file-too-large`). */
  maxFileBytes: number;
  /** Longest line, in characters (rule `line-too-long`). */
  maxLineLength: number;
  /** Deepest nesting of HTML elements in a body (rule `nesting-too-deep`). */
  maxNestingDepth: number;
  /** Most references one article or document may make (rule `too-many-references`). */
  maxReferencesPerText: number;
  /** Longest article id (rule `invalid-article-id`). */
  maxIdLength: number;
  /** Longest value that becomes a Neo4j property or index key: a text's name, an href, a pinpoint (rule `value-too-long`). */
  maxValueLength: number;
  /** Most messages kept for one file; the rest are counted in one last message. */
  maxMessagesPerFile: number;
}

/** The built-in values. */
export const BUILT_IN_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxFileBytes: 2 * 1024 * 1024,
  maxLineLength: 200_000,
  maxNestingDepth: 100,
  maxReferencesPerText: 5_000,
  maxIdLength: 64,
  maxValueLength: 1_000,
  maxMessagesPerFile: 50,
});

/** The environment variable that sets each limit ("CGCT_INGEST_MAX_FILE_BYTES=4194304"). */
export const LIMIT_VARIABLES: Readonly<Record<keyof IngestLimits, string>> = Object.freeze({
  maxFileBytes: 'CGCT_INGEST_MAX_FILE_BYTES',
  maxLineLength: 'CGCT_INGEST_MAX_LINE_LENGTH',
  maxNestingDepth: 'CGCT_INGEST_MAX_NESTING_DEPTH',
  maxReferencesPerText: 'CGCT_INGEST_MAX_REFERENCES_PER_TEXT',
  maxIdLength: 'CGCT_INGEST_MAX_ID_LENGTH',
  maxValueLength: 'CGCT_INGEST_MAX_VALUE_LENGTH',
  maxMessagesPerFile: 'CGCT_INGEST_MAX_MESSAGES_PER_FILE',
});

/** The built-in limits, each replaced by its environment variable when set; throws on a value that is not a positive integer (a misconfiguration, not bad input). */
export function readLimits(env: NodeJS.ProcessEnv = process.env): IngestLimits {
  const limits: IngestLimits = { ...BUILT_IN_LIMITS };
  for (const [name, variable] of Object.entries(LIMIT_VARIABLES) as Array<[keyof IngestLimits, string]>) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${variable}=${raw}: a positive integer is expected`);
    limits[name] = value;
  }
  return limits;
}

/** The limits every stage uses unless given others: the built-in values, or the environment's. */
export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze(readLimits());

/** The file's first line longer than `max`: its 1-based number and length; undefined when none. Linear. */
export function findLongLine(text: string, max: number): { line: number; length: number } | undefined {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > max) return { line, length: stop - start };
    if (end < 0) return undefined;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** Keeps a file's first `max` messages and says how many more there were (one message per unclosed tag can be 300,000). */
export function capMessages(messages: IngestMessage[], max: number): IngestMessage[] {
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max);
  // An error must survive the cut: it is what rejects the file.
  const error = messages.slice(max).find((message) => message.severity === 'error');
  if (error && !kept.some((message) => message.severity === 'error')) kept[max - 1] = error;
  const last = kept[kept.length - 1]!;
  kept.push({ file: last.file, line: last.line ?? 1, ruleId: 'too-many-messages', reason: `${messages.length - max} more messages not shown`, severity: 'warning' });
  return kept;
}

/** A value cut for a message: at most `max` characters, control characters escaped, so that a hostile value cannot flood a terminal. */
export function quoteForMessage(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
