/**
 * The French sentences that tell an article's life: its periods in force, its repeal, why a
 * reference leads to no article in force. Pure: strings in, strings out.
 */
import { formatDate } from './french-date.ts';
import type { Period } from './types.ts';

/** What is known of a number's life (an article, or an unresolved reference's target). */
export interface LifeDates {
  inForceFrom?: string | null;
  repealedOn?: string | null;
  repealedBy?: string | null;
}

/** « en vigueur du 24/02/1996 au 12/03/2009 », « en vigueur depuis le 30/07/2004 », « en vigueur à partir du 01/01/2038 ». */
export function describePeriod(period: Period, today: string): string {
  if (period.to) return `en vigueur du ${formatDate(period.from)} au ${formatDate(period.to)}`;
  return period.from > today ? `en vigueur à partir du ${formatDate(period.from)}` : `en vigueur depuis le ${formatDate(period.from)}`;
}

/** « abrogé le 12/03/2009 par LOI n° 2009-257 … », or without the text when it is not known. */
export function describeRepeal(life: LifeDates): string | null {
  if (!life.repealedOn) return null;
  return `abrogé le ${formatDate(life.repealedOn)}${life.repealedBy ? ` par ${life.repealedBy}` : ''}`;
}

/** « pas encore en vigueur (à partir du 01/01/2038) ». */
export function describeNotYet(life: LifeDates): string {
  return life.inForceFrom ? `pas encore en vigueur (à partir du ${formatDate(life.inForceFrom)})` : 'pas encore en vigueur';
}

/** Why a reference leads to no article in force, with the dates when the number did or will exist. */
export function describeReason(reason: string | null | undefined, life: LifeDates): string {
  switch (reason) {
    case 'repealed':
      return describeRepeal(life) ?? 'abrogé';
    case 'not-yet-in-force':
      return describeNotYet(life);
    case 'not-in-code':
      return 'hors du code';
    case 'never-existed':
      return 'n’a jamais existé';
    default:
      return 'raison inconnue';
  }
}

/** Capitalizes the first letter, for a sentence. */
export function sentence(text: string): string {
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}.` : text;
}
