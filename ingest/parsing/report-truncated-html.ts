/**
 * Messages for HTML that stops before its end: a file cut while being saved or copied ends
 * "…conditions fixées aux <a href='/code-general-des" or leaves "<p>" / "<a>" open. What parses
 * is kept; the message points at the line of the element or tag left unfinished.
 */
import type { BodyContent } from './html-to-text.ts';
import { currentNestingLimit } from './parse-html-fragment.ts';
import { lineOfOffset } from './read-article-heading.ts';
import type { IngestMessage } from '../types.ts';

/** Warnings for a converted body; `bodyStart` is the body's offset in `text`, the whole file. */
export function reportTruncatedHtml(file: string, text: string, bodyStart: number, body: BodyContent, ignored: ReadonlySet<string> = new Set()): IngestMessage[] {
  const messages: IngestMessage[] = body.unclosed
    .filter((open) => !ignored.has(open.tagName))
    .map((open) => ({
      file,
      line: lineOfOffset(text, bodyStart + open.offset),
      ruleId: 'truncated-html',
      reason: `<${open.tagName}> is never closed: the file may be truncated; kept what parses`,
      severity: 'warning' as const,
    }));
  if (body.cutTagOffset !== undefined) {
    messages.push({ file, line: lineOfOffset(text, bodyStart + body.cutTagOffset), ruleId: 'truncated-html', reason: 'the file ends inside a tag: it is truncated; kept what parses', severity: 'warning' });
  }
  if (body.tooDeepOffset !== undefined) messages.push(reportTooDeep(file, lineOfOffset(text, bodyStart + body.tooDeepOffset)));
  return messages;
}

/** The error rejecting a body nested deeper than the limit (no article is nested more than 7 levels). */
export function reportTooDeep(file: string, line: number, maxDepth = currentNestingLimit()): IngestMessage {
  return { file, line, ruleId: 'nesting-too-deep', reason: `HTML elements nested more than ${maxDepth} levels deep (limit maxNestingDepth)`, severity: 'error' };
}
