/**
 * The address of every view. An article lives at `/articles/L1115-1`; the graph panel's state
 * (depth, direction, types, layout, expanded nodes, chapters folded by hand, path target) rides in the query string, so a
 * copied link reproduces the view. Defaults are left out to keep links short. The list of
 * unresolved references lives at `/renvois-non-resolus`, the amendments of a period at
 * `/modifications?du=2024-01-01&au=2024-12-31`, the table of contents at `/sommaire`, opened at a
 * section at `/sommaire/L/2/1/3/1` (another code's at `/codes/<code>/sommaire/…`), and an article
 * by its Légifrance id at `/legiarti/LEGIARTI000006389099`. Pure: no DOM.
 */
import { isIsoDate } from './french-date.ts';
import type { Direction, LinkType } from './types.ts';

export { isIsoDate };

/** The graph layouts offered: fcose for citation graphs, dagre for a hierarchical reading. */
export type LayoutName = 'fcose' | 'dagre';

/** What the graph panel shows around the article. */
export interface GraphState {
  /** Hops, 1 to 3. */
  depth: number;
  /** Which way to follow relationships. */
  direction: Direction;
  /** Relationship types followed; empty means all. */
  types: LinkType[];
  /** Layout. */
  layout: LayoutName;
  /** Nodes whose neighbourhood was merged in (double-click), and chapter summaries unfolded. */
  expanded: string[];
  /** Chapters folded by hand into one node (graph-summary.ts): their box was clicked. */
  folded: string[];
  /** The article a path is drawn to, if any. */
  pathTo?: string;
}

/** A view of the application. */
export type Route =
  | { view: 'home' }
  | { view: 'search'; query: string }
  | { view: 'unresolved' }
  | { view: 'changes'; since?: string; until?: string; section?: string }
  | { view: 'toc'; code?: string; section?: string; asOf?: string }
  | { view: 'legiarti'; id: string }
  | { view: 'article'; id: string; graph: GraphState; asOf?: string };

export const LINK_TYPES: readonly LinkType[] = ['CITES', 'CREATED_BY', 'MODIFIED_BY', 'REPEALED_BY', 'CODIFIED_BY', 'TRANSFERRED_BY', 'FORMER_TEXT', 'NEW_TEXT', 'RELATED_TO', 'MENTIONS'];
const DIRECTIONS: readonly Direction[] = ['OUTGOING', 'INCOMING', 'BOTH'];

/** The graph state of a link without parameters. */
export function createDefaultGraphState(): GraphState {
  return { depth: 1, direction: 'BOTH', types: [], layout: 'fcose', expanded: [], folded: [] };
}

function parseList(value: string | null): string[] {
  return value ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
}

/** Reads a route from a path and a query string; unknown or out-of-range values fall back to defaults. */
export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  // Another code's article: /codes/code-de-lurbanisme/articles/L300-5 (the CGCT's stay at /articles/…).
  const codeArticle = /^\/codes\/([a-z0-9-]+)\/articles\/(.+?)\/?$/.exec(pathname);
  const article = codeArticle ? ([pathname, codeArticle[2]!] as const) : /^\/articles\/(.+?)\/?$/.exec(pathname);
  if (article) {
    const defaults = createDefaultGraphState();
    const depth = Number(params.get('profondeur'));
    const direction = params.get('sens') as Direction | null;
    const pathTo = params.get('chemin')?.trim();
    const asOf = params.get('date');
    return {
      view: 'article',
      id: codeArticle && codeArticle[1] !== CGCT_FOLDER ? `${codeArticle[1]}:${safeDecode(article[1]!)}` : readArticleSegment(safeDecode(article[1]!)),
      ...(asOf && isIsoDate(asOf) ? { asOf } : {}),
      graph: {
        depth: Number.isInteger(depth) && depth >= 1 && depth <= 3 ? depth : defaults.depth,
        direction: direction && DIRECTIONS.includes(direction) ? direction : defaults.direction,
        types: parseList(params.get('types')).filter((t): t is LinkType => LINK_TYPES.includes(t as LinkType)),
        layout: params.get('disposition') === 'dagre' ? 'dagre' : 'fcose',
        expanded: parseList(params.get('deplies')),
        folded: parseList(params.get('replies')),
        ...(pathTo ? { pathTo } : {}),
      },
    };
  }
  // The table of contents, the CGCT's or another code's, maybe opened at a section.
  const toc = /^(?:\/codes\/([a-z0-9-]+))?\/sommaire(?:\/(.+?))?\/?$/.exec(pathname);
  if (toc) return parseTocRoute(toc[1], toc[2], params.get('date'));
  const legiarti = /^\/legiarti\/([^/]+)\/?$/.exec(pathname);
  if (legiarti) return { view: 'legiarti', id: safeDecode(legiarti[1]!) };
  if (/^\/recherche\/?$/.test(pathname)) return { view: 'search', query: params.get('q') ?? '' };
  if (/^\/renvois-non-resolus\/?$/.test(pathname)) return { view: 'unresolved' };
  if (/^\/modifications\/?$/.test(pathname)) {
    const since = params.get('du');
    const until = params.get('au');
    const section = params.get('section');
    return { view: 'changes', ...(since && isIsoDate(since) ? { since } : {}), ...(until && isIsoDate(until) ? { until } : {}), ...(section ? { section } : {}) };
  }
  return { view: 'home' };
}

// A section id is a path already ("L/2/1/3/1/section-1"): each of its segments goes in the
// address as is. Another code's ids start with its code ("code-de-lurbanisme/partie-legislative"),
// which the address already names: left out there, put back here.
function parseTocRoute(folder: string | undefined, sectionPath: string | undefined, asOf: string | null): Route {
  const code = folder && folder !== CGCT_FOLDER ? folder : undefined;
  const section = sectionPath ? sectionPath.split('/').map(safeDecode).join('/') : undefined;
  return {
    view: 'toc',
    ...(code ? { code } : {}),
    ...(section ? { section: code ? `${code}/${section}` : section } : {}),
    ...(asOf && isIsoDate(asOf) ? { asOf } : {}),
  };
}

function formatTocRoute(route: Extract<Route, { view: 'toc' }>): string {
  const base = route.code ? `/codes/${route.code}/sommaire` : '/sommaire';
  const section = route.code && route.section?.startsWith(`${route.code}/`) ? route.section.slice(route.code.length + 1) : route.section;
  const path = section ? `${base}/${section.split('/').map(encodeURIComponent).join('/')}` : base;
  return route.asOf ? `${path}?date=${route.asOf}` : path;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Writes a route as a path and query string, leaving defaults out. */
export function formatRoute(route: Route): string {
  if (route.view === 'home') return '/';
  if (route.view === 'search') return `/recherche?${new URLSearchParams({ q: route.query }).toString()}`;
  if (route.view === 'unresolved') return '/renvois-non-resolus';
  if (route.view === 'toc') return formatTocRoute(route);
  if (route.view === 'legiarti') return `/legiarti/${encodeURIComponent(route.id)}`;
  if (route.view === 'changes') {
    const params = new URLSearchParams();
    if (route.since) params.set('du', route.since);
    if (route.until) params.set('au', route.until);
    if (route.section) params.set('section', route.section);
    const query = params.toString();
    return `/modifications${query ? `?${query}` : ''}`;
  }
  const { graph } = route;
  const params = new URLSearchParams();
  if (route.asOf) params.set('date', route.asOf);
  if (graph.depth !== 1) params.set('profondeur', String(graph.depth));
  if (graph.direction !== 'BOTH') params.set('sens', graph.direction);
  if (graph.types.length) params.set('types', graph.types.join(','));
  if (graph.layout !== 'fcose') params.set('disposition', graph.layout);
  if (graph.expanded.length) params.set('deplies', graph.expanded.join(','));
  if (graph.folded.length) params.set('replies', graph.folded.join(','));
  if (graph.pathTo) params.set('chemin', graph.pathTo);
  const query = params.toString().replace(/%2C/g, ',');
  const { code, number } = splitKey(route.id);
  const path = code ? `/codes/${code}/articles/` : '/articles/';
  const segment = code ? number : writeArticleSegment(number);
  return `${path}${encodeURIComponent(segment).replace(/%2A/g, '*')}${query ? `?${query}` : ''}`;
}

// A CGCT number's suffix ("R2131-1 A", "L2333-55-1 bis") is set off by a space in its id, which an
// address would spell "%20": the address writes a dash instead ("/articles/R2131-1-A", a notation
// normalizeArticleId reads too) and reads it back. The digit before the dash keeps
// annex ids ("Annexe X-I") out. Other codes' numbers keep theirs ("1609 nonies C").
const SUFFIX_AFTER_SPACE = /^(\S*\d) ([A-Z]|bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)$/;
const SUFFIX_AFTER_DASH = /^(\S*\d)-([A-Z]|bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)$/;

/** "R2131-1 A" → "R2131-1-A", the path segment of a CGCT article. */
export function writeArticleSegment(id: string): string {
  return id.replace(SUFFIX_AFTER_SPACE, '$1-$2');
}

/** "R2131-1-A" → "R2131-1 A"; anything else unchanged (the app normalizes it). */
export function readArticleSegment(segment: string): string {
  return segment.replace(SUFFIX_AFTER_DASH, '$1 $2');
}

/** The CGCT's folder in the corpora: its articles keep the short address /articles/<number>. */
const CGCT_FOLDER = 'code-general-des-collectivites-territoriales';

/** "code-de-lurbanisme:L300-5" → that code's folder and the number; a CGCT id has no code. */
export function splitKey(id: string): { code?: string; number: string } {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)+):(.+)$/.exec(id);
  return match ? { code: match[1]!, number: match[2]! } : { number: id };
}
