/**
 * Turns a node of the graph (as projected by the repository's NODE_FIELDS) into the GraphNode
 * Cytoscape draws: a kind from its label, a short label, and for articles the part and Partie.
 */
import { tocPositionOf } from '../ingest/article-id.ts';
import { CGCT_CODE, codeById, splitArticleKey, type CodeEntry } from '../ingest/codes/code-registry.ts';
import { buildLegalTextUrl } from './legal-text-url.ts';
import { asString, asStrings } from './to-plain.ts';
import type { ArticleStatusName, CodePartName, GraphNode, NodeKindName } from './types.ts';

/** A node's projected fields, as plain JS. */
export type RawNode = Record<string, unknown>;

const KIND_BY_LABEL: Record<string, NodeKindName> = {
  Article: 'ARTICLE',
  ExternalArticle: 'EXTERNAL_ARTICLE',
  LegalText: 'LEGAL_TEXT',
  UnresolvedTarget: 'UNRESOLVED',
  Document: 'DOCUMENT',
};

// The titles are shown as they are by the web UI and other clients: in French, as the code is.
const UNRESOLVED_REASONS: Record<string, string> = {
  repealed: 'article abrogé',
  'not-yet-in-force': 'article pas encore en vigueur',
  'not-in-code': 'numéro hors du code',
  'never-existed': 'article qui n’a jamais existé',
  'text-only': 'aucun article nommé',
  'absent-from-code': 'article absent de ce code',
  'code-not-loaded': 'code non chargé dans ce graphe',
};

/** The graph's `status` property → ArticleStatus. */
export function toStatus(value: unknown): ArticleStatusName {
  switch (value) {
    case 'in-force':
      return 'IN_FORCE';
    case 'repealed':
      return 'REPEALED';
    case 'deferred':
      return 'DEFERRED';
    default:
      return 'UNKNOWN';
  }
}

/** The graph's `part` property → CodePart. */
export function toPart(value: unknown): CodePartName {
  if (value === 'regulatory') return 'REGULATORY';
  if (value === 'annex') return 'ANNEX';
  return 'LEGISLATIVE';
}

/** The kind of a node from its labels (an unknown label is drawn as a legal text). */
export function kindOfLabels(labels: unknown): NodeKindName {
  for (const label of asStrings(labels)) if (KIND_BY_LABEL[label]) return KIND_BY_LABEL[label];
  return 'LEGAL_TEXT';
}

// "code de l'environnement" → "C. env.", "code général des impôts" → "CGI"-like initials are not
// standard, so keep the first meaningful word: "C. gén. impôts" reads better than a made-up acronym.
const SKIPPED_WORDS = new Set(['de', 'des', 'du', 'la', 'le', 'les', "l'", 'et']);

/** A short name for a text: "Loi 2015-991", "Décret 2000-318", "Ord. 2005-649", "C. env.". */
export function abbreviateTextName(name: string): string {
  const numbered = /^(loi organique|loi|ordonnance|décret|arrêté)\b.*?n°\s*([\w-]+)/i.exec(name);
  if (numbered) {
    const kind = numbered[1]!.toLowerCase();
    const short = kind === 'ordonnance' ? 'Ord.' : kind === 'loi organique' ? 'LO' : kind[0]!.toUpperCase() + kind.slice(1);
    return `${short} ${numbered[2]}`;
  }
  if (/^code\b/i.test(name)) {
    const words = name.replace(/^code\s+/i, '').replace(/^(de l'|de la |des |du |de )/i, '').split(/\s+/).filter((w) => !SKIPPED_WORDS.has(w));
    return `C. ${words.map((w) => (w.length > 4 ? `${w.slice(0, 3)}.` : w)).join(' ')}`;
  }
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

/** The GraphNode for a projected node. */
/** A code's short name: its usual abbreviation, else its title abbreviated ("C. urb."). */
export function shortCodeName(code: CodeEntry): string {
  return code.abbreviations[0] ?? abbreviateTextName(lowerFirst(code.title));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function toGraphNode(raw: RawNode): GraphNode {
  const id = String(raw.id);
  const kind = kindOfLabels(raw.labels);
  const base = { id, kind, part: null, partie: null, status: null } as const;
  switch (kind) {
    case 'ARTICLE': {
      // Another code's article is labelled by its number and its code's short name: "L300-5 C. urb.".
      const { code, number } = splitArticleKey(id);
      const other = code !== CGCT_CODE ? codeById(code) : undefined;
      return {
        ...base,
        code,
        label: other ? `${number} ${shortCodeName(other)}` : id,
        part: toPart(raw.part),
        partie: other ? null : (tocPositionOf(id)?.partie ?? null),
        status: toStatus(raw.status),
        title: other ? `${other.title}, article ${number}${raw.excerpt ? ` — ${asString(raw.excerpt)}` : ''}` : asString(raw.excerpt),
      };
    }
    case 'EXTERNAL_ARTICLE': {
      const textId = asString(raw.textId) ?? '';
      // An article of a law opens its law: Légifrance's page of a text lists its articles.
      const url = textId ? buildLegalTextUrl({ id: textId, legifranceId: asString(raw.legifranceId) }) : null;
      return { ...base, label: `${abbreviateTextName(textId)} ${asString(raw.number) ?? ''}`.trim(), title: `${asString(raw.number) ?? ''} — ${textId}`, url };
    }
    case 'UNRESOLVED': {
      const reason = asString(raw.reason) ?? '';
      const code = codeById(asString(raw.code) ?? '');
      const why = reason === 'absent-from-code' && code ? `article absent du ${lowerFirst(code.title)}` : (UNRESOLVED_REASONS[reason] ?? 'raison inconnue');
      return { ...base, label: `${asString(raw.number) ?? id}${code && code.id !== CGCT_CODE ? ` ${shortCodeName(code)}` : ''} ?`, title: `Introuvable : ${why}` };
    }
    case 'DOCUMENT':
      return { ...base, label: asString(raw.title) ?? id, title: asString(raw.title) };
    default:
      return { ...base, label: abbreviateTextName(id), title: asString(raw.title) ?? id, url: buildLegalTextUrl({ id, legifranceId: asString(raw.legifranceId) }) };
  }
}
