/**
 * `cgct ingest ../shared/corpus/all-codes-tip.bundle`: loads or refreshes the 77 other codes as
 * they stand on the source's date, beside the CGCT (which comes from its own history and is left
 * alone: the source's CGCT folder is skipped).
 *
 * Code by code: read → parse (the legifrance-md parser, told the code) → extract references →
 * write the articles and the table of contents. Then, every code being known, resolve every
 * reference (resolve-code-references.ts) and write each code's citations. A code whose rows did
 * not change since the last load is not written again, so a second run writes nothing.
 */
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../../graph-schema/apply-schema.ts';
import { markAbsent, readCgctLookup, readPlaceholdersOf, readStoredCodes, writeCodeArticles, writeCodeCitations, type CodeCitationRow } from '../graph/write-codes.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../parsing/limits.ts';
import { parseFile } from '../parsing/parse-file.ts';
import { extractReferences } from '../references/extract-references.ts';
import { mergeLinkReferences } from '../references/merge-link-references.ts';
import { createSuggestionIndex, suggestArticleIds } from '../references/suggest-article-ids.ts';
import { openCodeSource } from '../sources/read-code-folders.ts';
import { readTocSlug } from '../parsing/toc-from-path.ts';
import type { Article, IngestMessage, Reference } from '../types.ts';
import { CODES_SOURCE, hashOf, toCodeRecords } from './code-records.ts';
import { articleKey, CGCT_CODE, codeById, codesNamed, splitArticleKey, type CodeEntry } from './code-registry.ts';
import { createCodeLookup, resolveCodeReference, type CodeTarget } from './resolve-code-references.ts';

/** Options of runCodesIngest. */
export interface CodesIngestOptions {
  cacheDir?: string;
  limits?: Partial<IngestLimits>;
  /** Only these codes (ids or folders), for tests and partial refreshes; default every code of the source. */
  only?: string[];
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** What one code's load did. */
export interface CodeLoadReport {
  code: string;
  title: string;
  files: number;
  articles: number;
  rejected: number;
  /** Articles written (0 when unchanged since the last load). */
  written: number;
  citations: number;
  resolved: number;
  unresolved: number;
  external: number;
  /** Citations rewritten (false when unchanged). */
  citationsWritten: boolean;
}

/** What the codes ingest did. */
export interface CodesIngestReport {
  location: string;
  date: string | null;
  codes: CodeLoadReport[];
  /** Folders of the source that are no known code, and the CGCT's, left alone. */
  skippedFolders: string[];
  /** The CGCT's citations of articles a loaded code lacks, now "absent du code". */
  absentFromCodes: number;
  messages: IngestMessage[];
  rejectedFiles: string[];
  timings: { read: number; parse: number; resolve: number; write: number };
}

/** One code's articles, reduced to what resolution needs once they are written. */
interface ReadCode {
  code: CodeEntry;
  references: Array<{ from: string; references: Reference[] }>;
  report: CodeLoadReport;
}

/** Loads or refreshes every code of a source of codes. */
export async function runCodesIngest(driver: Driver, location: string, options: CodesIngestOptions = {}): Promise<CodesIngestReport> {
  const progress = options.onProgress ?? (() => {});
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const timings = { read: 0, parse: 0, resolve: 0, write: 0 };
  let time = performance.now();
  await applySchema(driver);
  const source = await openCodeSource(location, { cacheDir: options.cacheDir, maxFileBytes: limits.maxFileBytes });
  const wanted = options.only ? new Set(options.only.map((name) => codesNamed(name)[0]?.id ?? name)) : undefined;
  const codes = source.codes.filter((code) => code.id !== CGCT_CODE && (!wanted || wanted.has(code.id)));
  const skippedFolders = [...source.unknownFolders, ...source.codes.filter((code) => code.id === CGCT_CODE).map((code) => code.folder)];
  const stored = await readStoredCodes(driver);
  const cgct = await readCgctLookup(driver, source.date);
  timings.read += performance.now() - time;

  const messages: IngestMessage[] = [];
  const rejectedFiles: string[] = [];
  const numbers = new Map<string, Set<string>>();
  // Codes loaded earlier and not in this run still resolve references made to them.
  for (const [code, held] of stored) if (!codes.some((item) => item.id === code)) numbers.set(code, new Set([...held.articleIds].map((id) => splitArticleKey(id).number)));
  const read: ReadCode[] = [];
  const totalFiles = codes.length;
  // Neo4j writes one code while this process parses the next: the two cores both work.
  let writing: Promise<void> = Promise.resolve();
  let writeTime = 0;
  const writeInTurn = (work: () => Promise<void>) => {
    writing = writing.then(async () => {
      const started = performance.now();
      await work();
      writeTime += performance.now() - started;
    });
    // Handled here so that a failed write waits for the `await writing` that reports it, rather than killing the process meanwhile.
    writing.catch(() => undefined);
  };
  for (const [index, code] of codes.entries()) {
    progress(`read ${code.folder}`, index, totalFiles);
    time = performance.now();
    const folder = await source.read(code);
    timings.read += performance.now() - time;
    time = performance.now();
    const { articles, fileCount } = await parseCode(code, folder.files, folder.messages, limits, messages, rejectedFiles);
    const references = articles.map((article) => ({ from: article.id, references: extractCodeReferences(code, article, limits.maxReferencesPerText) }));
    numbers.set(code.id, new Set(articles.map((article) => splitArticleKey(article.id).number)));
    const records = toCodeRecords(code, articles, source.date);
    timings.parse += performance.now() - time;
    const held = stored.get(code.id);
    const unchanged = held?.articlesHash === records.hash;
    if (!unchanged) writeInTurn(() => writeCodeArticles(driver, code, records, held, { date: source.date, source: location }));
    read.push({
      code,
      references,
      report: { code: code.id, title: code.title, files: fileCount, articles: articles.length, rejected: 0, written: unchanged ? 0 : articles.length, citations: 0, resolved: 0, unresolved: 0, external: 0, citationsWritten: false },
    });
  }
  progress('read', totalFiles, totalFiles);
  await writing;

  time = performance.now();
  // The CGCT's placeholders of articles these codes lack become "absent du code …" before the codes'
  // own citations are written, so that both meet on one unresolved target.
  const placeholders = await readPlaceholdersOf(driver, codes.map((code) => code.id));
  const suggestions = new Map<string, ReturnType<typeof createSuggestionIndex>>();
  const absent = placeholders.map((placeholder) => {
    let index = suggestions.get(placeholder.code);
    if (!index) suggestions.set(placeholder.code, (index = createSuggestionIndex(numbers.get(placeholder.code) ?? [])));
    return { id: placeholder.id, candidates: suggestArticleIds(index, placeholder.number).map((number) => articleKey(placeholder.code, number)) };
  });
  await markAbsent(driver, absent);
  timings.write += performance.now() - time;

  const lookup = createCodeLookup(numbers, cgct);
  for (const [index, item] of read.entries()) {
    progress('resolve and write citations', index, read.length);
    time = performance.now();
    const citations = citationRows(lookup, item);
    const hash = hashOf(citations);
    for (const citation of citations) {
      if (citation.target.label === 'Article') item.report.resolved++;
      else if (citation.target.label === 'UnresolvedTarget') item.report.unresolved++;
      else item.report.external++;
    }
    item.report.citations = citations.length;
    timings.resolve += performance.now() - time;
    if (stored.get(item.code.id)?.citationsHash !== hash || item.report.written > 0) {
      writeInTurn(() => writeCodeCitations(driver, item.code.id, citations, hash));
      item.report.citationsWritten = true;
    }
    // Let the write of the previous code go out before resolving the next.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await writing;
  timings.write += writeTime;
  progress('resolve and write citations', read.length, read.length);
  for (const item of read) item.report.rejected = rejectedFiles.filter((file) => file.startsWith(`${item.code.folder}/`)).length;
  return { location, date: source.date, codes: read.map((item) => item.report), skippedFolders, absentFromCodes: absent.length, messages, rejectedFiles, timings };
}

/** Parses a code's files; a file that is no article, or a second article of the same number, is reported and left out. */
async function parseCode(code: CodeEntry, files: Array<{ path: string; bytes: Buffer }>, readMessages: IngestMessage[], limits: IngestLimits, messages: IngestMessage[], rejectedFiles: string[]): Promise<{ articles: Article[]; fileCount: number }> {
  for (const message of readMessages) {
    messages.push(message);
    rejectedFiles.push(message.file);
  }
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  let fileCount = readMessages.length;
  for (const [index, file] of files.entries()) {
    // Every 200 files, the event loop sends the write running meanwhile its next batch.
    if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    if (!/\.md$/i.test(file.path) || /(^|\/)README\.md$/i.test(file.path)) continue;
    fileCount++;
    const parsed = parseFile(file.path, file.bytes, { code: code.id, limits });
    for (const message of parsed.messages) messages.push(message);
    if (!parsed.article) {
      rejectedFiles.push(file.path);
      continue;
    }
    const kept = byId.get(parsed.article.id);
    if (kept) {
      const article = disambiguate(code, parsed.article, kept, byId, messages);
      if (!article) {
        rejectedFiles.push(file.path);
        continue;
      }
      parsed.article = article;
    }
    byId.set(parsed.article.id, parsed.article);
    articles.push(parsed.article);
  }
  return { articles, fileCount };
}

/**
 * A second article of the same number in one code. The same text twice is one article (the second
 * file rejected); two texts are two articles (the code de commerce has an "Annexe I" in several
 * books): the second is keyed by its number and its folder's title, and a warning names both files.
 */
function disambiguate(code: CodeEntry, article: Article, kept: Article, byId: Map<string, Article>, messages: IngestMessage[]): Article | undefined {
  const number = splitArticleKey(article.id).number;
  if (article.contentHash === kept.contentHash) {
    messages.push({ file: article.sourceFile, line: 1, ruleId: 'duplicate-article', reason: `article ${number} of the ${code.title} is also in ${kept.sourceFile}, with the same text; kept that one`, severity: 'error' });
    return undefined;
  }
  const folder = article.sourceFile.split('/').at(-2) ?? '';
  const distinct = `${number} (${readTocSlug(folder).title})`;
  if (byId.has(articleKey(code.id, distinct))) {
    messages.push({ file: article.sourceFile, line: 1, ruleId: 'duplicate-article', reason: `article ${number} of the ${code.title} is also in ${kept.sourceFile} and in the same folder; kept that one`, severity: 'error' });
    return undefined;
  }
  messages.push({ file: article.sourceFile, line: 1, ruleId: 'duplicate-article-number', reason: `article ${number} of the ${code.title} is also in ${kept.sourceFile}, with another text: this one is "${distinct}"`, severity: 'warning' });
  return { ...article, id: articleKey(code.id, distinct), number: distinct };
}

/**
 * An article's references, text and links merged. A link to the article's own code names it by
 * its title ("code de l'urbanisme"); the text's references to it carry the code's id: the link is
 * told the id, so that the two agree.
 */
function extractCodeReferences(code: CodeEntry, article: Article, limit: number): Reference[] {
  const links = article.links.map((link) => (link.targetCode && codesNamed(link.targetCode)[0]?.id === code.id ? { ...link, targetCode: code.id } : link));
  const fromText = extractReferences(article.text, { limit, ownCode: code.id, ownNumber: article.id });
  return mergeLinkReferences(fromText, links);
}

/** A code's citations: every reference resolved, occurrences of one target from one article merged into one row. */
function citationRows(lookup: ReturnType<typeof createCodeLookup>, item: ReadCode): CodeCitationRow[] {
  const rows = new Map<string, CodeCitationRow>();
  for (const { from, references } of item.references) {
    for (const reference of references) {
      for (const target of resolveCodeReference(lookup, item.code.id, reference)) {
        if (target.label === 'Article' && target.id === from) continue;
        const key = `${from}>${target.label}|${target.id}`;
        const row = rows.get(key) ?? { from, target, props: { via: [], sources: [CODES_SOURCE], pinpoints: [], spans: [], count: 0, viaRange: false, validFrom: null, validTo: null } };
        mergeOccurrence(row, target, reference);
        rows.set(key, row);
      }
    }
  }
  return [...rows.values()];
}

function mergeOccurrence(row: CodeCitationRow, target: CodeTarget, reference: Reference): void {
  const props = row.props as { via: string[]; pinpoints: string[]; spans: number[]; count: number; viaRange: boolean; hrefDisagrees?: string; reason?: string };
  for (const via of reference.via === 'text+link' ? ['link', 'text'] : [reference.via]) if (!props.via.includes(via)) props.via.push(via);
  if (reference.pinpoint && !props.pinpoints.includes(reference.pinpoint)) props.pinpoints.push(reference.pinpoint);
  props.spans.push(reference.start, reference.end);
  props.count++;
  if (reference.kind === 'range') props.viaRange = true;
  if (reference.hrefDisagrees) props.hrefDisagrees = reference.hrefDisagrees;
  if (target.reason) props.reason = target.reason;
}

/** The codes a list of names designates, for `--code` options and tests. */
export function codesOf(names: string[]): CodeEntry[] {
  return names.map((name) => codeById(name) ?? codesNamed(name)[0]).filter((code): code is CodeEntry => code !== undefined);
}
