/**
 * The graph as a PNG that stands on its own (issue 14): a title, the date the code was read at and
 * what the picture holds above it, and below it the legend of what is drawn — only the entries
 * present, so that a printed or mailed image needs no page around it to be read.
 */
import type cytoscape from 'cytoscape';
import { KIND_STYLES, PARTIE_COLORS } from './graph-style.ts';
import { NODE_KIND_LABELS, PARTIE_LABELS } from './labels.ts';

/** The words above the picture. */
export interface PngCaption {
  title: string;
  subtitle: string;
}

interface LegendEntry {
  color: string;
  shape: string;
  label: string;
}

const SCALE = 2;
const FONT = 'DejaVu Sans, Arial, sans-serif';
const MARGIN = 24 * SCALE;
const LINE = 22 * SCALE;
const SWATCH = 12 * SCALE;

/** The legend entries of what the graph holds: its Parties, other codes, other kinds, repealed articles, chapters' boxes and summaries. */
export function legendEntriesOf(cy: cytoscape.Core): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const nodes = cy.nodes();
  const parties = new Set(nodes.filter((node) => node.data('kind') === 'ARTICLE').map((node) => Number(node.data('partie'))));
  PARTIE_COLORS.forEach((color, index) => {
    if (parties.has(index + 1)) entries.push({ color, shape: 'ellipse', label: `Article du CGCT, ${PARTIE_LABELS[index]}` });
  });
  if (nodes.some((node) => node.data('kind') === 'ARTICLE' && node.data('codeColor') !== KIND_STYLES.ARTICLE.color)) {
    entries.push({ color: '#4d6b53', shape: 'hexagon', label: 'Article d’un autre code (une teinte par code)' });
  }
  for (const kind of ['EXTERNAL_ARTICLE', 'LEGAL_TEXT', 'UNRESOLVED', 'DOCUMENT'] as const) {
    if (nodes.some((node) => node.data('kind') === kind)) entries.push({ ...KIND_STYLES[kind], label: NODE_KIND_LABELS[kind] });
  }
  if (nodes.filter('.repealed').length > 0) entries.push({ color: '#bbbbbb', shape: 'ellipse', label: 'Article abrogé (pâle)' });
  if (nodes.filter('.chapter-box').length > 0) entries.push({ color: '#e6e1d2', shape: 'rectangle', label: 'Cadre : les articles d’un même chapitre' });
  if (nodes.filter('.summary').length > 0) entries.push({ color: '#e4e4e4', shape: 'rectangle', label: 'Groupe d’articles résumé (« +12 articles du chapitre… »)' });
  if (cy.edges().length > 0) entries.push({ color: '#555555', shape: 'arrow', label: 'Citation : de l’article qui cite vers l’article cité' });
  return entries;
}

/** A polygon through the given points. */
function polygon(context: CanvasRenderingContext2D, points: Array<[number, number]>): void {
  points.forEach(([x, y], index) => (index === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
}

function drawSwatch(context: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number): void {
  context.fillStyle = entry.color;
  context.strokeStyle = entry.color;
  context.beginPath();
  const r = SWATCH / 2;
  const cx = x + r;
  const cy = y + r;
  if (entry.shape === 'ellipse') context.arc(cx, cy, r, 0, 2 * Math.PI);
  else if (entry.shape === 'diamond') polygon(context, [[cx, y], [x + SWATCH, cy], [cx, y + SWATCH], [x, cy]]);
  else if (entry.shape === 'hexagon') polygon(context, [0, 1, 2, 3, 4, 5].map((i): [number, number] => [cx + r * Math.cos((Math.PI / 3) * i), cy + r * Math.sin((Math.PI / 3) * i)]));
  else if (entry.shape === 'arrow') {
    // A shaft, then its head.
    context.lineWidth = 2 * SCALE;
    context.moveTo(x, cy);
    context.lineTo(x + SWATCH, cy);
    context.stroke();
    context.beginPath();
    polygon(context, [[x + SWATCH + 2 * SCALE, cy], [x + SWATCH - 4 * SCALE, cy - 4 * SCALE], [x + SWATCH - 4 * SCALE, cy + 4 * SCALE]]);
  } else context.rect(x, y, SWATCH, SWATCH);
  context.closePath();
  context.fill();
}

function loadImage(source: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('Image du graphe illisible'));
    image.src = source;
  });
}

/** The whole graph (not only the part in view) with its caption and legend, as a PNG blob. */
export async function composeGraphPng(cy: cytoscape.Core, caption: PngCaption): Promise<Blob> {
  const graph = await loadImage(cy.png({ output: 'base64uri', full: true, bg: '#ffffff', scale: SCALE }));
  const entries = legendEntriesOf(cy);
  const width = Math.max(graph.width + 2 * MARGIN, 900 * SCALE);
  const columns = Math.max(1, Math.floor((width - 2 * MARGIN) / (420 * SCALE)));
  const legendHeight = Math.ceil(entries.length / columns) * LINE + LINE;
  const headerHeight = MARGIN + 2 * LINE + LINE / 2;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = headerHeight + graph.height + legendHeight + MARGIN;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#1d1d1d';
  context.textBaseline = 'top';
  context.font = `bold ${18 * SCALE}px ${FONT}`;
  context.fillText(caption.title, MARGIN, MARGIN, width - 2 * MARGIN);
  context.font = `${13 * SCALE}px ${FONT}`;
  context.fillStyle = '#5b5b5b';
  context.fillText(caption.subtitle, MARGIN, MARGIN + LINE + 4 * SCALE, width - 2 * MARGIN);
  context.drawImage(graph, (width - graph.width) / 2, headerHeight);
  context.font = `${12 * SCALE}px ${FONT}`;
  context.fillStyle = '#1d1d1d';
  const top = headerHeight + graph.height + LINE / 2;
  const columnWidth = (width - 2 * MARGIN) / columns;
  entries.forEach((entry, index) => {
    const x = MARGIN + (index % columns) * columnWidth;
    const y = top + Math.floor(index / columns) * LINE;
    drawSwatch(context, entry, x, y);
    context.fillStyle = '#1d1d1d';
    context.fillText(entry.label, x + SWATCH + 8 * SCALE, y - SCALE, columnWidth - SWATCH - 12 * SCALE);
  });
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG non produit'))), 'image/png'));
}
