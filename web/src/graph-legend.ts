/** The graph's legend in French: the Parties' colours, the other kinds' shapes, the edge styles. */
import { h } from './dom.ts';
import { CODE_COLORS, KIND_STYLES, PARTIE_COLORS } from './graph-style.ts';
import { NODE_KIND_LABELS, PARTIE_LABELS } from './labels.ts';

const CSS_SHAPES: Record<string, string> = { hexagon: '30%', ellipse: '50%', 'round-rectangle': '4px', rectangle: '0', diamond: '0', tag: '0 50% 50% 0' };

function swatch(color: string, shape: string, extra = ''): HTMLElement {
  const element = h('span', { class: `swatch ${extra} shape-${shape}`, 'aria-hidden': 'true' });
  element.style.backgroundColor = color;
  element.style.borderRadius = CSS_SHAPES[shape] ?? '0';
  return element;
}

/** Builds the legend (a <details>, open by default, so it can be folded away). */
export function renderGraphLegend(): HTMLElement {
  const kinds = (['EXTERNAL_ARTICLE', 'LEGAL_TEXT', 'UNRESOLVED', 'DOCUMENT'] as const).map((kind) =>
    h('li', {}, swatch(KIND_STYLES[kind].color, KIND_STYLES[kind].shape), NODE_KIND_LABELS[kind]));
  return h('details', { class: 'legend', open: true },
    h('summary', {}, 'Légende'),
    h('ul', {},
      PARTIE_COLORS.map((color, i) => h('li', {}, swatch(color, 'ellipse'), `Article du CGCT, ${PARTIE_LABELS[i]}`)),
      h('li', {}, swatch(CODE_COLORS[0]!, 'hexagon'), 'Article d’un autre code (hexagone, une teinte par code ; le nom abrégé du code suit le numéro : « L300-5 C. urb. »)'),
      kinds,
      h('li', {}, swatch('#bbbbbb', 'ellipse', 'repealed'), 'Article abrogé (pâle, bord en tirets)'),
      h('li', {}, swatch('#bbbbbb', 'ellipse', 'expanded'), 'Nœud déplié (double bord)'),
      h('li', {}, swatch('#e4e4e4', 'round-rectangle', 'summary'), 'Groupe d’articles résumé (« +12 articles du chapitre L. 2224 ») : un clic le déplie'),
      h('li', {}, swatch('#f2efe6', 'round-rectangle', 'chapter-box'), 'Cadre « Chapitre L. 2224 » : les articles d’un même chapitre ; un clic sur le cadre le replie'),
      h('li', {}, h('span', { class: 'edge-sample cites', 'aria-hidden': 'true' }), 'Citation (flèche pleine)'),
      h('li', {}, h('span', { class: 'edge-sample cites-metadata', 'aria-hidden': 'true' }), 'Citation des seules métadonnées, pas du texte (tirets foncés)'),
      h('li', {}, h('span', { class: 'edge-sample metadata', 'aria-hidden': 'true' }), 'Créé, modifié, abrogé par… (tirets gris)'),
      h('li', {}, h('span', { class: 'edge-sample path', 'aria-hidden': 'true' }), 'Chemin trouvé (rose)')));
}
