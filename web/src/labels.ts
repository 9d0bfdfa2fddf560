/** French wording of the API's enums, as Légifrance prints them where it has a word for it. */
import type { ArticleStatus, Direction, LinkType, NodeKind } from './types.ts';

/** Relationship types, in the outgoing sense (what the article does). */
export const LINK_TYPE_LABELS: Record<LinkType, string> = {
  CITES: 'Cite',
  CREATED_BY: 'Créé par',
  MODIFIED_BY: 'Modifié par',
  REPEALED_BY: 'Abrogé par',
  CODIFIED_BY: 'Codifié par',
  TRANSFERRED_BY: 'Transféré par',
  FORMER_TEXT: 'Anciens textes',
  NEW_TEXT: 'Nouveaux textes',
  RELATED_TO: 'Autres liens',
  MENTIONS: 'Mentionné dans',
};

/** Relationship types seen from the other end (who points at the article). */
export const INCOMING_LINK_TYPE_LABELS: Record<LinkType, string> = {
  CITES: 'Cité par',
  CREATED_BY: 'A créé',
  MODIFIED_BY: 'A modifié',
  REPEALED_BY: 'A abrogé',
  CODIFIED_BY: 'A codifié',
  TRANSFERRED_BY: 'A transféré',
  FORMER_TEXT: 'Texte ancien de',
  NEW_TEXT: 'Texte nouveau de',
  RELATED_TO: 'Autres liens',
  MENTIONS: 'Mentionné dans',
};

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  IN_FORCE: 'En vigueur',
  REPEALED: 'Abrogé',
  DEFERRED: 'En vigueur différée',
  UNKNOWN: 'Statut inconnu',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  OUTGOING: 'Ce qu’il cite',
  INCOMING: 'Ce qui le cite',
  BOTH: 'Les deux',
};

export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  ARTICLE: 'Article',
  EXTERNAL_ARTICLE: 'Article d’une loi, ou d’un code absent du graphe',
  LEGAL_TEXT: 'Loi, ordonnance, décret ou code',
  UNRESOLVED: 'Référence non résolue',
  DOCUMENT: 'Document',
};

/** Why a reference did not resolve (`Reference.reason`). */
export const REASON_LABELS: Record<string, string> = {
  'not-in-code': 'cet article n’existe pas dans le code',
  repealed: 'cet article a été abrogé',
  'not-yet-in-force': 'cet article n’est pas encore en vigueur',
  'never-existed': 'cet article n’a jamais existé',
  'absent-from-code': 'cet article n’existe pas dans le code cité (texte en vigueur à la date de ce code)',
  'code-not-loaded': 'le code cité n’est pas chargé dans ce graphe',
};

/** The same reasons in a word or two, for the list of unresolved references. */
export const REASON_SHORT_LABELS: Record<string, string> = {
  'not-in-code': 'Hors du code',
  repealed: 'Abrogé',
  'not-yet-in-force': 'Pas encore en vigueur',
  'never-existed': 'Inexistant',
  'absent-from-code': 'Absent du code cité',
  'code-not-loaded': 'Code non chargé',
};

/** The status markers of "Liens relatifs à cet article". */
export const RELATED_STATUS_LABELS: Record<string, string> = {
  V: 'en vigueur',
  VD: 'en vigueur différée',
  Ab: 'abrogé',
  M: 'modifié',
  T: 'transféré',
  VT: 'en vigueur, transféré',
  MMN: 'modifié, numérotation modifiée',
  P: 'périmé',
};

/** The Parties of the code, for the legend. */
export const PARTIE_LABELS: readonly string[] = [
  '1re partie : dispositions générales',
  '2e partie : la commune',
  '3e partie : le département',
  '4e partie : la région',
  '5e partie : la coopération locale',
  '6e partie : collectivités d’outre-mer (art. 74)',
  '7e partie : Guyane et Martinique',
];
