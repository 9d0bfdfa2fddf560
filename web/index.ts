// The browser's pure modules, for the server side and tools (the page itself starts at src/main.ts).
export { buildElements, mergeGraphs, keyOfEdge, classesOfNode, shortenLabel } from './src/graph-elements.ts';
export type { GraphElement, BuildElementsOptions, BuiltElements } from './src/graph-elements.ts';
export { parseRoute, formatRoute, createDefaultGraphState, isIsoDate, LINK_TYPES } from './src/route.ts';
export type { Route, GraphState, LayoutName } from './src/route.ts';
export { segmentArticleText, parseHighlight } from './src/article-text.ts';
export { diffWords } from './src/text-diff.ts';
