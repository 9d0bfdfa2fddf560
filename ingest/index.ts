// The ingest's public surface: the pipeline's entry points and its records (see README.md, "Layout").
export { normalizeArticleId, compareArticleIds, articleSortKeyString, partOfArticle, type CodePart } from './article-id.ts';
export { normalizeTextName, textKindOf, THIS_CODE } from './text-name.ts';
export { readSource, parseSourceSpec, SourceError, type SourceFile, type SourceSpec } from './read-source.ts';
export { listCommits, type CommitInfo } from './list-commits.ts';
export { parseFile } from './parse-file.ts';
export { extractReferences } from './extract-references.ts';
export { mergeLinkReferences } from './merge-link-references.ts';
export { resolveReferences } from './resolve-references.ts';
export { runExtraction, extractFromSources, type ExtractionResult } from './run-extraction.ts';
export { toGraphRecords, type SourceSnapshot } from './to-graph-records.ts';
export { planGraphChanges, type GraphChangePlan } from './plan-graph-changes.ts';
export { applyGraphChanges, readGraphState } from './write-graph.ts';
export { runIngest, IngestRefusedError, type SourceIngestReport } from './run-ingest.ts';
export { runReplay, type ReplayReport, type AmendmentChangeSet } from './run-replay.ts';
export { diffParagraphs } from './diff-paragraphs.ts';
export type * from './types.ts';
