/**
 * The extraction run behind `cgct extract`: read sources → parse every file (collecting messages)
 * → set duplicates aside → extract each text's references (text, then links) → resolve them once
 * every article is known. Nothing is written anywhere: the result is returned whole.
 */
import { collectSectionTitles } from '../parsing/collect-section-titles.ts';
import { extractReferences } from './extract-references.ts';
import { mergeLinkReferences } from './merge-link-references.ts';
import { parseFile } from '../parsing/parse-file.ts';
import { readSource, type SourceFile, type SourceSpec } from '../sources/read-source.ts';
import { resolveReferences } from './resolve-references.ts';
import { createSuggestionMemo, type SuggestionMemo } from './suggest-article-ids.ts';
import { checkReferenceLimits } from '../parsing/check-article-limits.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../parsing/limits.ts';
import type { Article, FreeTextDocument, IngestMessage, Reference, ResolvedReference } from '../types.ts';

/** What an extraction run gives. */
export interface ExtractionResult {
  articles: Article[];
  documents: FreeTextDocument[];
  /** Every reference, resolved, in the order of the articles and documents. */
  references: ResolvedReference[];
  /** The same references, grouped by the article or document making them (articles first). */
  byText: TextReferences[];
  messages: IngestMessage[];
  /** Files rejected by an error message, in the order read. */
  rejectedFiles: string[];
  counts: ExtractionCounts;
  /** Milliseconds spent in each stage. */
  timings: { read: number; parse: number; extract: number; resolve: number };
}

/** The references one article or document makes. */
export interface TextReferences {
  /** Article id or document id ("doc:001_….txt"). */
  id: string;
  /** Source file. */
  file: string;
  kind: 'article' | 'document';
  references: ResolvedReference[];
}

/** Counts of an extraction run. */
export interface ExtractionCounts {
  /** Files read, all sources together. */
  files: number;
  /** Files parsed per detected format (rejected ones included when their format was detected). */
  byFormat: Record<string, number>;
  /** Files not parsed: not text (".png", ".gitattributes") or section README.md files. */
  skipped: number;
  rejected: number;
  /** Older versions of an article set aside for its version in force (etalab's codes-non-en-vigueur, lexlib's repealed copies). */
  supersededVersions: number;
  articles: number;
  documents: number;
  references: number;
  unresolved: number;
}

const TEXT_FILE = /\.(md|markdown|txt|html?)$/i;

/** Options of runExtraction and extractFromSources. */
export interface ExtractionOptions {
  /** Where bundles are cloned (default `.cache/corpus`). */
  cacheDir?: string;
  /** Bounds on the input (defaults: DEFAULT_LIMITS). */
  limits?: Partial<IngestLimits>;
  /** Called file by file: stage ("read", "parse"), done, total. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** Reads the sources and runs the whole extraction. Throws SourceError for a source that cannot be read. */
export async function runExtraction(specs: SourceSpec[], options: ExtractionOptions = {}): Promise<ExtractionResult> {
  const started = performance.now();
  const sources = [];
  const readMessages: IngestMessage[] = [];
  for (const spec of specs) {
    const onFile = options.onProgress ? (done: number, total: number) => options.onProgress!(`read ${spec.location}`, done, total) : undefined;
    const source = await readSource(spec, { ...options, ...(options.limits?.maxFileBytes ? { maxFileBytes: options.limits.maxFileBytes } : {}), ...(onFile ? { onFile } : {}) });
    // A file given alone keeps the path typed, so that messages name it as the user knows it.
    sources.push(source.kind === 'file' ? source.files.map((file) => ({ ...file, path: spec.location })) : source.files);
    for (const message of source.messages) readMessages.push(source.kind === 'file' ? { ...message, file: spec.location } : message);
  }
  const result = extractFromSources(sources, undefined, options);
  // Entries not read (a FIFO, a symbolic link, a name that is not UTF-8, a file too large) are rejected files too.
  for (const message of readMessages) {
    result.messages.push(message);
    result.rejectedFiles.push(message.file);
  }
  result.counts.files += readMessages.length;
  result.counts.rejected = result.rejectedFiles.length;
  result.timings.read = performance.now() - started - result.timings.parse - result.timings.extract - result.timings.resolve;
  return result;
}

/** Parses, extracts and resolves files already in memory: one list per source (duplicates are looked for within a source). */
/**
 * What a replay keeps from one commit to the next so that each amendment costs only what it
 * changed: parses by blob and folder titles, and references by article content.
 */
export interface ExtractionCache {
  parsed: Map<string, ReturnType<typeof parseFile>>;
  references: Map<string, Reference[]>;
  /** The README.md files the section titles were collected from. */
  titlesKey: string;
  sectionTitles: Map<string, string>;
  /** Resolved references by article object, valid while the articles and their statuses stay `idsKey`. */
  resolved: WeakMap<Article, ResolvedReference[]>;
  idsKey: string;
  /** "Did you mean" suggestions, kept while no id near their target comes or goes. */
  suggestions: SuggestionMemo;
}

/** An empty cache for extractFromSources. */
export function createExtractionCache(): ExtractionCache {
  return { parsed: new Map(), references: new Map(), titlesKey: '', sectionTitles: new Map(), resolved: new WeakMap(), idsKey: '', suggestions: createSuggestionMemo() };
}

export function extractFromSources(sources: SourceFile[][], cache?: ExtractionCache, options: ExtractionOptions = {}): ExtractionResult {
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const total = sources.reduce((sum, files) => sum + files.length, 0);
  let done = 0;
  const counts: ExtractionCounts = { files: 0, byFormat: {}, skipped: 0, rejected: 0, supersededVersions: 0, articles: 0, documents: 0, references: 0, unresolved: 0 };
  const messages: IngestMessage[] = [];
  const rejectedFiles: string[] = [];
  const articles: Article[] = [];
  const documents: FreeTextDocument[] = [];
  let time = performance.now();
  for (const files of sources) {
    counts.files += files.length;
    const readmes = files.filter((file) => /(^|\/)README\.md$/i.test(file.path));
    const titlesKey = cache ? readmes.map((file) => `${file.path}:${file.sha ?? file.bytes.length}`).join('|') : '';
    const sectionTitles = cache && titlesKey === cache.titlesKey
      ? cache.sectionTitles
      : collectSectionTitles(readmes.map((file) => ({ path: file.path, text: file.bytes.toString('utf8') })));
    if (cache && titlesKey !== cache.titlesKey) Object.assign(cache, { titlesKey, sectionTitles });
    const byId = new Map<string, number>();
    for (const file of files) {
      // Every 100 files, so that a folder of slow, hostile files still shows it moves.
      if (options.onProgress && ++done % 100 === 0) options.onProgress('parse', done, total);
      if (!TEXT_FILE.test(file.path) || (files.length > 1 && /(^|\/)README\.md$/i.test(file.path))) {
        counts.skipped++;
        continue;
      }
      // A parse depends on the file and on the titles of its folders (etalab's README.md files).
      const cacheKey = cache && file.sha ? `${file.path}\0${file.sha}\0${folderTitlesOf(file.path, sectionTitles)}` : undefined;
      const parsed = (cacheKey && cache!.parsed.get(cacheKey)) || parseFile(file.path, file.bytes, { sectionTitles, limits });
      if (cacheKey) cache!.parsed.set(cacheKey, parsed);
      if (parsed.format) counts.byFormat[parsed.format] = (counts.byFormat[parsed.format] ?? 0) + 1;
      for (const message of parsed.messages) messages.push(message);
      if (parsed.messages.some((message) => message.severity === 'error')) {
        rejectedFiles.push(file.path);
        continue;
      }
      if (parsed.document) documents.push(parsed.document);
      if (parsed.article) keepArticle(parsed.article, articles, byId, messages, rejectedFiles, counts);
    }
  }
  options.onProgress?.('parse', total, total);
  const parseTime = performance.now() - time;
  time = performance.now();
  const extracted = extractWithinLimits(articles, documents, cache, limits, messages, rejectedFiles);
  const extractTime = performance.now() - time;
  time = performance.now();
  const references = resolveWithCache(articles, extracted, cache);
  const resolveTime = performance.now() - time;
  const byText: TextReferences[] = [];
  let offset = 0;
  for (const [index, item] of extracted.entries()) {
    const article = articles[index];
    const file = article ? article.sourceFile : documents[index - articles.length]!.sourceFile;
    byText.push({ id: item.from, file, kind: article ? 'article' : 'document', references: references.slice(offset, offset + item.references.length) });
    offset += item.references.length;
  }
  counts.rejected = rejectedFiles.length;
  counts.articles = articles.length;
  counts.documents = documents.length;
  counts.references = references.length;
  counts.unresolved = references.filter((reference) => reference.resolution === 'unresolved').length;
  return { articles, documents, references, byText, messages, rejectedFiles, counts, timings: { read: 0, parse: parseTime, extract: extractTime, resolve: resolveTime } };
}

/** The titles of a file's folders, as known from the README.md files: part of what its parse depends on. */
function folderTitlesOf(filePath: string, sectionTitles: Map<string, string>): string {
  const titles: string[] = [];
  for (let end = filePath.lastIndexOf('/'); end > 0; end = filePath.lastIndexOf('/', end - 1)) titles.push(sectionTitles.get(filePath.slice(0, end)) ?? '');
  return titles.join('\0');
}

/**
 * Resolves every reference; in a replay, an article whose object and the set of article ids are
 * both unchanged keeps its resolved references, so an amendment resolves only what it touched.
 */
function resolveWithCache(articles: Article[], extracted: Array<{ from: string; references: Reference[] }>, cache: ExtractionCache | undefined): ResolvedReference[] {
  if (!cache) return resolveReferences({ articles, references: extracted });
  // Resolution depends on which articles exist and on which are repealed ("reason: repealed").
  const idsKey = articles.map((article) => `${article.id}:${article.status}`).sort().join('|');
  const idsChanged = idsKey !== cache.idsKey;
  cache.idsKey = idsKey;
  // When articles came or went, every reference may resolve differently: resolve all again, but
  // keep the previous objects where nothing changed, so that later stages recognise them.
  const pending = extracted.filter((_item, index) => idsChanged || index >= articles.length || !cache.resolved.has(articles[index]!));
  const fresh = pending.length > 0 ? resolveReferences({ articles, references: pending, suggestionMemo: cache.suggestions }) : [];
  const result: ResolvedReference[] = [];
  let offset = 0;
  for (const [index, item] of extracted.entries()) {
    const article = index < articles.length ? articles[index]! : undefined;
    const cached = article ? cache.resolved.get(article) : undefined;
    let resolved = cached;
    if (!cached || idsChanged || !article) {
      resolved = fresh.slice(offset, offset + item.references.length);
      offset += item.references.length;
      if (cached && sameResolution(cached, resolved)) resolved = cached;
      else if (article) cache.resolved.set(article, resolved);
    }
    for (const reference of resolved!) result.push(reference);
  }
  return result;
}

function sameResolution(a: ResolvedReference[], b: ResolvedReference[]): boolean {
  return a.length === b.length && a.every((item, index) => JSON.stringify(item) === JSON.stringify(b[index]));
}

/**
 * Every text's references; a text making more than maxReferencesPerText of them, or one whose
 * values are too long to store, is rejected (its file named) and taken out before resolution.
 */
function extractWithinLimits(articles: Article[], documents: FreeTextDocument[], cache: ExtractionCache | undefined, limits: IngestLimits, messages: IngestMessage[], rejectedFiles: string[]): Array<{ from: string; references: Reference[] }> {
  const keep = <T extends Article | FreeTextDocument>(texts: T[], extract: (text: T) => Reference[]) => {
    const kept: Array<{ text: T; references: Reference[] }> = [];
    for (const text of texts) {
      const references = extract(text);
      const errors = checkReferenceLimits(text.sourceFile, references, limits);
      if (errors.length === 0) kept.push({ text, references });
      else {
        for (const error of errors) messages.push(error);
        rejectedFiles.push(text.sourceFile);
      }
    }
    texts.length = 0;
    for (const item of kept) texts.push(item.text);
    return kept.map((item) => ({ from: item.text.id, references: item.references }));
  };
  const fromArticles = keep(articles, (article) => extractArticleReferences(article, cache, limits.maxReferencesPerText));
  const fromDocuments = keep(documents, (document) => extractReferences(document.text, limits.maxReferencesPerText));
  return [...fromArticles, ...fromDocuments];
}

/** An article's references: its text's, merged with its links (cached by content in a replay). */
function extractArticleReferences(article: Article, cache: ExtractionCache | undefined, limit: number): Reference[] {
  const cached = cache?.references.get(article.contentHash);
  if (cached) return cached;
  const references = mergeLinkReferences(extractReferences(article.text, limit), article.links);
  cache?.references.set(article.contentHash, references);
  return references;
}

/**
 * Keeps one article per id within a source. Two versions of one article (one repealed, one not:
 * etalab's "codes-non-en-vigueur" copy, lexlib's "Article L2334-40 - 6390900.md" repealed beside
 * "… - 23366317.md") keep the one in force; two files of the same status are a real duplicate
 * (cgct-legifrance-md has two "r4422-2.md" in different sections): the second is rejected.
 */
function keepArticle(article: Article, articles: Article[], byId: Map<string, number>, messages: IngestMessage[], rejectedFiles: string[], counts: ExtractionCounts): void {
  const index = byId.get(article.id);
  if (index === undefined) {
    byId.set(article.id, articles.push(article) - 1);
    return;
  }
  const kept = articles[index]!;
  const keptRepealed = kept.status === 'repealed';
  if (keptRepealed !== (article.status === 'repealed')) {
    counts.supersededVersions++;
    if (keptRepealed) articles[index] = article;
    return;
  }
  rejectedFiles.push(article.sourceFile);
  messages.push({
    file: article.sourceFile,
    line: 1,
    ruleId: 'duplicate-article',
    reason: `article ${article.id} is also in ${kept.sourceFile}; kept that one`,
    severity: 'error',
  });
}
