// The browser's pure modules, for the server side and tools (the page itself starts at src/main.ts).
export { buildElements, mergeGraphs, keyOfEdge, classesOfNode, classesOfEdge, isMetadataOnlyCitation, shortenLabel } from './src/graph-elements.ts';
export type { GraphElement, BuildElementsOptions, BuiltElements } from './src/graph-elements.ts';
export { parseRoute, formatRoute, createDefaultGraphState, isIsoDate, LINK_TYPES } from './src/route.ts';
export type { Route, GraphState, LayoutName } from './src/route.ts';
export { segmentArticleBlocks, parseHighlight } from './src/article-text.ts';
export type { TextBlock, TextSegment, SegmentedCell } from './src/article-text.ts';
export { diffWords } from './src/text-diff.ts';
